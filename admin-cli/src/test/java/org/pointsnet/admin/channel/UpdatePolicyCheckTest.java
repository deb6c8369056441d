package org.pointsnet.admin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The local signature check against a channel config shaped like PointsNet's (configtxlator JSON). */
class UpdatePolicyCheckTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static String orgGroup(String msp) {
        return """
            {"groups": {}, "mod_policy": "Admins", "values": {}, "version": "0", "policies": {"Admins": {
              "mod_policy": "Admins", "version": "0", "policy": {"type": 1, "value": {"identities": [
                {"principal": {"msp_identifier": "%s", "role": "ADMIN"}, "principal_classification": "ROLE"}],
                "rule": {"n_out_of": {"n": 1, "rules": [{"signed_by": 0}]}}, "version": 0}}}}}
            """.formatted(msp);
    }

    private static JsonNode config() {
        return JSON.readTree("""
            {"channel_group": {"mod_policy": "Admins", "version": "0", "values": {}, "policies": {}, "groups": {
              "Application": {"mod_policy": "Admins", "version": "0", "values": {}, "groups": {
                  "PlatformA": %s, "PlatformB": %s, "PlatformC": %s},
                "policies": {"Admins": {"mod_policy": "Admins", "version": "0",
                  "policy": {"type": 3, "value": {"rule": "ALL", "sub_policy": "Admins"}}}}},
              "Orderer": {"mod_policy": "Admins", "version": "0", "groups": {"OrdererOrg": %s},
                "values": {"BatchTimeout": {"mod_policy": "Admins", "version": "0", "value": {"timeout": "250ms"}},
                           "BatchSize": {"mod_policy": "Admins", "version": "0",
                             "value": {"max_message_count": 100}}},
                "policies": {"Admins": {"mod_policy": "Admins", "version": "0",
                  "policy": {"type": 3, "value": {"rule": "MAJORITY", "sub_policy": "Admins"}}}}}}}}
            """.formatted(orgGroup("PlatformAMSP"), orgGroup("PlatformBMSP"), orgGroup("PlatformCMSP"),
                orgGroup("OrdererMSP")));
    }

    /** The update compute_update makes for adding PlatformD: Application's version goes up, D is new. */
    private static JsonNode addOrgUpdate() {
        return JSON.readTree("""
            {"channel_id": "points",
             "read_set": {"version": "0", "groups": {"Application": {"version": "0", "groups": {
               "PlatformA": {"version": "0"}, "PlatformB": {"version": "0"}, "PlatformC": {"version": "0"}}}}},
             "write_set": {"version": "0", "groups": {"Application": {"version": "1", "mod_policy": "Admins",
               "groups": {"PlatformA": {"version": "0"}, "PlatformB": {"version": "0"}, "PlatformC": {"version": "0"},
                          "PlatformD": %s}}}}}
            """.formatted(orgGroup("PlatformDMSP")));
    }

    private static JsonNode batchUpdate() {
        return JSON.readTree("""
            {"channel_id": "points",
             "read_set": {"version": "0", "groups": {"Orderer": {"version": "0", "values": {}}}},
             "write_set": {"version": "0", "groups": {"Orderer": {"version": "0", "values": {
               "BatchTimeout": {"mod_policy": "Admins", "version": "1", "value": {"timeout": "1s"}}}}}}}
            """);
    }

    @Test
    void addingAnOrgNeedsEveryPlatformAdmin() {
        UpdatePolicyCheck check = new UpdatePolicyCheck(config());
        List<UpdatePolicyCheck.Requirement> two = check.check(addOrgUpdate(), Set.of("PlatformAMSP", "PlatformBMSP"));
        assertEquals(1, two.size(), two.toString());
        UpdatePolicyCheck.Requirement requirement = two.get(0);
        assertEquals("/Channel/Application/Admins", requirement.policy());
        assertEquals("Channel/Application", requirement.element());
        assertFalse(requirement.satisfied());
        assertEquals(List.of("PlatformA", "PlatformB"), requirement.signed());
        assertEquals(List.of("PlatformC"), requirement.missing());
        assertTrue(requirement.rule().startsWith("ALL of Admins (3 of 3)"), requirement.rule());

        List<UpdatePolicyCheck.Requirement> all =
            check.check(addOrgUpdate(), Set.of("PlatformAMSP", "PlatformBMSP", "PlatformCMSP"));
        assertTrue(all.get(0).satisfied());
        assertEquals(List.of(), all.get(0).missing());
    }

    @Test
    void theJoiningOrgsOwnSignatureDoesNotCount() {
        List<UpdatePolicyCheck.Requirement> result = new UpdatePolicyCheck(config())
            .check(addOrgUpdate(), Set.of("PlatformAMSP", "PlatformBMSP", "PlatformDMSP"));
        assertFalse(result.get(0).satisfied());
        assertEquals(List.of("PlatformC"), result.get(0).missing());
    }

    @Test
    void batchSettingsNeedTheOrdererOrgNotThePlatforms() {
        UpdatePolicyCheck check = new UpdatePolicyCheck(config());
        List<UpdatePolicyCheck.Requirement> platforms =
            check.check(batchUpdate(), Set.of("PlatformAMSP", "PlatformBMSP", "PlatformCMSP"));
        assertEquals(1, platforms.size());
        assertEquals("/Channel/Orderer/Admins", platforms.get(0).policy());
        assertEquals("Channel/Orderer/BatchTimeout", platforms.get(0).element());
        assertFalse(platforms.get(0).satisfied());
        assertEquals(List.of("OrdererOrg"), platforms.get(0).missing());
        assertTrue(check.check(batchUpdate(), Set.of("OrdererMSP")).get(0).satisfied());
    }

    @Test
    void changesNameWhatTheUpdateAddsOrChanges() {
        assertEquals(List.of("adds Channel/Application/PlatformD"), UpdatePolicyCheck.changes(addOrgUpdate()));
        assertEquals(List.of("changes Channel/Orderer/BatchTimeout to {\"timeout\":\"1s\"}"),
            UpdatePolicyCheck.changes(batchUpdate()));
    }

    @Test
    void editsRefuseADuplicateOrgAndBadBatchSettings() {
        JsonNode config = config();
        JsonNode group = JSON.readTree(orgGroup("PlatformDMSP"));
        JsonNode added = ConfigEdits.addOrg(config, "PlatformD", "PlatformDMSP", group);
        assertTrue(added.path("channel_group").path("groups").path("Application").path("groups").has("PlatformD"));
        assertFalse(config.path("channel_group").path("groups").path("Application").path("groups").has("PlatformD"),
            "the original config is left as it was");
        assertThrows(ChannelConfigException.class, () -> ConfigEdits.addOrg(added, "PlatformD", "PlatformDMSP", group));

        JsonNode batch = ConfigEdits.batch(config, new ConfigEdits.Batch("2s", 50, null, null));
        JsonNode values = batch.path("channel_group").path("groups").path("Orderer").path("values");
        assertEquals("2s", values.path("BatchTimeout").path("value").path("timeout").asString());
        assertEquals(50, values.path("BatchSize").path("value").path("max_message_count").asInt());
        assertThrows(ChannelConfigException.class,
            () -> ConfigEdits.batch(config, new ConfigEdits.Batch("2 seconds", null, null, null)));
        assertThrows(ChannelConfigException.class,
            () -> ConfigEdits.batch(config, new ConfigEdits.Batch(null, 0, null, null)));
    }

    @Test
    void blockSizesChangeTogetherAndThePreferredSizeStaysWithinTheAbsoluteOne() {
        JsonNode sized = ConfigEdits.batch(config(), new ConfigEdits.Batch(null, null, 1_048_576L, 4_194_304L));
        JsonNode size = sized.path("channel_group").path("groups").path("Orderer").path("values").path("BatchSize")
            .path("value");
        assertEquals(1_048_576L, size.path("preferred_max_bytes").asLong());
        assertEquals(4_194_304L, size.path("absolute_max_bytes").asLong());
        assertEquals(100, size.path("max_message_count").asInt(), "what is not given stays");
        assertTrue(assertThrows(ChannelConfigException.class,
            () -> ConfigEdits.batch(sized, new ConfigEdits.Batch(null, null, 8_388_608L, null))).getMessage()
            .contains("preferred_max_bytes 8388608 would exceed absolute_max_bytes 4194304"));
        assertTrue(assertThrows(ChannelConfigException.class,
            () -> ConfigEdits.batch(sized, new ConfigEdits.Batch(null, null, null, 0L))).getMessage()
            .contains("--absolute-max-bytes must be at least 1"));
        assertTrue(new ConfigEdits.Batch(null, null, 1L, null).changesAnything());
        assertFalse(new ConfigEdits.Batch(null, null, null, null).changesAnything());
    }

    @Test
    void aToolsVerdictIsItsLastErrorLine() {
        String stderr = "\u001B[34m2026-11-30 INFO\u001B[0m connecting\n"
            + "Error: got unexpected status: BAD_REQUEST -- error applying config update\n";
        assertEquals("got unexpected status: BAD_REQUEST -- error applying config update",
            FabricTools.lastError(stderr, ""));
        assertEquals("configtxlator: error: no differences detected".substring(22),
            FabricTools.lastError("configtxlator: error: no differences detected", ""));
    }
}
