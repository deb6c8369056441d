package org.pointsnet.admin.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.ChaincodeSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The two files of an org's chaincode-as-a-service package: metadata.json (type ccaas,
 * label) and connection.json (where the org's peer dials its chaincode server, over mutual TLS).
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
        Path tls = crypto.chaincodeServerTls(org);
        // Mutual TLS: the peer checks the server against its org's TLS CA and presents its own client pair, without
        // which the server (CHAINCODE_CLIENT_CA_CERT) refuses the connection.
        String connection = "{\n"
            + "  \"address\": \"" + Addresses.dial(org.chaincodeServer().host(), org.chaincodeServer().port()) + "\",\n"
            + "  \"dial_timeout\": \"10s\",\n"
            + "  \"tls_required\": true,\n"
            + "  \"client_auth_required\": true,\n"
            + "  \"root_cert\": " + pem(tls.resolve("ca.crt")) + ",\n"
            + "  \"client_cert\": " + pem(tls.resolve(CryptoLayout.CHAINCODE_CLIENT + ".crt")) + ",\n"
            + "  \"client_key\": " + pem(tls.resolve(CryptoLayout.CHAINCODE_CLIENT + ".key")) + "\n"
            + "}\n";
        writeOwnerOnly(dir.resolve("connection.json"), connection);
    }

    /** A PEM file as a JSON string (its newlines escaped). */
    private static String pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return "\"" + text.strip().replace("\n", "\\n") + "\\n\"";
    }

    /** connection.json holds the peer's client key: 0600 from the moment it exists, whatever the umask. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
