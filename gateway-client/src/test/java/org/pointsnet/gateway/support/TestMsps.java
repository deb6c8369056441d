package org.pointsnet.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pointsnet.gateway.config.GatewaySettings;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.projection.ReceiptAdmission;
import org.pointsnet.gateway.trust.EndorsementVerifier;
import org.pointsnet.gateway.trust.TrustedMsps;

/**
 * The three platform orgs of the network spec for tests: each with its own root CA (as admin-cli generates it), a
 * peer identity ({@code OU=peer}) and a client identity ({@code OU=client}), and the trust configuration naming them.
 */
public final class TestMsps {

    public static final List<String> PLATFORMS = List.of("platform-a", "platform-b", "platform-c");

    private static TestMsps shared;

    private final Map<String, Org> orgs;

    /** One platform org: platform id, MSP id, root CA and two identities it issued. */
    public record Org(String platformId, String mspId, TestPki.Ca ca, TestPki.Identity peer,
                      TestPki.Identity client) {
    }

    private TestMsps(final Map<String, Org> orgs) {
        this.orgs = Map.copyOf(orgs);
    }

    /** One set per test JVM: EC key generation is the slow part. */
    public static synchronized TestMsps shared() throws Exception {
        if (shared == null) {
            final Map<String, Org> orgs = new LinkedHashMap<>();
            for (final String platform : PLATFORMS) {
                final String msp = mspOf(platform);
                final String domain = platform + ".pointsnet.local";
                final TestPki.Ca ca = TestPki.ca("ca." + domain, domain);
                orgs.put(platform, new Org(platform, msp, ca, ca.issue("peer0." + domain, "peer"),
                    ca.issue("User1@" + domain, "client")));
            }
            shared = new TestMsps(orgs);
        }
        return shared;
    }

    /** {@code platform-a} → {@code PlatformAMSP}, as in crypto-config/network.yaml. */
    public static String mspOf(final String platformId) {
        final char letter = Character.toUpperCase(platformId.charAt(platformId.length() - 1));
        return "Platform" + letter + "MSP";
    }

    public Org org(final String platformId) {
        return orgs.get(platformId);
    }

    /** A genuine peer endorser of {@code platformId}'s MSP. */
    public TestBlocks.Endorser peer(final String platformId) {
        final Org org = orgs.get(platformId);
        return TestBlocks.Endorser.of(org.mspId(), org.peer());
    }

    public TrustedMsps trusted() {
        final Map<String, String> msps = new LinkedHashMap<>();
        final Map<String, List<java.security.cert.X509Certificate>> roots = new LinkedHashMap<>();
        orgs.values().forEach(o -> {
            msps.put(o.platformId(), o.mspId());
            roots.put(o.mspId(), List.of(o.ca().certificate()));
        });
        return new TrustedMsps(msps, roots);
    }

    public EndorsementVerifier verifier() {
        return new EndorsementVerifier(trusted());
    }

    public ReceiptAdmission admission() {
        return new ReceiptAdmission(trusted(), verifier());
    }

    /** Writes each org's CA certificate into {@code dir} and returns the trust entries naming them. */
    public List<GatewaySettings.TrustedPlatform> writeCaFiles(final Path dir) throws Exception {
        Files.createDirectories(dir);
        final List<GatewaySettings.TrustedPlatform> trust = new ArrayList<>();
        for (final Org org : orgs.values()) {
            final Path file = org.ca().writeCertificate(dir.resolve("ca." + org.platformId() + "-cert.pem"));
            trust.add(new GatewaySettings.TrustedPlatform(org.platformId(), org.mspId(), file,
                "pointsnet.trust.platforms[" + trust.size() + "].ca-cert-path"));
        }
        return trust;
    }

    /**
     * A Receipt transaction (see {@link TestBlocks#receipt}) endorsed by the peer of every platform it concerns:
     * its own and each one it posts on, as Fabric Gateway plans it from the collections written.
     */
    public TestBlocks.Tx receipt(final String txId, final String type, final String platformId,
                                 final Object... postings) {
        final Set<String> platforms = new LinkedHashSet<>();
        platforms.add(platformId);
        for (int i = 0; i + 2 < postings.length; i += 3) {
            platforms.add((String) postings[i]);
        }
        return TestBlocks.Tx.valid(txId, "Receipt", TestBlocks.receipt(txId, type, platformId, postings))
            .endorsedBy(platforms.stream().map(this::peer).toArray(TestBlocks.Endorser[]::new));
    }
}
