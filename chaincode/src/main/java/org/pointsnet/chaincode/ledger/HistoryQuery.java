package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pointsnet.chaincode.ledger.model.HistoryEntry;
import org.pointsnet.chaincode.ledger.model.HistoryPage;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.support.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A user's history across every platform's collection, newest first: a merge of each collection's history index.
 * The cursor records, per platform, the last index key consumed (base64url JSON, opaque to clients).
 */
final class HistoryQuery {
    private record Item(String platformId, String key, String order) {}

    private HistoryQuery() {}

    static HistoryPage page(final LedgerState state, final List<Platform> platforms, final String userId,
            final int limit, final String cursor) {
        final Map<String, String> positions = decode(cursor);
        final String prefix = Keys.historyPrefix(userId);
        final List<Item> items = new ArrayList<>();
        for (final Platform p : platforms) {
            // limit + 1 per platform: enough to fill the page and to know whether anything is left.
            for (final LedgerState.Entry e : state.range(Keys.collection(p.platformId()), prefix,
                    positions.get(p.platformId()), limit + 1)) {
                items.add(new Item(p.platformId(), e.key(), e.key().substring(prefix.length())));
            }
        }
        items.sort(Comparator.comparing(Item::order).thenComparing(Item::platformId));

        final List<JsonNode> receipts = new ArrayList<>();
        int consumed = 0;
        String lastOrder = null;
        for (final Item item : items) {
            // Entries of one transaction (a conversion indexes the user in both collections) form one group, shown
            // once and never split across pages.
            if (!item.order().equals(lastOrder)) {
                if (receipts.size() == limit) {
                    break;
                }
                lastOrder = item.order();
                final HistoryEntry entry = state.read(Keys.collection(item.platformId()), item.key(),
                        HistoryEntry.class).orElseThrow();
                state.raw(Keys.collection(entry.platformId()), Keys.receipt(entry.requestId()))
                        .map(StoredJson::tree).ifPresent(receipts::add);
            }
            positions.put(item.platformId(), item.key());
            consumed++;
        }
        final String next = consumed < items.size() ? encode(positions) : null;
        return new HistoryPage(userId, receipts, next);
    }

    private static Map<String, String> decode(final String cursor) {
        final Map<String, String> positions = new TreeMap<>();
        if (cursor == null) {
            return positions;
        }
        try {
            final JsonNode node = StoredJson.tree(Base64.getUrlDecoder().decode(cursor));
            if (!node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            node.properties().forEach(e -> positions.put(e.getKey(), e.getValue().stringValue()));
            return positions;
        } catch (IllegalArgumentException | JacksonException e) {
            throw refusal(VALIDATION_FAILED, "cursor is not one this ledger returned");
        }
    }

    private static String encode(final Map<String, String> positions) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(positions).getBytes(UTF_8));
    }
}
