package org.pointsnet.admin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSpecTest {

    /** The real spec of the repository; surefire runs in the module folder. */
    private static final Path REPOSITORY_SPEC = Path.of("..", "crypto-config", "network.yaml");
    private static final String SOURCE = "fixture.yaml";

    @Test
    void loadsTheRepositorySpec() {
        NetworkSpec spec = NetworkSpec.load(REPOSITORY_SPEC);

        assertEquals("points", spec.channel());
        assertEquals("points", spec.chaincode().name());
        assertEquals("OrdererMSP", spec.ordererOrg().mspId());
        assertEquals("orderer0.orderer.pointsnet.local",
                spec.ordererOrg().orderers().get(0).fqdn(spec.ordererOrg().domain()));
        assertEquals(3, spec.platformOrgs().size());
        PlatformOrgSpec b = spec.platform("platform-b");
        assertEquals("PlatformBMSP", b.mspId());
        assertEquals("peer0.platform-b.pointsnet.local", b.peerFqdn());
        assertEquals(8051, b.peer().port());
        assertEquals(8054, b.chaincodeServer().port());
        assertEquals(8082, b.gateway().port());
    }

    @Test
    void joiningOrgsAreNotMembersUntilJoined() {
        NetworkSpec spec = NetworkSpec.load(REPOSITORY_SPEC);
        assertEquals(1, spec.joiningOrgs().size());
        PlatformOrgSpec d = spec.joiningOrg("platform-d");
        assertEquals("PlatformDMSP", d.mspId());
        assertThrows(SpecException.class, () -> spec.platform("platform-d"));

        NetworkSpec joined = spec.withJoined(java.util.List.of("platform-d"));
        assertEquals(4, joined.platformOrgs().size());
        assertEquals("platform-d", joined.platformOrgs().get(3).platformId());
        assertEquals(0, joined.joiningOrgs().size());
        assertContains(assertThrows(SpecException.class, () -> spec.joiningOrg("platform-a")), "member");
        assertContains(assertThrows(SpecException.class, () -> joined.withJoined(java.util.List.of("platform-d"))),
            "not a joining org");
    }

    @Test
    void aJoiningOrgMayNotTakeAMembersPortOrId() {
        String yaml = fixture() + """
            joiningOrgs:
              - name: PlatformD
                platformId: platform-a
                mspId: PlatformDMSP
                domain: platform-d.example.com
                peer: {name: peer0, host: localhost, port: 7051, chaincodeListenPort: 10052, operationsPort: 9446}
                chaincodeServer: {host: localhost, port: 10054}
                gateway: {host: localhost, port: 8084}
            """;
        SpecException error = assertThrows(SpecException.class, () -> NetworkSpec.parse(yaml, SOURCE));
        assertContains(error, "joiningOrgs[0].platformId: 'platform-a' is already used by platformOrgs[0].platformId");
        assertContains(error, "joiningOrgs[0].peer.port: port 7051");
    }

    @Test
    void theRepositorySpecRunsPlatformAsTwoGatewaysOnItsPostgresBehindTheBalancer() {
        PlatformOrgSpec a = NetworkSpec.load(REPOSITORY_SPEC).platform("platform-a");
        assertTrue(a.balanced());
        assertEquals(8081, a.gateway().port(), "the balancer keeps platform-a's public port");
        assertEquals(java.util.List.of(8091, 8092), a.gateways().stream().map(EndpointSpec::port).toList());
        assertEquals(7056, a.projectionDatabase().orElseThrow().port());
        assertTrue(!NetworkSpec.load(REPOSITORY_SPEC).platform("platform-b").balanced());
    }

    @Test
    void theRepositorySpecGivesPlatformATwoPeersAndTheOthersOne() {
        NetworkSpec spec = NetworkSpec.load(REPOSITORY_SPEC);
        PlatformOrgSpec a = spec.platform("platform-a");
        assertEquals(java.util.List.of("peer0", "peer1"), a.peers().stream().map(PeerSpec::name).toList());
        assertEquals(7051, a.peer().port(), "the first peer stays the main one");
        assertEquals("peer1.platform-a.pointsnet.local", a.peers().get(1).fqdn(a.domain()));
        assertEquals(1, spec.platform("platform-b").peers().size());
        assertEquals("", PlatformOrgSpec.peerSuffix(0));
        assertEquals("-2", PlatformOrgSpec.peerSuffix(1));
    }

    @Test
    void peersMayGoUnnamedButNeedTheirOwnPortsAndNames() {
        String single = "    peer:\n      name: peer0\n      host: localhost\n      port: 7051\n"
            + "      chaincodeListenPort: 7052\n      operationsPort: 9443\n";
        String second = "      - {host: localhost, port: 7057, chaincodeListenPort: 7058, operationsPort: 9447}\n";
        String list = "    peers:\n      - {host: localhost, port: 7051, chaincodeListenPort: 7052, operationsPort: 9443}\n"
            + second;
        assertTrue(fixture().contains(single));
        String yaml = fixture().replace(single, list);
        PlatformOrgSpec a = NetworkSpec.parse(yaml, SOURCE).platform("platform-a");
        assertEquals(java.util.List.of("peer0", "peer1"), a.peers().stream().map(PeerSpec::name).toList());
        assertEquals(7057, a.peers().get(1).port());

        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(
            yaml.replace("port: 7057, chaincodeListenPort: 7058", "port: 7051, chaincodeListenPort: 7058"), SOURCE)),
            "platformOrgs[0].peers[1].port: port 7051 on host localhost is already used by platformOrgs[0].peers[0].port");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(
            yaml.replace("- {host: localhost, port: 7057", "- {name: peer0, host: localhost, port: 7057"), SOURCE)),
            "platformOrgs[0].peers[1].name: 'peer0' is already used by platformOrgs[0].peers[0].name");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(
            fixture().replace(single, single + "    peers:\n" + second), SOURCE)),
            "platformOrgs[0]: list the org's peers either as peer (one) or as peers, not both");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(fixture().replace(single, ""), SOURCE)),
            "platformOrgs[0].peer: is required (or a peers list)");
    }

    @Test
    void severalGatewaysNeedPostgresAndTheirOwnPorts() {
        String yaml = fixture() + """
            joiningOrgs:
              - name: PlatformD
                platformId: platform-d
                mspId: PlatformDMSP
                domain: platform-d.example.com
                peer: {name: peer0, host: localhost, port: 10051, chaincodeListenPort: 10052, operationsPort: 9446}
                chaincodeServer: {host: localhost, port: 10054}
                gateway: {host: localhost, port: 8084}
                gateways: [{host: localhost, port: 8084}, {host: localhost, port: 8095}]
            """;
        SpecException error = assertThrows(SpecException.class, () -> NetworkSpec.parse(yaml, SOURCE));
        assertContains(error, "joiningOrgs[0].gateways: several gateways of an org share their state in PostgreSQL");
        assertContains(error, "joiningOrgs[0].gateways[0].port: port 8084 on host localhost is already used by "
            + "joiningOrgs[0].gateway.port");

        String one = yaml.replace("gateways: [{host: localhost, port: 8084}, {host: localhost, port: 8095}]",
            "gateways: [{host: localhost, port: 8095}]");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(one, SOURCE)),
            "joiningOrgs[0].gateways: list two or more gateway instances");
    }

    @Test
    void fixtureIsValid() {
        assertEquals(3, NetworkSpec.parse(fixture(), SOURCE).platformOrgs().size());
    }

    @Test
    void unknownPlatformIdIsAnError() {
        NetworkSpec spec = NetworkSpec.parse(fixture(), SOURCE);
        SpecException error = assertThrows(SpecException.class, () -> spec.platform("platform-z"));
        assertContains(error, "platform-z");
        assertContains(error, "platform-a, platform-b, platform-c");
    }

    @Test
    void listsAreUnmodifiable() {
        NetworkSpec spec = NetworkSpec.parse(fixture(), SOURCE);
        assertThrows(UnsupportedOperationException.class, () -> spec.platformOrgs().clear());
        assertThrows(UnsupportedOperationException.class, () -> spec.ordererOrg().orderers().clear());
    }

    @Test
    void rejectsAPortUsedTwiceOnOneHost() {
        SpecException error = rejected("      port: 8051", "      port: 7051");
        assertContains(error, "platformOrgs[1].peer.port: port 7051 on host localhost is already used by platformOrgs[0].peer.port");
    }

    @Test
    void localhostAnd127001AreTheSameHost() {
        SpecException error = rejected("    chaincodeServer:\n      host: localhost\n      port: 8054",
                "    chaincodeServer:\n      host: 127.0.0.1\n      port: 7050");
        assertContains(error, "platformOrgs[1].chaincodeServer.port");
        assertContains(error, "ordererOrg.orderers[0].port");
    }

    @Test
    void acceptsTheSamePortOnDifferentHosts() {
        NetworkSpec spec = modified("      host: localhost\n      port: 8051", "      host: peer.platform-b.example\n      port: 7051");
        assertEquals(7051, spec.platform("platform-b").peer().port());
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertContains(rejected("      operationsPort: 9444", "      operationsPort: 0"),
                "platformOrgs[1].peer.operationsPort: 0 is not a port");
        assertContains(rejected("      port: 8082", "      port: 65536"),
                "platformOrgs[1].gateway.port: 65536 is not a port");
    }

    @Test
    void rejectsABadPlatformId() {
        assertContains(rejected("platformId: platform-b", "platformId: Platform_B"),
                "platformOrgs[1].platformId: 'Platform_B' must match");
        assertContains(rejected("platformId: platform-b", "platformId: -b"), "platformOrgs[1].platformId");
        assertContains(rejected("platformId: platform-b", "platformId: b"), "platformOrgs[1].platformId");
        assertContains(rejected("platformId: platform-b", "platformId: " + "b".repeat(33)), "platformOrgs[1].platformId");
    }

    @Test
    void rejectsAnUnknownFieldByItsPath() {
        SpecException error = rejected("      chaincodeListenPort: 8052", "      chaincodeListenProt: 8052");
        assertContains(error, "platformOrgs[1].peer.chaincodeListenProt: unknown field");
        assertContains(error, "chaincodeListenPort");
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        assertContains(rejected("channel: points", "channel: points\nchanel: points"), "chanel: unknown field");
    }

    @Test
    void rejectsAMissingField() {
        assertContains(rejected("    mspId: PlatformBMSP\n", ""), "platformOrgs[1].mspId: is required");
        assertContains(rejected("      adminPort: 7053", ""), "ordererOrg.orderers[0].adminPort: is required");
    }

    @Test
    void rejectsAnEmptyField() {
        assertContains(rejected("    mspId: PlatformBMSP", "    mspId:"), "platformOrgs[1].mspId");
        assertContains(rejected("    mspId: PlatformBMSP", "    mspId: \" \""), "platformOrgs[1].mspId: must not be blank");
    }

    @Test
    void rejectsDuplicateIds() {
        assertContains(rejected("    mspId: PlatformCMSP", "    mspId: PlatformAMSP"),
                "platformOrgs[2].mspId: 'PlatformAMSP' is already used by platformOrgs[0].mspId");
        assertContains(rejected("platformId: platform-c", "platformId: platform-a"),
                "platformOrgs[2].platformId: 'platform-a' is already used by platformOrgs[0].platformId");
        assertContains(rejected("    domain: platform-c.pointsnet.local", "    domain: orderer.pointsnet.local"),
                "platformOrgs[2].domain: 'orderer.pointsnet.local' is already used by ordererOrg.domain");
        assertContains(rejected("  - name: PlatformC", "  - name: PlatformA"),
                "platformOrgs[2].name: 'PlatformA' is already used by platformOrgs[0].name");
    }

    @Test
    void rejectsAnInvalidDomain() {
        assertContains(rejected("    domain: platform-b.pointsnet.local", "    domain: platform_b..local"),
                "platformOrgs[1].domain: 'platform_b..local' is not a valid DNS name");
    }

    @Test
    void rejectsAnInvalidHost() {
        assertContains(rejected("      host: localhost\n      port: 8082", "      host: no host\n      port: 8082"),
                "platformOrgs[1].gateway.host: 'no host' is neither a DNS name nor an IP address");
    }

    @Test
    void acceptsIpLiteralHosts() {
        NetworkSpec spec = modified("      host: localhost\n      port: 8051", "      host: 10.1.2.3\n      port: 8051");
        assertEquals("10.1.2.3", spec.platform("platform-b").peer().host());
    }

    @Test
    void requiresAnOrdererAndAPlatform() {
        String noOrderers = fixture().replaceAll("(?s)  orderers:\n.*?\n\nplatformOrgs", "  orderers: []\n\nplatformOrgs");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(noOrderers, SOURCE)),
                "ordererOrg.orderers: at least one orderer is required");
        String noPlatforms = fixture().replaceAll("(?s)platformOrgs:\n.*", "platformOrgs: []\n");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse(noPlatforms, SOURCE)),
                "platformOrgs: at least one platform org is required");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = replace(replace(fixture(), "platformId: platform-b", "platformId: B"), "      port: 9051", "      port: 7051");
        SpecException error = assertThrows(SpecException.class, () -> NetworkSpec.parse(yaml, SOURCE));
        assertContains(error, "platformOrgs[1].platformId");
        assertContains(error, "platformOrgs[2].peer.port");
    }

    @Test
    void errorsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, replace(fixture(), "platformId: platform-b", "platformId: B"));
        SpecException error = assertThrows(SpecException.class, () -> NetworkSpec.load(file));
        assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());

        Path missing = dir.resolve("missing.yaml");
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.load(missing)), missing + ": spec file not found");
    }

    @Test
    void rejectsInvalidYamlAndEmptyFiles() {
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse("channel: [points", SOURCE)), SOURCE);
        assertContains(assertThrows(SpecException.class, () -> NetworkSpec.parse("\n", SOURCE)), "spec file is empty");
        assertContains(rejected("channel: points", "channel: points\nchannel: other"), "channel");
    }

    private static NetworkSpec modified(String from, String to) {
        return NetworkSpec.parse(replace(fixture(), from, to), SOURCE);
    }

    private static SpecException rejected(String from, String to) {
        String yaml = replace(fixture(), from, to);
        return assertThrows(SpecException.class, () -> NetworkSpec.parse(yaml, SOURCE));
    }

    /** Replaces the first occurrence, and fails if there is none, so a stale test cannot pass. */
    private static String replace(String yaml, String from, String to) {
        int at = yaml.indexOf(from);
        assertTrue(at >= 0, "fixture has no '" + from + "'");
        return yaml.substring(0, at) + to + yaml.substring(at + from.length());
    }

    private static void assertContains(SpecException error, String expected) {
        assertTrue(error.getMessage().contains(expected),
                () -> "expected '" + expected + "' in: " + error.getMessage());
    }

    private static String fixture() {
        try (InputStream in = NetworkSpecTest.class.getResourceAsStream("network-fixture.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
