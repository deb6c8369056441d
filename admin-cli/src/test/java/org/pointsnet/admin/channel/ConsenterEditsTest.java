package org.pointsnet.admin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.crypto.CryptoGenerator;
import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Raft consenter edits on a config shaped like PointsNet's channel (configtxlator JSON), and their policy. */
class ConsenterEditsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private static final String CERT = Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.UTF_8));

    private static String consenter(int port) {
        return """
            {"client_tls_cert": "%s", "host": "127.0.0.1", "port": %d, "server_tls_cert": "%s"}
            """.formatted(CERT, port, CERT);
    }

    private static JsonNode config(String type) {
        return JSON.readTree("""
            {"channel_group": {"mod_policy": "Admins", "version": "0", "values": {}, "policies": {}, "groups": {
              "Orderer": {"mod_policy": "Admins", "version": "0",
                "groups": {"OrdererOrg": {"mod_policy": "Admins", "version": "0", "groups": {},
                  "values": {"Endpoints": {"mod_policy": "Admins", "version": "0",
                    "value": {"addresses": ["127.0.0.1:7050", "127.0.0.1:7060", "127.0.0.1:7070"]}}},
                  "policies": {"Admins": {"mod_policy": "Admins", "version": "0", "policy": {"type": 1, "value": {
                    "identities": [{"principal": {"msp_identifier": "OrdererMSP", "role": "ADMIN"},
                                    "principal_classification": "ROLE"}],
                    "rule": {"n_out_of": {"n": 1, "rules": [{"signed_by": 0}]}}, "version": 0}}}}}},
                "values": {"ConsensusType": {"mod_policy": "Admins", "version": "0", "value": {
                  "metadata": {"consenters": [%s, %s, %s], "options": {"tick_interval": "500ms"}},
                  "state": "STATE_NORMAL", "type": "%s"}}},
                "policies": {"Admins": {"mod_policy": "Admins", "version": "0",
                  "policy": {"type": 3, "value": {"rule": "MAJORITY", "sub_policy": "Admins"}}}}}}}}
            """.formatted(consenter(7050), consenter(7060), consenter(7070), type));
    }

    private static List<String> endpoints(JsonNode config) {
        return JSON.convertValue(config.path("channel_group").path("groups").path("Orderer").path("groups")
            .path("OrdererOrg").path("values").path("Endpoints").path("value").path("addresses"),
            JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void removingAConsenterDropsItFromTheConsentersAndTheEndpoints() {
        JsonNode original = config("etcdraft");
        JsonNode removed = ConsenterEdits.remove(original, "127.0.0.1:7070");
        assertEquals(List.of("127.0.0.1:7050", "127.0.0.1:7060"), ConsenterEdits.addresses(removed));
        assertEquals(List.of("127.0.0.1:7050", "127.0.0.1:7060"), endpoints(removed));
        assertEquals(3, ConsenterEdits.addresses(original).size(), "the original is left as it was");
        assertEquals("500ms", removed.path("channel_group").path("groups").path("Orderer").path("values")
            .path("ConsensusType").path("value").path("metadata").path("options").path("tick_interval").asString(),
            "the Raft options are kept");
    }

    @Test
    void addingItBackRestoresTheConfigExactly() {
        JsonNode original = config("etcdraft");
        JsonNode removed = ConsenterEdits.remove(original, "127.0.0.1:7070");
        JsonNode restored = ConsenterEdits.add(removed, "OrdererOrg",
            new ConsenterEdits.Consenter("127.0.0.1", 7070, PEM));
        assertEquals(original, restored, "same consenter (client and server TLS cert in base64), same endpoints");
    }

    @Test
    void impossibleChangesAreRefusedWithTheReason() {
        JsonNode original = config("etcdraft");
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.remove(original, "127.0.0.1:7080"))
            .getMessage().contains("is not a consenter of the channel (consenters: 127.0.0.1:7050, 127.0.0.1:7060,"));
        JsonNode one = ConsenterEdits.remove(ConsenterEdits.remove(original, "127.0.0.1:7070"), "127.0.0.1:7060");
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.remove(one, "127.0.0.1:7050"))
            .getMessage().contains("last consenter"));
        ConsenterEdits.Consenter again = new ConsenterEdits.Consenter("127.0.0.1", 7050, PEM);
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.add(original, "OrdererOrg", again))
            .getMessage().contains("is a consenter of the channel already"));
        ConsenterEdits.Consenter fourth = new ConsenterEdits.Consenter("127.0.0.1", 7080, PEM);
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.add(original, "OtherOrg", fourth))
            .getMessage().contains("no orderer org named OtherOrg"));
        assertTrue(assertThrows(ChannelConfigException.class,
            () -> ConsenterEdits.remove(config("BFT"), "127.0.0.1:7050")).getMessage().contains("Raft"));
    }

    @Test
    void aConsenterChangeNeedsTheOrdererOrgAdminsAndReadsAsAddresses() {
        JsonNode original = config("etcdraft");
        JsonNode update = JSON.readTree("""
            {"channel_id": "points",
             "read_set": {"version": "0", "groups": {"Orderer": {"version": "0", "groups": {
               "OrdererOrg": {"version": "0", "values": {"Endpoints": {"version": "0"}}}},
               "values": {"ConsensusType": {"version": "0"}}}}},
             "write_set": {"version": "0", "groups": {"Orderer": {"version": "0", "groups": {
               "OrdererOrg": {"version": "0", "values": {"Endpoints": {"version": "1", "mod_policy": "Admins",
                 "value": {"addresses": ["127.0.0.1:7050", "127.0.0.1:7060"]}}}}},
               "values": {"ConsensusType": {"version": "1", "mod_policy": "Admins", "value": %s}}}}}}
            """.formatted(ConsenterEdits.remove(original, "127.0.0.1:7070").path("channel_group").path("groups")
                .path("Orderer").path("values").path("ConsensusType").path("value")));
        List<UpdatePolicyCheck.Requirement> byPlatform = new UpdatePolicyCheck(original).check(update,
            Set.of("PlatformAMSP"));
        assertEquals(List.of("/Channel/Orderer/Admins", "/Channel/Orderer/OrdererOrg/Admins"),
            byPlatform.stream().map(UpdatePolicyCheck.Requirement::policy).sorted().toList());
        assertTrue(byPlatform.stream().noneMatch(UpdatePolicyCheck.Requirement::satisfied));
        assertTrue(new UpdatePolicyCheck(original).check(update, Set.of("OrdererMSP")).stream()
            .allMatch(UpdatePolicyCheck.Requirement::satisfied));
        assertTrue(UpdatePolicyCheck.changes(update).contains(
            "changes Channel/Orderer/ConsensusType to etcdraft consenters 127.0.0.1:7050, 127.0.0.1:7060"),
            UpdatePolicyCheck.changes(update).toString());
    }

    @Test
    void aTlsCertificateFileIsCheckedBeforeUse(@TempDir Path dir) throws Exception {
        NetworkSpec spec = NetworkSpec.load(Path.of("..", "crypto-config", "network.yaml"));
        new CryptoGenerator(spec, dir.resolve("crypto"), false, line -> { }).generate();
        OrdererOrgSpec org = spec.ordererOrg();
        Path cert = new CryptoLayout(dir.resolve("crypto")).ordererNode(org, org.orderers().get(2))
            .resolve("tls").resolve("server.crt");
        assertTrue(ConsenterEdits.readTlsCert(cert).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.readTlsCert(dir.resolve("none")))
            .getMessage().contains("no such TLS certificate file"));
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.readTlsCert(key))
            .getMessage().contains("is not a PEM certificate"));
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, PEM);
        assertTrue(assertThrows(ChannelConfigException.class, () -> ConsenterEdits.readTlsCert(broken))
            .getMessage().contains("is not a readable X.509 certificate"));
    }
}
