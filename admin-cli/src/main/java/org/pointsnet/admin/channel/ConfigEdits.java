package org.pointsnet.admin.channel;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The changes admin-cli makes to a channel config (configtxlator JSON), each on a copy of it. */
public final class ConfigEdits {

    /** A Go duration as Fabric's BatchTimeout takes it, e.g. 250ms, 2s, 1m. */
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*(ms|s|m)");

    private ConfigEdits() {
    }

    /**
     * The config with {@code orgGroup} (configtxgen -printOrg of the joining org) added to the Application group.
     *
     * @throws ChannelConfigException if an org of that name or MSP id is in the channel already
     */
    public static JsonNode addOrg(JsonNode config, String orgName, String mspId, JsonNode orgGroup) {
        ObjectNode copy = (ObjectNode) config.deepCopy();
        ObjectNode orgs = (ObjectNode) copy.path("channel_group").path("groups").path("Application").path("groups");
        if (orgs.has(orgName)) {
            throw new ChannelConfigException("the channel already has an org named " + orgName);
        }
        for (String name : orgs.propertyNames()) {
            String existing = orgs.path(name).path("values").path("MSP").path("value").path("config").path("name")
                .asString("");
            if (existing.equals(mspId)) {
                throw new ChannelConfigException("MSP " + mspId + " is in the channel already (org " + name + ")");
            }
        }
        orgs.set(orgName, orgGroup);
        return copy;
    }

    /**
     * The config with new batch settings (null: unchanged).
     *
     * @throws ChannelConfigException for a timeout that is not a duration or a count below 1
     */
    public static JsonNode batch(JsonNode config, String batchTimeout, Integer maxMessageCount) {
        checkBatch(batchTimeout, maxMessageCount);
        ObjectNode copy = (ObjectNode) config.deepCopy();
        JsonNode values = copy.path("channel_group").path("groups").path("Orderer").path("values");
        if (batchTimeout != null) {
            ((ObjectNode) values.path("BatchTimeout").path("value")).put("timeout", batchTimeout);
        }
        if (maxMessageCount != null) {
            ((ObjectNode) values.path("BatchSize").path("value")).put("max_message_count", maxMessageCount);
        }
        return copy;
    }

    /**
     * Checks batch settings before anything is fetched (null: unchanged).
     *
     * @throws ChannelConfigException for a timeout that is not a duration or a count below 1
     */
    public static void checkBatch(String batchTimeout, Integer maxMessageCount) {
        if (batchTimeout != null && !DURATION.matcher(batchTimeout).matches()) {
            throw new ChannelConfigException("--batch-timeout '" + batchTimeout
                + "' is not a duration like 250ms, 2s or 1m");
        }
        if (maxMessageCount != null && maxMessageCount < 1) {
            throw new ChannelConfigException("--max-message-count must be at least 1, not " + maxMessageCount);
        }
    }
}
