package org.pointsnet.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.config.ConfigProblem;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.config.InvalidConfigurationException;
import org.pointsnet.gateway.support.TestMsps;
import org.pointsnet.gateway.support.TestPki;

class TrustedMspsTest {

    @TempDir
    Path dir;

    private static GatewaySettings.TrustedPlatform entry(final int index, final String platform, final String msp,
                                                         final Path file) {
        return new GatewaySettings.TrustedPlatform(platform, msp, file,
            "pointsnet.trust.platforms[" + index + "].ca-cert-path");
    }

    @Test
    void loadsEachPlatformsMspAndItsRootCertificates() throws Exception {
        final TestMsps msps = TestMsps.shared();

        final TrustedMsps trusted = TrustedMsps.load(msps.writeCaFiles(dir));

        assertEquals(Optional.of("PlatformBMSP"), trusted.mspOf("platform-b"));
        assertEquals(Optional.empty(), trusted.mspOf("platform-x"));
        assertEquals(List.of(msps.org("platform-c").ca().certificate()), trusted.roots("PlatformCMSP"));
        assertEquals(List.of(), trusted.roots("OrdererMSP"));
    }

    @Test
    void aFileMayHoldSeveralRootsAndEntriesOfOneMspAddUp() throws Exception {
        final TestPki.Ca old = TestPki.ca("ca-old", "platform-a.pointsnet.local");
        final TestPki.Ca current = TestPki.ca("ca-new", "platform-a.pointsnet.local");
        final TestPki.Ca second = TestPki.ca("ca-a2", "platform-a.pointsnet.local");
        final Path both = Files.writeString(dir.resolve("both.pem"),
            Identities.toPemString(old.certificate()) + Identities.toPemString(current.certificate()));
        final Path other = second.writeCertificate(dir.resolve("a2.pem"));

        final TrustedMsps trusted = TrustedMsps.load(List.of(entry(0, "platform-a", "PlatformAMSP", both),
            entry(1, "platform-a2", "PlatformAMSP", other)));

        assertEquals(List.of(old.certificate(), current.certificate(), second.certificate()),
            trusted.roots("PlatformAMSP"));
        assertEquals(Optional.of("PlatformAMSP"), trusted.mspOf("platform-a2"));
    }

    @Test
    void aFileWithoutACaCertificateStopsTheGatewayNamingItsKey() throws Exception {
        final Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        final TestPki.Identity leaf = TestMsps.shared().org("platform-b").peer();
        final Path leafFile = Files.writeString(dir.resolve("leaf.pem"), Identities.toPemString(leaf.certificate()));

        final InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
            () -> TrustedMsps.load(List.of(entry(0, "platform-a", "PlatformAMSP", garbage),
                entry(1, "platform-b", "PlatformBMSP", leafFile))));

        assertEquals(List.of("pointsnet.trust.platforms[0].ca-cert-path", "pointsnet.trust.platforms[1].ca-cert-path"),
            e.problems().stream().map(ConfigProblem::property).toList());
        assertTrue(e.problems().get(0).message().startsWith("file " + garbage + " is not PEM X.509 certificates"),
            e.getMessage());
        assertEquals("file " + leafFile + " holds a certificate that is not a CA certificate; expected the root CA "
            + "of PlatformBMSP (its msp/cacerts)", e.problems().get(1).message());
    }
}
