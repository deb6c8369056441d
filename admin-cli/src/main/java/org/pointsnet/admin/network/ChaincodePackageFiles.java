package org.pointsnet.admin.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.ChaincodeSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The two files of an org's chaincode-as-a-service package: metadata.json (type ccaas,
 * label) and connection.json (where the org's peer dials its chaincode server, over TLS).
 * Each org packages its own server address, so package ids differ per org while the
 * chaincode definition (name, version, sequence, policy) is the same for all.
 */
public final class ChaincodePackageFiles {

    private final ChaincodeSpec chaincode;
    private final CryptoLayout crypto;

    public ChaincodePackageFiles(ChaincodeSpec chaincode, CryptoLayout crypto) {
        this.chaincode = chaincode;
        this.crypto = crypto;
    }

    public String label(PlatformOrgSpec org) {
        return chaincode.name() + "_" + chaincode.version() + "_" + org.platformId();
    }

    public void write(PlatformOrgSpec org, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metadata.json"),
                "{\"type\":\"ccaas\",\"label\":\"" + label(org) + "\"}\n", StandardCharsets.UTF_8);
        String rootCert = Files.readString(crypto.chaincodeServerTls(org).resolve("ca.crt"), StandardCharsets.US_ASCII);
        String connection = "{\n"
            + "  \"address\": \"" + Addresses.dial(org.chaincodeServer().host(), org.chaincodeServer().port()) + "\",\n"
            + "  \"dial_timeout\": \"10s\",\n"
            + "  \"tls_required\": true,\n"
            + "  \"client_auth_required\": false,\n"
            + "  \"root_cert\": \"" + rootCert.strip().replace("\n", "\\n") + "\\n\"\n"
            + "}\n";
        Files.writeString(dir.resolve("connection.json"), connection, StandardCharsets.UTF_8);
    }
}
