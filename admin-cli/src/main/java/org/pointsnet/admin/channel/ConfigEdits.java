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
     * Block cutting settings of the Orderer group; null fields stay as they are.
     *
     * @param timeout           BatchTimeout, a Go duration like 250ms, 2s, 1m
     * @param maxMessageCount   BatchSize max_message_count: transactions per block at most
     * @param preferredMaxBytes BatchSize preferred_max_bytes: a block is cut once it reaches this size
     * @param absoluteMaxBytes  BatchSize absolute_max_bytes: no block (nor transaction) is larger
     */
    public record Batch(String timeout, Integer maxMessageCount, Long preferredMaxBytes, Long absoluteMaxBytes) {

        /** Whether any setting is given. */
        public boolean changesAnything() {
            return timeout != null || maxMessageCount != null || preferredMaxBytes != null || absoluteMaxBytes != null;
        }

        /**
         * Checks the settings before anything is fetched, as the orderer's config validation would.
         *
         * @throws ChannelConfigException for a timeout that is not a duration, or a count or size below 1
         */
        public void check() {
            if (timeout != null && !DURATION.matcher(timeout).matches()) {
                throw new ChannelConfigException("--batch-timeout '" + timeout + "' is not a duration like 250ms, 2s"
                    + " or 1m");
            }
            if (maxMessageCount != null && maxMessageCount < 1) {
                throw new ChannelConfigException("--max-message-count must be at least 1, not " + maxMessageCount);
            }
            if (preferredMaxBytes != null && preferredMaxBytes < 1) {
                throw new ChannelConfigException("--preferred-max-bytes must be at least 1, not " + preferredMaxBytes);
            }
            if (absoluteMaxBytes != null && absoluteMaxBytes < 1) {
                throw new ChannelConfigException("--absolute-max-bytes must be at least 1, not " + absoluteMaxBytes);
            }
        }
    }

    /**
     * The config with new batch settings.
     *
     * @throws ChannelConfigException for a bad setting, or a preferred block size above the absolute one
     */
    public static JsonNode batch(JsonNode config, Batch batch) {
        batch.check();
        ObjectNode copy = (ObjectNode) config.deepCopy();
        JsonNode values = copy.path("channel_group").path("groups").path("Orderer").path("values");
        if (batch.timeout() != null) {
            ((ObjectNode) values.path("BatchTimeout").path("value")).put("timeout", batch.timeout());
        }
        ObjectNode size = (ObjectNode) values.path("BatchSize").path("value");
        if (batch.maxMessageCount() != null) {
            size.put("max_message_count", batch.maxMessageCount());
        }
        if (batch.preferredMaxBytes() != null) {
            size.put("preferred_max_bytes", batch.preferredMaxBytes());
        }
        if (batch.absoluteMaxBytes() != null) {
            size.put("absolute_max_bytes", batch.absoluteMaxBytes());
        }
        long preferred = size.path("preferred_max_bytes").asLong(0);
        long absolute = size.path("absolute_max_bytes").asLong(Long.MAX_VALUE);
        if (preferred > absolute) {
            // The orderer rejects such a config; say so before anyone signs it.
            throw new ChannelConfigException("preferred_max_bytes " + preferred + " would exceed absolute_max_bytes "
                + absolute);
        }
        return copy;
    }
}
