package org.pointsnet.admin.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.crypto.CryptoGenerator;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.contract.LinkCollections;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders the real network spec against generated crypto and checks what Fabric and the script read. */
class NetworkRendererTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path runtime;

    private NetworkSpec spec;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void render() throws IOException {
        spec = NetworkSpec.load(REPO.resolve("crypto-config/network.yaml"));
        new CryptoGenerator(spec, runtime.resolve("crypto"), false, line -> { }).generate();
        new NetworkRenderer(spec, REPO, new RuntimeLayout(runtime), progress::add).render();
    }

    @Test
    void configtxDefinesEveryOrgBeforeTheProfileThatUsesIt() throws IOException {
        String configtx = read(runtime.resolve("config/configtx.yaml"));
        int profile = configtx.indexOf("Profiles:");
        for (String org : List.of("OrdererOrg", "PlatformA", "PlatformB", "PlatformC")) {
            int anchor = configtx.indexOf("  - &" + org + "\n");
            assertTrue(anchor >= 0 && anchor < profile, org + " must be defined before Profiles");
            assertTrue(configtx.indexOf("*" + org, profile) > profile, org + " must be used in the profile");
        }
        assertTrue(configtx.contains("Rule: \"OR('PlatformBMSP.peer')\""), "endorsement policy of PlatformB");
        assertTrue(configtx.contains("      - Host: 127.0.0.1\n        Port: 8051\n"), "anchor peer of PlatformB");
        assertTrue(configtx.contains("      - 127.0.0.1:7050\n"), "orderer endpoint");
        assertTrue(configtx.contains("Options: *RaftOptions"), "raft options come from the committed base");
    }

    @Test
    void everyOrdererOfTheSpecIsAConsenterWithItsOwnEnvironment() throws IOException {
        String configtx = read(runtime.resolve("config/configtx.yaml"));
        String consenters = configtx.substring(configtx.indexOf("Consenters:"), configtx.indexOf("Application:",
            configtx.indexOf("Consenters:")));
        for (String[] node : new String[][] {{"orderer0", "7050", "7053", "8443"}, {"orderer1", "7060", "7063", "8444"},
                                             {"orderer2", "7070", "7073", "8445"}}) {
            String fqdn = node[0] + ".orderer.pointsnet.local";
            assertTrue(configtx.contains("      - 127.0.0.1:" + node[1] + "\n"), "orderer endpoint of " + fqdn);
            assertTrue(consenters.contains("- Host: 127.0.0.1\n            Port: " + node[1] + "\n"), consenters);
            assertTrue(consenters.contains("/" + fqdn + "/tls/server.crt"), "TLS certificate of " + fqdn);
            String env = read(runtime.resolve("orderers/" + fqdn + "/node.env"));
            assertEquals(node[1], value(env, "ORDERER_GENERAL_LISTENPORT"), fqdn);
            assertEquals("127.0.0.1:" + node[2], value(env, "ORDERER_ADMIN_LISTENADDRESS"), fqdn);
            assertEquals("127.0.0.1:" + node[3], value(env, "ORDERER_OPERATIONS_LISTENADDRESS"), fqdn);
            assertEquals(runtime.resolve("orderers/" + fqdn + "/data/ledger").toString(),
                value(env, "ORDERER_FILELEDGER_LOCATION"), "each orderer keeps its own ledger");
            assertTrue(value(env, "ORDERER_GENERAL_TLS_CERTIFICATE").contains("/" + fqdn + "/tls/"), fqdn);
        }
    }

    @Test
    void peerEnvironmentTakesEveryAddressFromTheSpec() throws IOException {
        String env = read(runtime.resolve("platforms/platform-b/peer.env"));
        assertTrue(env.contains("CORE_PEER_ADDRESS='127.0.0.1:8051'"), env);
        assertTrue(env.contains("CORE_PEER_LISTENADDRESS='127.0.0.1:8051'"), "loopback only: " + env);
        assertTrue(env.contains("CORE_PEER_LOCALMSPID='PlatformBMSP'"), env);
        assertTrue(env.contains("CORE_OPERATIONS_LISTENADDRESS='127.0.0.1:9444'"), env);
        assertTrue(env.contains("CORE_CHAINCODE_EXTERNALBUILDERS='[{name: pointsnet-ccaas, path: "
            + REPO.resolve("network/builders/ccaas") + "}]'"), env);
        for (String file : List.of("CORE_PEER_TLS_CERT_FILE", "CORE_PEER_TLS_KEY_FILE", "CORE_PEER_MSPCONFIGPATH")) {
            assertTrue(Files.exists(Path.of(value(env, file))), file + " must name generated material");
        }
    }

    @Test
    void platformAsSecondPeerHasItsOwnPortsLedgerAndIdentityAndTheGatewayFallsBackToIt() throws IOException {
        String first = read(runtime.resolve("platforms/platform-a/peer.env"));
        String second = read(runtime.resolve("platforms/platform-a/peer-2.env"));
        assertEquals("127.0.0.1:7057", value(second, "CORE_PEER_ADDRESS"));
        assertEquals("127.0.0.1:7058", value(second, "CORE_PEER_CHAINCODEADDRESS"));
        assertEquals("127.0.0.1:9447", value(second, "CORE_OPERATIONS_LISTENADDRESS"));
        assertEquals("peer1.platform-a.pointsnet.local", value(second, "CORE_PEER_ID"));
        assertEquals(runtime.resolve("platforms/platform-a/peer-data-2").toString(),
            value(second, "CORE_PEER_FILESYSTEMPATH"));
        assertTrue(value(second, "CORE_PEER_MSPCONFIGPATH").contains("peer1.platform-a.pointsnet.local"), second);
        // Each bootstraps its gossip from the other; both say how many peers the org runs.
        assertEquals("127.0.0.1:7051", value(second, "CORE_PEER_GOSSIP_BOOTSTRAP"));
        assertEquals("127.0.0.1:7057", value(first, "CORE_PEER_GOSSIP_BOOTSTRAP"));
        assertEquals("2", value(first, "PN_PEER_INSTANCES"));
        assertEquals("1", value(read(runtime.resolve("platforms/platform-b/peer.env")), "PN_PEER_INSTANCES"));
        assertTrue(Files.notExists(runtime.resolve("platforms/platform-b/peer-2.env")));

        String gateway = read(runtime.resolve("platforms/platform-a/gateway.env"));
        assertEquals("127.0.0.1:7051", value(gateway, "POINTSNET_FABRIC_PEERENDPOINT"));
        assertEquals("127.0.0.1:7057", value(gateway, "POINTSNET_FABRIC_FALLBACKPEERS_0_ENDPOINT"));
        assertEquals("peer1.platform-a.pointsnet.local", value(gateway, "POINTSNET_FABRIC_FALLBACKPEERS_0_HOSTOVERRIDE"));
        assertTrue(!read(runtime.resolve("platforms/platform-b/gateway.env")).contains("FALLBACKPEERS"));

        // Both are anchor peers of the org, so other orgs find it through either.
        String configtx = read(runtime.resolve("config/configtx.yaml"));
        assertTrue(configtx.contains("    AnchorPeers:\n      - Host: 127.0.0.1\n        Port: 7051\n"
            + "      - Host: 127.0.0.1\n        Port: 7057\n"), configtx);
    }

    @Test
    void gatewaySignsAsTheOrgClientAndChaincodeServerUsesItsOwnTlsPair() throws IOException {
        String gateway = read(runtime.resolve("platforms/platform-c/gateway.env"));
        assertEquals("8083", value(gateway, "SERVER_PORT"));
        assertTrue(value(gateway, "POINTSNET_FABRIC_CERTPATH").endsWith("User1@platform-c.pointsnet.local-cert.pem"));
        assertTrue(Files.exists(Path.of(value(gateway, "POINTSNET_FABRIC_KEYPATH"))));
        assertTrue(value(gateway, "POINTSNET_FABRIC_ADMINCERTPATH").endsWith("Operator@platform-c.pointsnet.local-cert.pem"));
        assertTrue(Files.exists(Path.of(value(gateway, "POINTSNET_FABRIC_ADMINKEYPATH"))));
        assertEquals("platform-c-backend", value(gateway, "PN_CLIENT_ID"));
        assertEquals("https://127.0.0.1:8083", value(gateway, "POINTSNET_OAUTH_ISSUER"));
        assertEquals("https://127.0.0.1:8083", value(gateway, "PN_GATEWAY_URL"));
        assertEquals("true", value(gateway, "SERVER_SSL_ENABLED"));
        Path gatewayTls = runtime.resolve("crypto/peerOrganizations/platform-c.pointsnet.local/gateway/tls");
        assertEquals("file:" + gatewayTls.resolve("server.crt"), value(gateway, "SERVER_SSL_CERTIFICATE"));
        assertEquals("file:" + gatewayTls.resolve("server.key"), value(gateway, "SERVER_SSL_CERTIFICATEPRIVATEKEY"));
        assertEquals(runtime.resolve("crypto/peerOrganizations/platform-c.pointsnet.local/tlsca/"
            + "tlsca.platform-c.pointsnet.local-cert.pem").toString(), value(gateway, "PN_HTTPS_CACERT"));
        assertEquals("5s", value(gateway, "POINTSNET_PROJECTION_RECONCILEINTERVAL"));
        assertTrue(value(gateway, "POINTSNET_OAUTH_SIGNINGKEYFILE").endsWith("/platforms/platform-c/oauth-signing-key.json"));
        assertTrue(value(gateway, "POINTSNET_QUOTES_KEYFILE").endsWith("/platforms/platform-c/quote-key"));
        assertTrue(value(gateway, "POINTSNET_PRIVACY_KEYFILE").endsWith("/platforms/platform-c/personal-data-keys"));
        assertEquals("platform-c-signed-backend", value(gateway, "POINTSNET_SIGNATURES_CLIENTS_0_CLIENTID"));
        assertTrue(value(gateway, "POINTSNET_SIGNATURES_CLIENTS_0_PUBLICKEYFILE")
            .endsWith("/platforms/platform-c/signed-backend.pub.pem"));
        // platform-c's projection is in its PostgreSQL (the spec's projectionDatabase); platform-b's in embedded H2.
        assertEquals("jdbc:postgresql://127.0.0.1:9055/pointsnet", value(gateway, "SPRING_DATASOURCE_URL"));
        assertEquals("9055", value(gateway, "PN_POSTGRES_PORT"));
        assertEquals("127.0.0.1", value(gateway, "PN_POSTGRES_LISTEN"));
        assertTrue(value(gateway, "PN_POSTGRES_DATA").endsWith("/platforms/platform-c/postgres"));
        assertTrue(value(read(runtime.resolve("platforms/platform-b/gateway.env")), "SPRING_DATASOURCE_URL")
            .matches("jdbc:h2:file:.*/platforms/platform-b/projection/db"));
        assertTrue(gateway.lines().noneMatch(line -> line.contains("SECRET") || line.contains("HMACKEY")
                || line.contains("PASSWORD")),
            "secrets are made per up by test-network.sh, never rendered into the committed-config path");
        String chaincode = read(runtime.resolve("platforms/platform-c/chaincode.env"));
        assertEquals("127.0.0.1:9054", value(chaincode, "CHAINCODE_SERVER_ADDRESS"));
        assertEquals("PlatformCMSP", value(chaincode, "CORE_PEER_LOCALMSPID"));
        assertEquals("platform-c", value(chaincode, "POINTSNET_OWN_PLATFORMS"));
        // The shim logs every invocation's arguments at INFO: its levels are WARNING.
        assertEquals("WARNING", value(chaincode, "CORE_CHAINCODE_LOGGING_LEVEL"));
        assertEquals("WARNING", value(chaincode, "CORE_CHAINCODE_LOGGING_SHIM"));
        Path chaincodeTls = runtime.resolve("crypto/peerOrganizations/platform-c.pointsnet.local/chaincode/tls");
        assertEquals(chaincodeTls.resolve("ca.crt").toString(), value(chaincode, "CHAINCODE_CLIENT_CA_CERT"));
    }

    @Test
    void platformAsGatewaysShareOnePostgresAndKeySetBehindHaproxyOnThePublicAddress() throws IOException {
        Path dir = runtime.resolve("platforms/platform-a");
        String gateway = read(dir.resolve("gateway.env"));
        // Clients, tokens (issuer) and status --json see the balancer's address; the instances have their own.
        assertEquals("https://127.0.0.1:8081", value(gateway, "PN_GATEWAY_URL"));
        assertEquals("https://127.0.0.1:8081", value(gateway, "POINTSNET_OAUTH_ISSUER"));
        assertEquals("2", value(gateway, "PN_GATEWAY_INSTANCES"));
        assertEquals("jdbc:postgresql://127.0.0.1:7056/pointsnet", value(gateway, "SPRING_DATASOURCE_URL"));
        assertTrue(value(gateway, "POINTSNET_OAUTH_SIGNINGKEYFILE").endsWith("/platforms/platform-a/oauth-signing-key.json"));
        for (int i = 1; i <= 2; i++) {
            String instance = read(dir.resolve("gateway-" + i + ".env"));
            assertEquals(Integer.toString(8090 + i), value(instance, "SERVER_PORT"));
            assertEquals("127.0.0.1", value(instance, "SERVER_ADDRESS"));
            assertEquals("https://127.0.0.1:" + (8090 + i), value(instance, "PN_INSTANCE_URL"));
            assertTrue(instance.lines().noneMatch(line -> line.startsWith("POINTSNET_")),
                "an instance adds only its socket: every key, secret and database setting is the org's");
        }
        String haproxy = read(Path.of(value(gateway, "PN_BALANCER_CONFIG")));
        assertTrue(haproxy.contains("    bind 127.0.0.1:8081\n"), haproxy);
        assertTrue(haproxy.contains("    mode tcp\n"), "TLS passes through to the gateways: " + haproxy);
        assertTrue(haproxy.contains("http-check send meth GET uri /health/ready"), haproxy);
        assertTrue(haproxy.contains("check check-ssl verify required ca-file " + runtime.resolve(
            "crypto/peerOrganizations/platform-a.pointsnet.local/gateway/tls/ca.crt")), haproxy);
        assertTrue(haproxy.contains("    server gateway-platform-a 127.0.0.1:8091\n"), haproxy);
        assertTrue(haproxy.contains("    server gateway-platform-a-2 127.0.0.1:8092\n"), haproxy);
        assertTrue(haproxy.contains("stats socket " + dir.resolve("haproxy.sock") + " mode 600"), haproxy);
        assertTrue(!Files.exists(runtime.resolve("platforms/platform-b/gateway-1.env"))
            && !Files.exists(runtime.resolve("platforms/platform-b/haproxy.cfg")), "platform-b keeps one gateway");
    }

    @Test
    void thePeerDialsItsChaincodeServerWithMutualTls() throws IOException {
        Path file = runtime.resolve("platforms/platform-c/chaincode/connection.json");
        JsonNode connection = JsonMapper.builder().build().readTree(read(file));
        assertEquals("127.0.0.1:9054", connection.path("address").asString());
        assertTrue(connection.path("tls_required").asBoolean());
        assertTrue(connection.path("client_auth_required").asBoolean());
        Path tls = runtime.resolve("crypto/peerOrganizations/platform-c.pointsnet.local/chaincode/tls");
        assertEquals(read(tls.resolve("ca.crt")), connection.path("root_cert").asString());
        assertEquals(read(tls.resolve("peer-client.crt")), connection.path("client_cert").asString());
        assertEquals(read(tls.resolve("peer-client.key")), connection.path("client_key").asString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
            "connection.json holds the peer's client key");
    }

    @Test
    void operationsEndpointsAreLoopbackOnlyOrMutualTls(@TempDir Path multiHost) throws IOException {
        // The one-machine network: every operations endpoint on loopback, plain HTTP.
        String peer = read(runtime.resolve("platforms/platform-a/peer.env"));
        assertEquals("127.0.0.1:9443", value(peer, "CORE_OPERATIONS_LISTENADDRESS"));
        assertEquals("http://127.0.0.1:9443/healthz", value(peer, "PN_HEALTH_URL"));
        assertTrue(peer.lines().noneMatch(line -> line.startsWith("CORE_OPERATIONS_TLS_")), peer);

        // Every node on a named host (all interfaces): TLS with the node's pair and a client certificate demanded.
        Path specFile = multiHost.resolve("network.yaml");
        Files.writeString(specFile, read(REPO.resolve("crypto-config/network.yaml"))
            .replace("host: localhost", "host: node.example.com"), StandardCharsets.UTF_8);
        NetworkSpec named = NetworkSpec.load(specFile);
        Path out = multiHost.resolve("runtime");
        new CryptoGenerator(named, out.resolve("crypto"), false, line -> { }).generate();
        new NetworkRenderer(named, REPO, new RuntimeLayout(out), line -> { }).render();

        String peerEnv = read(out.resolve("platforms/platform-a/peer.env"));
        assertEquals("0.0.0.0:9443", value(peerEnv, "CORE_OPERATIONS_LISTENADDRESS"));
        assertEquals("true", value(peerEnv, "CORE_OPERATIONS_TLS_ENABLED"));
        assertEquals("true", value(peerEnv, "CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED"));
        assertEquals(value(peerEnv, "CORE_PEER_TLS_CERT_FILE"), value(peerEnv, "CORE_OPERATIONS_TLS_CERT_FILE"));
        assertEquals(value(peerEnv, "CORE_PEER_TLS_KEY_FILE"), value(peerEnv, "CORE_OPERATIONS_TLS_KEY_FILE"));
        assertEquals("[" + value(peerEnv, "PN_HTTPS_CACERT") + "]", value(peerEnv, "CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES"));
        assertEquals("https://node.example.com:9443/healthz", value(peerEnv, "PN_HEALTH_URL"));
        assertTrue(Files.isRegularFile(Path.of(value(peerEnv, "PN_HTTPS_CLIENT_CERT"))));
        assertTrue(Files.isRegularFile(Path.of(value(peerEnv, "PN_HTTPS_CLIENT_KEY"))));

        String orderer = read(out.resolve("orderers/orderer0.orderer.pointsnet.local/node.env"));
        assertEquals("0.0.0.0:8443", value(orderer, "ORDERER_OPERATIONS_LISTENADDRESS"));
        assertEquals("true", value(orderer, "ORDERER_OPERATIONS_TLS_ENABLED"));
        assertEquals("true", value(orderer, "ORDERER_OPERATIONS_TLS_CLIENTAUTHREQUIRED"));
        assertEquals(value(orderer, "ORDERER_GENERAL_TLS_CERTIFICATE"), value(orderer, "ORDERER_OPERATIONS_TLS_CERTIFICATE"));
        assertEquals(value(orderer, "ORDERER_GENERAL_TLS_PRIVATEKEY"), value(orderer, "ORDERER_OPERATIONS_TLS_PRIVATEKEY"));
        assertEquals("[" + value(orderer, "PN_HTTPS_CACERT") + "]", value(orderer, "ORDERER_OPERATIONS_TLS_CLIENTROOTCAS"));
        assertEquals("https://node.example.com:8443/healthz", value(orderer, "PN_HEALTH_URL"));

        // The gateway on every interface serves HTTPS under the host name its certificate carries.
        String gateway = read(out.resolve("platforms/platform-a/gateway.env"));
        assertEquals("0.0.0.0", value(gateway, "SERVER_ADDRESS"));
        assertEquals("true", value(gateway, "SERVER_SSL_ENABLED"));
        assertEquals("https://node.example.com:8081", value(gateway, "PN_GATEWAY_URL"));
    }

    @Test
    void theHostsSpecRunsEachOrgInItsNamespaceWithOperationsOnTheHostsLoopback(@TempDir Path hosts) throws IOException {
        NetworkSpec spec = NetworkSpec.load(REPO.resolve("crypto-config/network-hosts.yaml"));
        new CryptoGenerator(spec, hosts.resolve("crypto"), false, line -> { }).generate();
        new NetworkRenderer(spec, REPO, new RuntimeLayout(hosts), line -> { }).render();

        String network = read(hosts.resolve("network.env"));
        assertEquals("namespaces", value(network, "PN_HOSTS_SIMULATION"));
        assertEquals("pn-br0", value(network, "PN_BRIDGE"));
        assertEquals("198.18.0.1/15", value(network, "PN_BRIDGE_ADDRESS"));
        // Every org's host, the joining one too (add-org finds it made), with a veth name of at most 15 characters.
        assertTrue(network.contains("PN_HOSTS=('pn-orderer|198.18.0.10/15|pnc612000a' 'pn-platform-a|198.18.1.10/15|"
            + "pnc612010a' 'pn-platform-b|198.18.2.10/15|pnc612020a' 'pn-platform-c|198.18.3.10/15|pnc612030a' "
            + "'pn-platform-d|198.18.4.10/15|pnc612040a')\n"), network);

        String peer = read(hosts.resolve("platforms/platform-a/peer.env"));
        assertEquals("pn-platform-a", value(peer, "PN_NETNS"));
        assertEquals("198.18.1.10:7051", value(peer, "CORE_PEER_LISTENADDRESS"));
        assertEquals("198.18.1.10:7051", value(peer, "CORE_PEER_GOSSIP_EXTERNALENDPOINT"));
        // Fabric's unauthenticated operations endpoint stays on loopback: the host's own.
        assertEquals("127.0.0.1:9443", value(peer, "CORE_OPERATIONS_LISTENADDRESS"));
        assertEquals("http://127.0.0.1:9443/healthz", value(peer, "PN_HEALTH_URL"));
        String orderer = read(hosts.resolve("orderers/orderer1.orderer.pointsnet.local/node.env"));
        assertEquals("pn-orderer", value(orderer, "PN_NETNS"));
        assertEquals("198.18.0.10", value(orderer, "ORDERER_GENERAL_LISTENADDRESS"));
        assertEquals("198.18.0.10:7063", value(orderer, "ORDERER_ADMIN_LISTENADDRESS"));
        assertEquals("127.0.0.1:8444", value(orderer, "ORDERER_OPERATIONS_LISTENADDRESS"));
        String chaincode = read(hosts.resolve("platforms/platform-b/chaincode.env"));
        assertEquals("pn-platform-b", value(chaincode, "PN_NETNS"));
        assertEquals("198.18.2.10:8054", value(chaincode, "CHAINCODE_SERVER_ADDRESS"));
        String gateway = read(hosts.resolve("platforms/platform-c/gateway.env"));
        assertEquals("pn-platform-c", value(gateway, "PN_NETNS"));
        assertEquals("https://198.18.3.10:8083", value(gateway, "PN_GATEWAY_URL"));
        assertEquals("198.18.3.10", value(gateway, "PN_POSTGRES_LISTEN"));
        assertEquals("198.18.3.10:9051", value(gateway, "POINTSNET_FABRIC_PEERENDPOINT"));
        String configtx = read(hosts.resolve("config/configtx.yaml"));
        assertTrue(configtx.contains("      - Host: 198.18.2.10\n        Port: 8051\n"), "anchor peer of PlatformB");
        assertTrue(configtx.contains("      - 198.18.0.10:7060\n"), "orderer endpoint");
        assertTrue(read(hosts.resolve("platforms/platform-a/haproxy.cfg")).contains("bind 198.18.1.10:8081"));
    }

    @Test
    void everyGatewayTrustsEachPlatformsMspAndTheRootCaThatIssuedItsPeer() throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (String own : List.of("platform-a", "platform-b", "platform-c")) {
            String gateway = read(runtime.resolve("platforms/" + own + "/gateway.env"));
            for (int i = 0; i < 3; i++) {
                String platform = List.of("platform-a", "platform-b", "platform-c").get(i);
                String key = "POINTSNET_TRUST_PLATFORMS_" + i + "_";
                assertEquals(platform, value(gateway, key + "PLATFORMID"));
                assertEquals("Platform" + platform.substring(9).toUpperCase() + "MSP", value(gateway, key + "MSPID"));
                Path ca = Path.of(value(gateway, key + "CACERTPATH"));
                assertTrue(ca.endsWith(Path.of("peerOrganizations", platform + ".pointsnet.local", "msp", "cacerts",
                    "ca." + platform + ".pointsnet.local-cert.pem")), ca.toString());
                // The file holds the CA that signed the platform's peer certificate, so its endorsements verify.
                String domain = platform + ".pointsnet.local";
                Path peerCert = runtime.resolve("crypto/peerOrganizations/" + domain + "/peers/peer0." + domain
                    + "/msp/signcerts/peer0." + domain + "-cert.pem");
                try (var caIn = Files.newInputStream(ca); var peerIn = Files.newInputStream(peerCert)) {
                    x509.generateCertificate(peerIn).verify(x509.generateCertificate(caIn).getPublicKey());
                }
            }
            assertTrue(gateway.lines().noneMatch(line -> line.startsWith("POINTSNET_TRUST_PLATFORMS_3_")), gateway);
        }
    }

    @Test
    void everyPlatformHasACollectionOnlyItsOwnPeersCanEndorse() throws IOException {
        JsonNode collections = JsonMapper.builder().build().readTree(read(runtime.resolve("config/collections.json")));
        assertEquals(6, collections.size(), "three ledger collections and three pair link collections");
        int ledgers = 0;
        for (JsonNode collection : collections) {
            String name = collection.path("name").asString();
            if (!name.startsWith("ledger-")) {
                continue;
            }
            ledgers++;
            String platform = name.substring("ledger-".length());
            String msp = spec.platform(platform).mspId();
            assertEquals("OR('" + msp + ".peer')", collection.path("endorsementPolicy").path("signaturePolicy").asString());
            assertEquals("OR('PlatformAMSP.member', 'PlatformBMSP.member', 'PlatformCMSP.member')",
                collection.path("policy").asString());
            assertEquals(0, collection.path("blockToLive").asInt(), "ledger data is never purged");
            // Each endorser pushes to one other peer and waits for it; the others pull at commit.
            assertEquals(1, collection.path("maxPeerCount").asInt(), collection.toString());
            assertEquals(1, collection.path("requiredPeerCount").asInt(), collection.toString());
        }
        assertEquals(3, ledgers);
    }

    /** Identity links of two platforms: only those two hold them, and every write needs both peers. */
    @Test
    void everyPairOfPlatformsHasALinkCollectionOnlyTheTwoHoldAndBothMustEndorse() throws IOException {
        JsonNode collections = JsonMapper.builder().build().readTree(read(runtime.resolve("config/collections.json")));
        JsonNode ab = null;
        for (JsonNode collection : collections) {
            if (collection.path("name").asString().equals(LinkCollections.name("platform-b", "platform-a"))) {
                ab = collection;
            }
        }
        assertTrue(ab != null, collections.toString());
        assertEquals("link-10-platform-a-platform-b", ab.path("name").asString());
        assertEquals("OR('PlatformAMSP.member', 'PlatformBMSP.member')", ab.path("policy").asString());
        assertEquals("AND('PlatformAMSP.peer', 'PlatformBMSP.peer')",
            ab.path("endorsementPolicy").path("signaturePolicy").asString());
        assertTrue(ab.path("memberOnlyRead").asBoolean() && ab.path("memberOnlyWrite").asBoolean());
    }

    /**
     * The governance policies of docs/ledger.md ("Governance"): a chaincode definition, a change of the Application
     * group (adding, removing or replacing an org) and a channel-wide change need every platform org. A quick guard
     * against a revert; GovernanceEndToEndIT shows the orderer and the peers enforcing them.
     */
    @Test
    void changesThatCouldHurtAPlatformNeedEveryPlatform() throws IOException {
        String configtx = read(runtime.resolve("config/configtx.yaml"));
        assertEquals("ALL Endorsement", implicitMetaRule(configtx, "Application: &ApplicationDefaults", "LifecycleEndorsement"));
        assertEquals("ALL Admins", implicitMetaRule(configtx, "Application: &ApplicationDefaults", "Admins"));
        assertEquals("ALL Admins", implicitMetaRule(configtx, "Channel: &ChannelDefaults", "Admins"));
        // Unchanged on purpose: per-collection policies guard the ledger; the orderer org governs its own group.
        assertEquals("MAJORITY Endorsement", implicitMetaRule(configtx, "Application: &ApplicationDefaults", "Endorsement"));
        assertEquals("MAJORITY Admins", implicitMetaRule(configtx, "Orderer: &OrdererDefaults", "Admins"));
    }

    /** The rule of policy {@code name} in the top-level section that starts with {@code section}. */
    private static String implicitMetaRule(String configtx, String section, String name) {
        int start = configtx.indexOf("\n" + section + "\n");
        assertTrue(start >= 0, "no section " + section);
        int end = configtx.indexOf("\n\n", start + 1);
        String body = configtx.substring(start, end < 0 ? configtx.length() : end);
        Matcher rule = Pattern
            .compile("\n    " + name + ":\n      Type: ImplicitMeta\n      Rule: \"([^\"]+)\"\n")
            .matcher(body);
        assertTrue(rule.find(), "no ImplicitMeta policy " + name + " in " + section);
        return rule.group(1);
    }

    @Test
    void networkEnvListsNodesForTheScript() throws IOException {
        String env = read(runtime.resolve("network.env"));
        assertTrue(env.contains("PN_PLATFORMS=('platform-a' 'platform-b' 'platform-c')"), env);
        assertTrue(env.contains("PN_ORDERERS=('orderer0.orderer.pointsnet.local' 'orderer1.orderer.pointsnet.local' "
            + "'orderer2.orderer.pointsnet.local')"), env);
        assertTrue(env.contains("PN_CHANNEL='points'"), env);
    }

    @Test
    void ordererAdminEnvListsEveryOrdererSoToolsCanUseAnyThatRuns() throws IOException {
        String env = read(runtime.resolve("orderer-admin.env"));
        assertTrue(env.contains("PN_ORDERER_ADDRESSES=('127.0.0.1:7050' '127.0.0.1:7060' '127.0.0.1:7070')"), env);
        assertTrue(env.contains("PN_ORDERER_ADMIN_ADDRESSES=('127.0.0.1:7053' '127.0.0.1:7063' '127.0.0.1:7073')"),
            env);
        assertEquals("127.0.0.1:7050", value(env, "PN_ORDERER_ADDRESS"));
    }

    @Test
    void envFileRefusesValuesBashWouldMisread() {
        assertThrows(IllegalArgumentException.class, () -> new EnvFile().put("X", "it's"));
        assertThrows(IllegalArgumentException.class, () -> new EnvFile().put("X", "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> new EnvFile().put("not-a-name", "v"));
    }

    @Test
    void namedHostsListenOnEveryInterfaceAndLocalHostsOnLoopbackOnly() {
        assertEquals("127.0.0.1", Addresses.listenHost("localhost"));
        assertEquals("0.0.0.0", Addresses.listenHost("peer0.platform-a.example.com"));
        assertEquals("10.1.2.3", Addresses.listenHost("10.1.2.3"));
        assertEquals("127.0.0.1:7051", Addresses.dial("localhost", 7051));
    }

    @Test
    void aJoiningOrgIsRenderedOnlyWhenCreatedOrJoined() throws IOException {
        assertTrue(!Files.exists(runtime.resolve("platforms/platform-d")), "up renders no joining org");
        assertTrue(!read(runtime.resolve("config/collections.json")).contains("ledger-platform-d"));
        assertTrue(read(runtime.resolve("orderer-org-admin.env")).contains("CORE_PEER_LOCALMSPID='OrdererMSP'"));

        // org create: only platform-d's keys, then its node configuration and org definition.
        new CryptoGenerator(spec, runtime.resolve("crypto"), false, line -> { })
            .generatePlatformOrg(spec.joiningOrg("platform-d"));
        new NetworkRenderer(spec, REPO, new RuntimeLayout(runtime), line -> { }).renderJoiningOrg("platform-d");
        Path definition = runtime.resolve("platforms/platform-d/org-definition");
        String configtx = read(definition.resolve("configtx.yaml"));
        assertTrue(configtx.contains("    ID: PlatformDMSP\n    MSPDir: msp\n"), configtx);
        assertTrue(configtx.contains("Rule: \"OR('PlatformDMSP.peer')\""), configtx);
        assertTrue(Files.isRegularFile(definition.resolve("msp/cacerts/ca.platform-d.pointsnet.local-cert.pem")));
        assertTrue(Files.isRegularFile(definition.resolve("msp/config.yaml")));
        try (var files = Files.walk(definition)) {
            assertTrue(files.noneMatch(file -> file.toString().contains("keystore") || file.toString().endsWith("_sk")),
                "the org definition holds no private key");
        }
        String gateway = read(runtime.resolve("platforms/platform-d/gateway.env"));
        assertEquals("platform-d", value(gateway, "POINTSNET_TRUST_PLATFORMS_3_PLATFORMID"));
        assertEquals("platform-d", value(read(runtime.resolve("platforms/platform-d/chaincode.env")),
            "POINTSNET_OWN_PLATFORMS"));

        new NetworkRenderer(spec.withJoined(List.of("platform-d")), REPO, new RuntimeLayout(runtime), line -> { })
            .render();
        assertTrue(read(runtime.resolve("config/collections.json")).contains("\"ledger-platform-d\""));
        assertTrue(read(runtime.resolve("config/collections.json")).contains("'PlatformDMSP.member'"));
        assertEquals("PlatformDMSP", value(read(runtime.resolve("platforms/platform-a/gateway.env")),
            "POINTSNET_TRUST_PLATFORMS_3_MSPID"));
        assertTrue(read(runtime.resolve("network.env")).contains("'platform-d')"));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String value(String env, String name) {
        for (String line : env.split("\n")) {
            if (line.startsWith(name + "='")) {
                return line.substring(name.length() + 2, line.length() - 1);
            }
        }
        throw new AssertionError(name + " not in env file:\n" + env);
    }
}
