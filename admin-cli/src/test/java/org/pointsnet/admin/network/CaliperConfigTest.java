package org.pointsnet.admin.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.crypto.CryptoGenerator;
import org.pointsnet.admin.spec.NetworkSpec;

/** Caliper's network configuration names each org's client identity, its peer with TLS CA, channel and chaincode. */
class CaliperConfigTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path runtime;

    @Test
    void namesEveryOrgsClientPeerChannelAndChaincodeWithExistingFiles() throws IOException {
        NetworkSpec spec = NetworkSpec.load(REPO.resolve("crypto-config/network.yaml"));
        new CryptoGenerator(spec, runtime.resolve("crypto"), false, line -> { }).generate();
        Path network = new CaliperConfig(spec, new RuntimeLayout(runtime)).write(line -> { });
        String yaml = Files.readString(network, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("  - channelName: '" + spec.channel() + "'\n"), yaml);
        assertTrue(yaml.contains("      - id: '" + spec.chaincode().name() + "'\n"), yaml);
        for (var org : spec.platformOrgs()) {
            assertTrue(yaml.contains("  - mspid: '" + org.mspId() + "'\n"), org.mspId());
            Path profile = runtime.resolve("caliper/connection-" + org.platformId() + ".yaml");
            String text = Files.readString(profile, StandardCharsets.UTF_8);
            assertTrue(text.contains("url: 'grpcs://127.0.0.1:" + org.peer().port() + "'"), text);
            assertTrue(text.contains("ssl-target-name-override: '" + org.peerFqdn() + "'"), text);
            for (String line : (yaml + text).split("\n")) {
                if (line.trim().startsWith("path: '")) {
                    String path = line.trim().substring("path: '".length(), line.trim().length() - 1);
                    assertTrue(Files.isRegularFile(Path.of(path)), "exists: " + path);
                }
            }
        }
    }
}
