package org.pointsnet.admin.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * Hyperledger Caliper's network configuration (caliper-fabric 0.6.0, format 2.0.0, gateway binding) for the
 * consortium: per platform org its client identity (User1, the gateway's own), a connection profile naming its peer
 * with the org's TLS CA, the channel and the chaincode id. Written to {@code <runtime>/caliper/}; it names key files
 * by path and copies no secret.
 */
public final class CaliperConfig {

    /** The identity Caliper submits as in every org: the same client the gateway signs with. */
    static final String USER = "User1";

    private final NetworkSpec spec;
    private final RuntimeLayout runtime;
    private final CryptoLayout crypto;

    public CaliperConfig(NetworkSpec spec, RuntimeLayout runtime) {
        this.spec = spec;
        this.runtime = runtime;
        this.crypto = new CryptoLayout(runtime.crypto());
    }

    /** Writes network.yaml and one connection profile per platform org; returns network.yaml's path. */
    public Path write(Consumer<String> progress) throws IOException {
        Path dir = runtime.root().resolve("caliper");
        Files.createDirectories(dir);
        List<String> orgs = new ArrayList<>();
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            Path profile = dir.resolve("connection-" + org.platformId() + ".yaml");
            Files.writeString(profile, connectionProfile(org), StandardCharsets.UTF_8);
            Path user = CryptoLayout.userDir(crypto.peerOrg(org), USER, org.domain());
            orgs.add("  - mspid: " + quote(org.mspId()) + "\n"
                + "    identities:\n"
                + "      certificates:\n"
                + "        - name: " + quote(USER) + "\n"
                + "          clientPrivateKey:\n"
                + "            path: " + quote(CryptoLayout.keystoreKey(user).toString()) + "\n"
                + "          clientSignedCert:\n"
                + "            path: " + quote(CryptoLayout.signCert(user).toString()) + "\n"
                + "    connectionProfile:\n"
                + "      path: " + quote(profile.toString()) + "\n"
                + "      discover: true\n");
        }
        Path network = dir.resolve("network.yaml");
        Files.writeString(network, "name: " + quote("pointsnet") + "\n"
            + "version: \"2.0.0\"\n"
            + "caliper:\n"
            + "  blockchain: fabric\n"
            + "channels:\n"
            + "  - channelName: " + quote(spec.channel()) + "\n"
            + "    contracts:\n"
            + "      - id: " + quote(spec.chaincode().name()) + "\n"
            + "organizations:\n"
            + String.join("", orgs), StandardCharsets.UTF_8);
        progress.accept("Caliper network configuration: " + network);
        return network;
    }

    /** A common connection profile with the org's one peer (its TLS CA and the name its certificate carries). */
    String connectionProfile(PlatformOrgSpec org) {
        String peer = org.peerFqdn();
        return "name: " + quote(org.platformId()) + "\n"
            + "version: \"1.0.0\"\n"
            + "client:\n"
            + "  organization: " + quote(org.name()) + "\n"
            + "organizations:\n"
            + "  " + quote(org.name()) + ":\n"
            + "    mspid: " + quote(org.mspId()) + "\n"
            + "    peers:\n"
            + "      - " + quote(peer) + "\n"
            + "peers:\n"
            + "  " + quote(peer) + ":\n"
            + "    url: " + quote("grpcs://" + Addresses.dial(org.peer().host(), org.peer().port())) + "\n"
            + "    tlsCACerts:\n"
            + "      path: " + quote(CryptoLayout.tlsCaCert(crypto.peerOrg(org), org.domain()).toString()) + "\n"
            + "    grpcOptions:\n"
            + "      ssl-target-name-override: " + quote(peer) + "\n";
    }

    /** A YAML single-quoted scalar: only the quote itself needs escaping. */
    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
