package org.pointsnet.admin.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.admin.crypto.CertificateAssertions.assertKeyMatches;
import static org.pointsnet.admin.crypto.CertificateAssertions.assertLowS;
import static org.pointsnet.admin.crypto.CertificateAssertions.attribute;
import static org.pointsnet.admin.crypto.CertificateAssertions.authorityKeyIdentifier;
import static org.pointsnet.admin.crypto.CertificateAssertions.subjectAltNames;
import static org.pointsnet.admin.crypto.CertificateAssertions.subjectKeyIdentifier;
import static org.pointsnet.admin.crypto.CertificateAssertions.validatePath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;
import org.pointsnet.contract.OperatorRole;

class CryptoGeneratorTest {

    private static final Path SPEC_FILE = Path.of("..", "crypto-config", "network.yaml");

    @TempDir
    static Path out;
    static NetworkSpec spec;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void generateOnce() {
        spec = NetworkSpec.load(SPEC_FILE);
        new CryptoGenerator(spec, out, false, progress::add).generate();
    }

    /**
     * A peer added to an org's spec entry after its crypto was generated: the next run issues only the new peer's
     * identity and TLS pair, from the org's existing CAs; every existing file stays as it was.
     */
    @Test
    void aPeerAddedLaterIsIssuedByTheOrgsExistingCas(@TempDir Path dir) throws Exception {
        String twoPeers = Files.readString(SPEC_FILE, StandardCharsets.UTF_8);
        String second = "      - name: peer1\n        host: localhost\n        port: 7057\n"
            + "        chaincodeListenPort: 7058\n        operationsPort: 9447\n";
        assertTrue(twoPeers.contains(second));
        NetworkSpec onePeer = NetworkSpec.parse(twoPeers.replace(second, ""), "one-peer");
        new CryptoGenerator(onePeer, dir, false, line -> { }).generate();
        Path orgDir = dir.resolve("peerOrganizations").resolve("platform-a.pointsnet.local");
        Map<Path, String> before = new TreeMap<>();
        for (Path file : files(orgDir, name -> true)) {
            before.put(file, Files.readString(file, StandardCharsets.US_ASCII));
        }
        assertFalse(Files.exists(orgDir.resolve("peers").resolve("peer1.platform-a.pointsnet.local")));

        List<String> lines = new ArrayList<>();
        new CryptoGenerator(NetworkSpec.parse(twoPeers, "two-peers"), dir, false, lines::add).generate();

        assertTrue(lines.contains("added to PlatformA: peer1 (issued by its existing CAs)"), lines.toString());
        before.forEach((file, text) -> assertEquals(text, read(file), file + " changed"));
        Path peer1 = orgDir.resolve("peers").resolve("peer1.platform-a.pointsnet.local");
        X509Certificate signing = PemFiles.readCertificate(CryptoLayout.signCert(peer1));
        X509Certificate tls = PemFiles.readCertificate(peer1.resolve("tls").resolve("server.crt"));
        validatePath(signing, PemFiles.readCertificate(orgDir.resolve("ca").resolve("ca.platform-a.pointsnet.local-cert.pem")));
        validatePath(tls, PemFiles.readCertificate(orgDir.resolve("tlsca")
            .resolve("tlsca.platform-a.pointsnet.local-cert.pem")));
        assertEquals(List.of("peer"), attribute(signing, "OU"));
        assertEquals(List.of("DNS:peer1.platform-a.pointsnet.local", "DNS:peer1", "DNS:localhost", "IP:127.0.0.1"),
            subjectAltNames(tls));
        assertKeyMatches(PemFiles.readPrivateKey(CryptoLayout.keystoreKey(peer1)), signing);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsOneLinePerOrg() {
        assertEquals(List.of(
                "generated OrdererOrg: ca, tlsca, orderer0, orderer1, orderer2, Admin",
                "generated PlatformA: ca, tlsca, peer0, peer1, Admin, User1, Operator, chaincode, gateway",
                "generated PlatformB: ca, tlsca, peer0, Admin, User1, Operator, chaincode, gateway",
                "generated PlatformC: ca, tlsca, peer0, Admin, User1, Operator, chaincode, gateway"), progress);
    }

    @Test
    void signingCertificatesChainToTheOrgCaOnly() throws Exception {
        for (Org org : orgs()) {
            List<Path> signCerts = find(org.dir, "signcerts");
            assertEquals(org.identities(), signCerts.size(), org.domain + " signcerts");
            for (Path file : signCerts) {
                X509Certificate certificate = PemFiles.readCertificate(file);
                validatePath(certificate, org.ca());
                assertThrows(CertPathValidatorException.class, () -> validatePath(certificate, org.tlsCa()),
                        file + " must not chain to the TLS CA");
                assertLowS(certificate, org.ca());
            }
        }
    }

    @Test
    void tlsCertificatesChainToTheTlsCaOnly() throws Exception {
        for (Org org : orgs()) {
            List<Path> tlsCerts = tlsCertificates(org.dir);
            // A platform org adds its chaincode server, its peer's chaincode client and its gateway.
            assertEquals(org.identities() + (org.peerOrg ? 3 : 0), tlsCerts.size(), org.domain + " TLS certificates");
            for (Path file : tlsCerts) {
                X509Certificate certificate = PemFiles.readCertificate(file);
                validatePath(certificate, org.tlsCa());
                assertThrows(CertPathValidatorException.class, () -> validatePath(certificate, org.ca()),
                        file + " must not chain to the signing CA");
                assertLowS(certificate, org.tlsCa());
                assertEquals(org.tlsCa(), PemFiles.readCertificate(file.resolveSibling("ca.crt")));
            }
        }
    }

    @Test
    void certificateAuthoritiesAreSelfSignedWithSkiAndKeyCertSign() throws Exception {
        for (Org org : orgs()) {
            for (X509Certificate ca : List.of(org.ca(), org.tlsCa())) {
                String name = ca.getSubjectX500Principal().getName();
                assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal(), name);
                ca.verify(ca.getPublicKey());
                assertEquals(32, subjectKeyIdentifier(ca).length, name);
                assertTrue(ca.getKeyUsage()[5], name + " keyCertSign");
                assertTrue(ca.getKeyUsage()[6], name + " cRLSign");
                assertTrue(ca.getKeyUsage()[0], name + " digitalSignature");
                assertTrue(ca.getBasicConstraints() >= 0, name + " CA:true");
                assertTrue(ca.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")), name);
                assertTrue(ca.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")), name);
                assertEquals("SHA256withECDSA", ca.getSigAlgName());
                assertEquals(List.of("US"), attribute(ca, "C"));
                assertEquals(List.of(org.domain), attribute(ca, "O"));
            }
            assertEquals(List.of("ca." + org.domain), attribute(org.ca(), "CN"));
            assertEquals(List.of("tlsca." + org.domain), attribute(org.tlsCa(), "CN"));
        }
    }

    @Test
    void certificatesAreValidForTenYearsFromFiveMinutesAgo() throws Exception {
        X509Certificate ca = orgs().get(0).ca();
        Instant notBefore = ca.getNotBefore().toInstant();
        Instant notAfter = ca.getNotAfter().toInstant();
        assertTrue(notBefore.isBefore(Instant.now().minus(Duration.ofMinutes(4))), "notBefore " + notBefore);
        assertTrue(notBefore.isAfter(Instant.now().minus(Duration.ofMinutes(10))), "notBefore " + notBefore);
        long days = Duration.between(notBefore, notAfter).toDays();
        assertTrue(days >= 3651 && days <= 3654, "validity days " + days);
    }

    @Test
    void signingCertificatesCarryTheNodeOu() throws Exception {
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        Path ordererDir = out.resolve("ordererOrganizations").resolve(ordererOrg.domain());
        String ordererFqdn = ordererOrg.orderers().get(0).fqdn(ordererOrg.domain());
        assertSigning(ordererDir.resolve("orderers").resolve(ordererFqdn), ordererFqdn, "orderer", ordererOrg.domain());
        assertSigning(ordererDir.resolve("users").resolve("Admin@" + ordererOrg.domain()),
                "Admin@" + ordererOrg.domain(), "admin", ordererOrg.domain());
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            Path dir = out.resolve("peerOrganizations").resolve(org.domain());
            assertSigning(dir.resolve("peers").resolve(org.peerFqdn()), org.peerFqdn(), "peer", org.domain());
            assertSigning(dir.resolve("users").resolve("Admin@" + org.domain()), "Admin@" + org.domain(), "admin", org.domain());
            assertSigning(dir.resolve("users").resolve("User1@" + org.domain()), "User1@" + org.domain(), "client", org.domain());
            assertSigning(dir.resolve("users").resolve("Operator@" + org.domain()), "Operator@" + org.domain(), "client",
                    org.domain());
        }
    }

    @Test
    void onlyTheOperatorCarriesTheOperatorRoleAsAFabricCaAttribute() throws Exception {
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            Path users = out.resolve("peerOrganizations").resolve(org.domain()).resolve("users");
            X509Certificate operator = signCert(users, "Operator@" + org.domain());
            byte[] extension = operator.getExtensionValue(OperatorRole.FABRIC_ATTRIBUTES_OID);
            assertNotNull(extension, "Operator@" + org.domain() + " has no attribute extension");
            assertFalse(operator.getCriticalExtensionOIDs().contains(OperatorRole.FABRIC_ATTRIBUTES_OID));
            // Fabric CA's encoding: the extension's value (an OCTET STRING) is the JSON itself.
            String json = new String(((ASN1OctetString) ASN1Primitive.fromByteArray(extension)).getOctets(),
                    StandardCharsets.UTF_8);
            assertEquals("{\"attrs\":{\"pointsnet.role\":\"operator\"}}", json);
            for (String other : List.of("Admin@", "User1@")) {
                assertNull(signCert(users, other + org.domain()).getExtensionValue(OperatorRole.FABRIC_ATTRIBUTES_OID),
                        other + org.domain());
            }
        }
    }

    private static X509Certificate signCert(Path users, String identity) throws Exception {
        return PemFiles.readCertificate(users.resolve(identity).resolve("msp").resolve("signcerts")
                .resolve(identity + "-cert.pem"));
    }

    private static void assertSigning(Path identityDir, String commonName, String ou, String domain) throws Exception {
        X509Certificate certificate = PemFiles.readCertificate(
                identityDir.resolve("msp").resolve("signcerts").resolve(commonName + "-cert.pem"));
        assertEquals(List.of(commonName), attribute(certificate, "CN"));
        assertEquals(List.of(ou), attribute(certificate, "OU"), commonName);
        assertEquals(List.of(domain), attribute(certificate, "O"));
        assertEquals(-1, certificate.getBasicConstraints(), commonName + " CA:false");
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int bit = 1; bit < usage.length; bit++) {
            assertFalse(usage[bit], commonName + " key usage bit " + bit);
        }
        assertTrue(certificate.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
        X509Certificate ca = PemFiles.readCertificate(identityDir.resolve("msp").resolve("cacerts").resolve("ca." + domain + "-cert.pem"));
        assertArrayEquals(subjectKeyIdentifier(ca), authorityKeyIdentifier(certificate), commonName + " AKI");
        subjectKeyIdentifier(certificate);
        assertTrue(Files.isRegularFile(identityDir.resolve("msp").resolve("tlscacerts").resolve("tlsca." + domain + "-cert.pem")));
        assertTrue(Files.isRegularFile(identityDir.resolve("msp").resolve("config.yaml")));
        assertKeyMatches(PemFiles.readPrivateKey(identityDir.resolve("msp").resolve("keystore").resolve("priv_sk")), certificate);
    }

    @Test
    void tlsCertificatesNameTheNodeInTheirSans() throws Exception {
        PlatformOrgSpec a = spec.platform("platform-a");
        Path dir = out.resolve("peerOrganizations").resolve(a.domain());
        X509Certificate peer = PemFiles.readCertificate(dir.resolve("peers").resolve(a.peerFqdn()).resolve("tls").resolve("server.crt"));
        assertEquals(List.of("DNS:" + a.peerFqdn(), "DNS:peer0", "DNS:localhost", "IP:127.0.0.1"), subjectAltNames(peer));
        assertEquals(List.of(a.peerFqdn()), attribute(peer, "CN"));
        assertTlsExtensions(peer, dir);

        X509Certificate chaincode = PemFiles.readCertificate(dir.resolve("chaincode").resolve("tls").resolve("server.crt"));
        List<String> chaincodeNames = subjectAltNames(chaincode);
        assertTrue(chaincodeNames.containsAll(List.of("DNS:" + a.chaincodeServer().host(), "DNS:chaincode." + a.domain(),
                "DNS:localhost", "IP:127.0.0.1")), chaincodeNames.toString());
        assertTlsExtensions(chaincode, dir);

        X509Certificate peerClient = PemFiles.readCertificate(dir.resolve("chaincode").resolve("tls")
                .resolve("peer-client.crt"));
        assertEquals(List.of(a.peerFqdn()), attribute(peerClient, "CN"));
        assertTlsExtensions(peerClient, dir);

        X509Certificate gateway = PemFiles.readCertificate(dir.resolve("gateway").resolve("tls").resolve("server.crt"));
        List<String> gatewayNames = subjectAltNames(gateway);
        assertTrue(gatewayNames.containsAll(List.of("DNS:" + a.gateway().host(), "DNS:gateway." + a.domain(),
                "DNS:localhost", "IP:127.0.0.1")), gatewayNames.toString());
        assertTlsExtensions(gateway, dir);

        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        String fqdn = ordererOrg.orderers().get(0).fqdn(ordererOrg.domain());
        Path ordererDir = out.resolve("ordererOrganizations").resolve(ordererOrg.domain());
        X509Certificate orderer = PemFiles.readCertificate(ordererDir.resolve("orderers").resolve(fqdn).resolve("tls").resolve("server.crt"));
        assertEquals(List.of("DNS:" + fqdn, "DNS:orderer0", "DNS:localhost", "IP:127.0.0.1"), subjectAltNames(orderer));
        assertTlsExtensions(orderer, ordererDir);

        X509Certificate admin = PemFiles.readCertificate(ordererDir.resolve("users").resolve("Admin@" + ordererOrg.domain())
                .resolve("tls").resolve("client.crt"));
        assertEquals(List.of("Admin@" + ordererOrg.domain()), attribute(admin, "CN"));
        assertTlsExtensions(admin, ordererDir);
    }

    @Test
    void theGatewayCertificateNamesEveryInstanceHostBehindTheBalancer(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String yaml = Files.readString(SPEC_FILE, StandardCharsets.UTF_8).replace(
            "    gateways:\n      - host: localhost\n        port: 8091\n      - host: localhost\n        port: 8092\n",
            "    gateways:\n      - host: gw1.platform-a.example.com\n        port: 8091\n"
                + "      - host: 10.0.0.12\n        port: 8092\n");
        NetworkSpec moved = NetworkSpec.parse(yaml, "moved.yaml");
        assertEquals("gw1.platform-a.example.com", moved.platform("platform-a").gateways().get(0).host());
        new CryptoGenerator(moved, dir, false, line -> { }).generate();
        X509Certificate gateway = PemFiles.readCertificate(dir.resolve("peerOrganizations/platform-a.pointsnet.local/"
            + "gateway/tls/server.crt"));
        List<String> names = subjectAltNames(gateway);
        assertTrue(names.containsAll(List.of("DNS:localhost", "DNS:gw1.platform-a.example.com", "IP:10.0.0.12",
            "DNS:gateway.platform-a.pointsnet.local", "IP:127.0.0.1")), names.toString());
    }

    private static void assertTlsExtensions(X509Certificate certificate, Path orgDir) throws Exception {
        String name = certificate.getSubjectX500Principal().getName();
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0] && usage[2], name + " digitalSignature+keyEncipherment");
        assertFalse(usage[5], name + " keyCertSign");
        assertTrue(certificate.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")), name);
        assertEquals(-1, certificate.getBasicConstraints(), name);
        X509Certificate tlsCa = PemFiles.readCertificate(files(orgDir.resolve("tlsca"), n -> n.endsWith("-cert.pem")).get(0));
        assertArrayEquals(subjectKeyIdentifier(tlsCa), authorityKeyIdentifier(certificate), name + " AKI");
    }

    @Test
    void everyPrivateKeyMatchesItsCertificate() throws Exception {
        int checked = 0;
        for (Path key : files(out, name -> name.equals("priv_sk") || name.endsWith(".key"))) {
            Path certificate;
            String name = key.getFileName().toString();
            if (name.endsWith(".key")) {
                certificate = key.resolveSibling(name.replace(".key", ".crt"));
            } else if (key.getParent().getFileName().toString().equals("keystore")) {
                certificate = find(key.getParent().getParent(), "signcerts").get(0);
            } else {
                certificate = files(key.getParent(), n -> n.endsWith("-cert.pem")).get(0);
            }
            assertTrue(Files.readString(key, StandardCharsets.US_ASCII).startsWith("-----BEGIN PRIVATE KEY-----\n"), key.toString());
            assertKeyMatches(PemFiles.readPrivateKey(key), PemFiles.readCertificate(certificate));
            checked++;
        }
        // Per org 2 CA keys; orderer org: orderer0..2 + Admin, 2 keys each; platform: peer0, Admin, User1, Operator,
        // 2 keys each, + chaincode server, the peer's chaincode client and the gateway; platform-a's peer1, 2 keys.
        assertEquals((2 + 8) + 3 * (2 + 8 + 3) + 2, checked);
    }

    @Test
    void privateKeysAreOwnerOnly() throws Exception {
        List<Path> keys = files(out, name -> name.equals("priv_sk") || name.endsWith(".key"));
        assertFalse(keys.isEmpty());
        for (Path key : keys) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())),
                    key.getParent().toString());
        }
    }

    @Test
    void nodeOuConfigPointsAtTheCaCertificate() throws Exception {
        for (Path config : files(out, name -> name.equals("config.yaml"))) {
            String yaml = Files.readString(config);
            assertTrue(yaml.startsWith("NodeOUs:\n  Enable: true\n"), config.toString());
            for (String ou : List.of("client", "peer", "admin", "orderer")) {
                assertTrue(yaml.contains("OrganizationalUnitIdentifier: " + ou + "\n"), config + " " + ou);
            }
            String certificate = yaml.lines().filter(line -> line.strip().startsWith("Certificate: ")).findFirst()
                    .orElseThrow().strip().substring("Certificate: ".length());
            assertTrue(Files.isRegularFile(config.resolveSibling(certificate)), config + " -> " + certificate);
        }
    }

    /** The paths network render writes into node configuration exist. */
    @Test
    void layoutMatchesWhatNetworkRenderReferences() {
        CryptoLayout layout = new CryptoLayout(out);
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        List<Path> expected = new ArrayList<>();
        Path ordererOrgDir = layout.ordererOrg(ordererOrg);
        expected.add(ordererOrgDir.resolve("msp").resolve("config.yaml"));
        expected.add(CryptoLayout.tlsCaCert(ordererOrgDir, ordererOrg.domain()));
        ordererOrg.orderers().forEach(node -> {
            Path home = layout.ordererNode(ordererOrg, node);
            expected.add(home.resolve("msp").resolve("keystore").resolve("priv_sk"));
            expected.add(home.resolve("tls").resolve("server.crt"));
        });
        Path ordererAdmin = CryptoLayout.userDir(ordererOrgDir, "Admin", ordererOrg.domain());
        expected.add(ordererAdmin.resolve("tls").resolve("client.key"));
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            Path orgDir = layout.peerOrg(org);
            expected.add(CryptoLayout.tlsCaCert(orgDir, org.domain()));
            expected.add(layout.peerNode(org).resolve("tls").resolve("server.key"));
            expected.add(layout.chaincodeServerTls(org).resolve("ca.crt"));
            expected.add(layout.chaincodeServerTls(org).resolve("server.key"));
            expected.add(layout.chaincodeServerTls(org).resolve(CryptoLayout.CHAINCODE_CLIENT + ".key"));
            expected.add(layout.gatewayTls(org).resolve("server.crt"));
            expected.add(layout.gatewayTls(org).resolve("server.key"));
            Path user = CryptoLayout.userDir(orgDir, "User1", org.domain());
            expected.add(CryptoLayout.signCert(user));
            expected.add(CryptoLayout.keystoreKey(user));
            expected.add(CryptoLayout.signCert(CryptoLayout.userDir(orgDir, "Admin", org.domain())));
            Path operator = CryptoLayout.userDir(orgDir, "Operator", org.domain());
            expected.add(CryptoLayout.signCert(operator));
            expected.add(CryptoLayout.keystoreKey(operator));
        }
        for (Path file : expected) {
            assertTrue(Files.isRegularFile(file), "missing " + out.relativize(file));
        }
    }

    @Test
    void rerunKeepsFilesAndForceReplacesThem(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        new CryptoGenerator(spec, dir, false, lines::add).generate();
        Map<Path, byte[]> first = snapshot(dir);

        lines.clear();
        new CryptoGenerator(spec, dir, false, lines::add).generate();
        assertEquals(4, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.startsWith("kept ")), lines.toString());
        Map<Path, byte[]> second = snapshot(dir);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((file, bytes) -> assertArrayEquals(bytes, second.get(file), file.toString()));

        lines.clear();
        new CryptoGenerator(spec, dir, true, lines::add).generate();
        assertTrue(lines.stream().allMatch(line -> line.startsWith("generated ")), lines.toString());
        Map<Path, byte[]> forced = snapshot(dir);
        assertEquals(first.keySet(), forced.keySet(), "same layout after --force");
        first.forEach((file, bytes) -> {
            if (!file.getFileName().toString().equals("config.yaml")) {
                assertFalse(Arrays.equals(bytes, forced.get(file)), file + " unchanged by --force");
            }
        });
        try (Stream<Path> leftovers = Files.list(dir.resolve("peerOrganizations"))) {
            assertEquals(3, leftovers.count(), "no staging or old folders left behind");
        }
    }

    @Test
    void refusesToKeepAnIncompleteOrg(@TempDir Path dir) throws Exception {
        new CryptoGenerator(spec, dir, false, line -> { }).generate();
        PlatformOrgSpec b = spec.platform("platform-b");
        Files.delete(dir.resolve("peerOrganizations").resolve(b.domain()).resolve("chaincode").resolve("tls").resolve("server.key"));

        CryptoException error = assertThrows(CryptoException.class,
                () -> new CryptoGenerator(spec, dir, false, line -> { }).generate());
        assertTrue(error.getMessage().startsWith("PlatformB: "), error.getMessage());
        assertTrue(error.getMessage().contains("chaincode/tls/server.key"), error.getMessage());
        assertTrue(error.getMessage().contains("--force"), error.getMessage());

        new CryptoGenerator(spec, dir, true, line -> { }).generate();
        assertTrue(Files.isRegularFile(dir.resolve("peerOrganizations").resolve(b.domain()).resolve("chaincode").resolve("tls").resolve("server.key")));
    }

    @Test
    void failuresNameTheOrg(@TempDir Path dir) throws Exception {
        // A file where the peerOrganizations folder belongs makes every platform org fail.
        Files.writeString(dir.resolve("peerOrganizations"), "in the way");
        CryptoException error = assertThrows(CryptoException.class,
                () -> new CryptoGenerator(spec, dir, false, line -> { }).generate());
        assertTrue(error.getMessage().startsWith("PlatformA"), error.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    /** One generated org folder and what it should hold. */
    private record Org(Path dir, String domain, boolean peerOrg, int identities) {
        X509Certificate ca() throws Exception {
            return PemFiles.readCertificate(dir.resolve("ca").resolve("ca." + domain + "-cert.pem"));
        }

        X509Certificate tlsCa() throws Exception {
            return PemFiles.readCertificate(dir.resolve("tlsca").resolve("tlsca." + domain + "-cert.pem"));
        }
    }

    private static List<Org> orgs() {
        List<Org> orgs = new ArrayList<>();
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        orgs.add(new Org(out.resolve("ordererOrganizations").resolve(ordererOrg.domain()), ordererOrg.domain(), false,
                ordererOrg.orderers().size() + 1));
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            // its peers (platform-a: peer0 and peer1), Admin, User1, Operator
            orgs.add(new Org(out.resolve("peerOrganizations").resolve(org.domain()), org.domain(), true,
                org.peers().size() + 3));
        }
        return orgs;
    }

    /** Every file inside a folder with this name. */
    private static List<Path> find(Path root, String folderName) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                .filter(p -> p.getParent().getFileName().toString().equals(folderName))
                .sorted().toList();
        }
    }

    private static List<Path> tlsCertificates(Path root) throws IOException {
        return files(root, name -> name.equals("server.crt") || name.equals("client.crt") || name.equals("peer-client.crt"));
    }

    private static List<Path> files(Path root, Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        }
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> contents = new TreeMap<>();
        for (Path file : files(root, name -> true)) {
            contents.put(root.relativize(file), Files.readAllBytes(file));
        }
        return contents;
    }
}
