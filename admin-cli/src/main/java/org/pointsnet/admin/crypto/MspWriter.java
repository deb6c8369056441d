package org.pointsnet.admin.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** Writes one org's MSP, CA and TLS folders in the layout Fabric expects. */
final class MspWriter {

    private final String domain;
    private final X509Certificate caCertificate;
    private final X509Certificate tlsCaCertificate;

    MspWriter(String domain, X509Certificate caCertificate, X509Certificate tlsCaCertificate) {
        this.domain = domain;
        this.caCertificate = caCertificate;
        this.tlsCaCertificate = tlsCaCertificate;
    }

    /** A CA folder: its certificate and its key (ca/ or tlsca/). */
    void writeCa(Path caDir, String certFile, CertificateAuthority ca) throws IOException {
        PemFiles.writePrivateKey(caDir.resolve(CryptoLayout.KEY_FILE), ca.privateKey());
        PemFiles.writeCertificate(caDir.resolve(certFile), ca.certificate());
    }

    /** The org-level MSP that goes into the channel configuration: CA certificates and NodeOUs. */
    void writeOrgMsp(Path mspDir) throws IOException {
        String caFile = CryptoLayout.caCertFile(domain);
        PemFiles.writeCertificate(mspDir.resolve("cacerts").resolve(caFile), caCertificate);
        PemFiles.writeCertificate(mspDir.resolve("tlscacerts").resolve(CryptoLayout.tlsCaCertFile(domain)),
            tlsCaCertificate);
        Files.writeString(mspDir.resolve("config.yaml"), nodeOuConfig("cacerts/" + caFile), StandardCharsets.UTF_8);
    }

    /** A node's or user's local MSP: the org MSP plus its signing certificate and key. */
    void writeLocalMsp(Path mspDir, String identity, IssuedCertificate signing) throws IOException {
        writeOrgMsp(mspDir);
        PemFiles.writePrivateKey(mspDir.resolve("keystore").resolve(CryptoLayout.KEY_FILE), signing.privateKey());
        PemFiles.writeCertificate(mspDir.resolve("signcerts").resolve(identity + "-cert.pem"), signing.certificate());
    }

    /** A TLS folder: ca.crt plus {@code <role>.crt} and {@code <role>.key}, role server or client. */
    void writeTls(Path tlsDir, String role, IssuedCertificate tls) throws IOException {
        writeTlsPair(tlsDir, role, tls);
        PemFiles.writeCertificate(tlsDir.resolve("ca.crt"), tlsCaCertificate);
    }

    /** One more pair, {@code <role>.crt} and {@code <role>.key}, in a TLS folder {@link #writeTls} wrote. */
    void writeTlsPair(Path tlsDir, String role, IssuedCertificate tls) throws IOException {
        PemFiles.writePrivateKey(tlsDir.resolve(role + ".key"), tls.privateKey());
        PemFiles.writeCertificate(tlsDir.resolve(role + ".crt"), tls.certificate());
    }

    /**
     * NodeOUs let Fabric classify identities by the OU of their certificate, so admins need
     * no admincerts folder and peers, orderers and clients are told apart.
     */
    static String nodeOuConfig(String caCertPath) {
        StringBuilder yaml = new StringBuilder("NodeOUs:\n  Enable: true\n");
        String[][] units = {{"ClientOUIdentifier", "client"}, {"PeerOUIdentifier", "peer"},
            {"AdminOUIdentifier", "admin"}, {"OrdererOUIdentifier", "orderer"}};
        for (String[] unit : units) {
            yaml.append("  ").append(unit[0]).append(":\n")
                .append("    Certificate: ").append(caCertPath).append('\n')
                .append("    OrganizationalUnitIdentifier: ").append(unit[1]).append('\n');
        }
        return yaml.toString();
    }
}
