package org.pointsnet.admin.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Generates one org's CAs, node and user identities and TLS certificates into a folder. */
final class OrgGenerator {

    private final OrgPlan plan;
    private final Path dir;
    private final Validity validity;
    private final SecureRandom random;

    /** {@code dir} may differ from the plan's folder: generation happens in a staging folder. */
    OrgGenerator(OrgPlan plan, Path dir, Validity validity, SecureRandom random) {
        this.plan = plan;
        this.dir = dir;
        this.validity = validity;
        this.random = random;
    }

    /** Writes everything and returns the parts generated, for the progress line. */
    List<String> generate() {
        String domain = plan.domain();
        List<String> parts = new ArrayList<>();
        CertificateAuthority ca = step("ca",
            () -> CertificateAuthority.create("ca." + domain, domain, validity, random));
        CertificateAuthority tlsCa = step("tlsca",
                () -> CertificateAuthority.create("tlsca." + domain, domain, validity, random));
        MspWriter msp = new MspWriter(domain, ca.certificate(), tlsCa.certificate());
        step("ca", () -> {
            msp.writeCa(CryptoLayout.caDir(dir), CryptoLayout.caCertFile(domain), ca);
            msp.writeCa(CryptoLayout.tlsCaDir(dir), CryptoLayout.tlsCaCertFile(domain), tlsCa);
            msp.writeOrgMsp(CryptoLayout.orgMsp(dir));
            return null;
        });
        parts.add("ca");
        parts.add("tlsca");

        for (OrgPlan.Node node : plan.nodes()) {
            writeNode(msp, ca, tlsCa, node);
            parts.add(node.name());
        }
        for (OrgPlan.User user : plan.users()) {
            String identity = user.name() + "@" + domain;
            step(identity, () -> {
                Path userDir = CryptoLayout.userDir(dir, user.name(), domain);
                msp.writeLocalMsp(userDir.resolve("msp"), identity,
                        ca.issueSigning(identity, user.ou(), user.attributes()));
                // Client-only use; a user name is no DNS name, so no SANs.
                msp.writeTls(userDir.resolve("tls"), "client", tlsCa.issueTls(identity, List.of()));
                return null;
            });
            parts.add(user.name());
        }
        if (plan.chaincodeHost() != null) {
            String commonName = "chaincode." + domain;
            step(commonName, () -> {
                msp.writeTls(CryptoLayout.chaincodeTlsDir(dir), "server", tlsCa.issueTls(commonName,
                        List.of(plan.chaincodeHost(), commonName, "localhost", "127.0.0.1")));
                // The chaincode server demands a client certificate from this org's TLS CA: the peer presents
                // this one (connection.json). A client identity, so no SANs.
                msp.writeTlsPair(CryptoLayout.chaincodeTlsDir(dir), CryptoLayout.CHAINCODE_CLIENT,
                        tlsCa.issueTls(plan.fqdn(plan.nodes().get(0)), List.of()));
                return null;
            });
            parts.add("chaincode");
        }
        if (!plan.gatewayHosts().isEmpty()) {
            String commonName = "gateway." + domain;
            step(commonName, () -> {
                // HTTPS of the org's REST gateway: clients verify it against this org's TLS CA by host name or IP.
                // One certificate for every instance (TLS passes through the balancer): the public host and each
                // instance's host.
                List<String> names = new ArrayList<>(plan.gatewayHosts());
                names.addAll(List.of(commonName, "localhost", "127.0.0.1"));
                msp.writeTls(CryptoLayout.gatewayTlsDir(dir), "server", tlsCa.issueTls(commonName,
                        names.stream().distinct().toList()));
                return null;
            });
            parts.add("gateway");
        }
        return parts;
    }

    /**
     * Adds nodes to an org generated earlier ({@code dir} is its folder): their identities and TLS pairs are issued
     * by the org's existing CAs, read from its {@code ca} and {@code tlsca} folders; nothing else is touched.
     * Returns the nodes' names.
     */
    List<String> addNodes(List<OrgPlan.Node> nodes) {
        String domain = plan.domain();
        CertificateAuthority ca = step("ca", () -> CertificateAuthority.load(
            PemFiles.readCertificate(CryptoLayout.caDir(dir).resolve(CryptoLayout.caCertFile(domain))),
            PemFiles.readPrivateKey(CryptoLayout.caDir(dir).resolve(CryptoLayout.KEY_FILE)), validity, random));
        CertificateAuthority tlsCa = step("tlsca", () -> CertificateAuthority.load(
            PemFiles.readCertificate(CryptoLayout.tlsCaDir(dir).resolve(CryptoLayout.tlsCaCertFile(domain))),
            PemFiles.readPrivateKey(CryptoLayout.tlsCaDir(dir).resolve(CryptoLayout.KEY_FILE)), validity, random));
        MspWriter msp = new MspWriter(domain, ca.certificate(), tlsCa.certificate());
        List<String> added = new ArrayList<>();
        for (OrgPlan.Node node : nodes) {
            writeNode(msp, ca, tlsCa, node);
            added.add(node.name());
        }
        return added;
    }

    /** A node's local MSP (signing identity from the CA) and TLS pair (from the TLS CA, SANs from the spec). */
    private void writeNode(MspWriter msp, CertificateAuthority ca, CertificateAuthority tlsCa, OrgPlan.Node node) {
        String fqdn = plan.fqdn(node);
        step(fqdn, () -> {
            Path nodeDir = CryptoLayout.nodeDir(dir, plan.nodesFolder(), fqdn);
            msp.writeLocalMsp(nodeDir.resolve("msp"), fqdn, ca.issueSigning(fqdn, plan.nodeOu()));
            msp.writeTls(nodeDir.resolve("tls"), "server",
                    tlsCa.issueTls(fqdn, List.of(fqdn, node.name(), node.host(), "localhost", "127.0.0.1")));
            return null;
        });
    }

    /** One unit of work; its failure is reported with the org and the node or user it was for. */
    private interface Step<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    private <T> T step(String id, Step<T> step) {
        try {
            return step.run();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new CryptoException(plan.name() + " " + id, e);
        }
    }
}
