package org.pointsnet.gateway.e2e;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;

/**
 * settlement:GetPeriod of one period as one peer computes it: net positions per platform and the disputes (an
 * obligation one side recorded and the other did not, or recorded differently).
 *
 * @param period the period label
 * @param json the whole answer, for messages
 */
record SettlementView(String period, JsonNode json) {

    /** GetPeriod evaluated on the peer of {@code connection}'s org. */
    static SettlementView read(final FabricConnection connection, final String period) {
        return new SettlementView(period,
            LedgerCalls.evaluate(connection, "settlement:GetPeriod", LedgerCalls.json("period", period)));
    }

    /**
     * Net positions of {@code platforms} in {@code currency} (what each is owed minus what it owes), zero for a
     * platform GetPeriod lists no position for, in plain canonical form ("-3", "0"), so maps compare by value.
     */
    Map<String, String> netPositions(final String currency, final List<String> platforms) {
        final Map<String, BigDecimal> listed = new TreeMap<>();
        for (final JsonNode position : json.path("netPositions")) {
            if (currency.equals(position.path("currency").asString())) {
                listed.put(position.path("platformId").asString(), new BigDecimal(position.path("net").asString()));
            }
        }
        final Map<String, String> net = new TreeMap<>();
        for (final String platform : platforms) {
            net.put(platform, listed.getOrDefault(platform, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
        }
        return net;
    }

    /** The dispute about transaction {@code txId}, if GetPeriod reports one. */
    Optional<JsonNode> dispute(final String txId) {
        for (final JsonNode dispute : json.path("disputes")) {
            if (txId.equals(dispute.path("txId").asString())) {
                return Optional.of(dispute);
            }
        }
        return Optional.empty();
    }
}
