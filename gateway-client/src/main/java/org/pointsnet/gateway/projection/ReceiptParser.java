package org.pointsnet.gateway.projection;

import static org.pointsnet.gateway.projection.SetAsideReason.BAD_AMOUNT;
import static org.pointsnet.gateway.projection.SetAsideReason.MALFORMED;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.Receipt;
import org.pointsnet.contract.Receipt.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Receipt event's payload strictly into the contract's {@link Receipt}: one JSON object (no duplicate keys,
 * nothing after it), the fields the projection stores in the shapes the chaincode writes them (docs/ledger.md,
 * "Idempotency, receipts and events"), checked member by member before anything is bound, and per receipt type the
 * postings that type makes. Anything else is refused with a reason, so one org's peer cannot make the projection
 * store junk, or fail on it forever. Details never quote user ids.
 */
final class ReceiptParser {

    /** Receipts are a few KiB; anything this large is not one, and is not parsed. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    // The chaincode's id rules (the contract's Limits), which also keep every value inside its column.
    private static final Pattern TX_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_TIMESTAMP = 40;

    private static final JsonMapper STRICT = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    /** What postings each receipt type makes (ledger.md lists the types). */
    private enum Shape {
        /** Administrative: no balance changes. */
        NONE,
        /** One credit on the receipt's platform. */
        CREDIT,
        /** One debit on the receipt's platform. */
        DEBIT,
        /** A debit and an equal credit, both on the receipt's platform. */
        TRANSFER,
        /** A debit on the receipt's platform, then one or two credits (amount out, fee) on one other platform. */
        CONVERT,
        /**
         * A reversal: one posting of either sign on the receipt's platform (an issue's or a burn's undone), or a
         * conversion's undone: a credit on the receipt's platform, then one or two debits on one other platform.
         */
        REVERSAL,
        /** An expiry: one or more debits, each of another user, all on the receipt's platform. */
        EXPIRY
    }

    private static final Map<String, Shape> TYPES = Map.ofEntries(
        Map.entry("REGISTER_PLATFORM", Shape.NONE), Map.entry("SUSPEND_PLATFORM", Shape.NONE),
        Map.entry("RESUME_PLATFORM", Shape.NONE), Map.entry("SET_FEE_RULE", Shape.NONE),
        Map.entry("SET_LIMITS", Shape.NONE), Map.entry("APPROVE_RATE", Shape.NONE),
        Map.entry("PUT_REWARD", Shape.NONE), Map.entry("CLOSE_PERIOD", Shape.NONE),
        Map.entry("STORE_STATEMENT", Shape.NONE), Map.entry("CONFIRM_SETTLEMENT", Shape.NONE),
        Map.entry("SWEEP_FEES", Shape.NONE), Map.entry("ISSUE", Shape.CREDIT), Map.entry("BURN", Shape.DEBIT),
        Map.entry("REDEEM", Shape.DEBIT), Map.entry("TRANSFER", Shape.TRANSFER), Map.entry("CONVERT", Shape.CONVERT),
        Map.entry("SET_REVERSAL_WINDOW", Shape.NONE), Map.entry("REVERSE", Shape.REVERSAL),
        Map.entry("SET_CATEGORIES", Shape.NONE), Map.entry("SET_EXPIRY_RULE", Shape.NONE),
        Map.entry("EXPIRE", Shape.EXPIRY), Map.entry("SET_VALUE", Shape.NONE), Map.entry("FOLD_SUPPLY", Shape.NONE));

    private ReceiptParser() {
    }

    /** The receipt in {@code payload}, the event of transaction {@code txId}. */
    static Receipt parse(final String txId, final ByteString payload) throws RejectedEventException {
        if (payload.size() > MAX_PAYLOAD_BYTES) {
            throw new RejectedEventException(MALFORMED, "payload of " + payload.size() + " bytes is larger than "
                + MAX_PAYLOAD_BYTES);
        }
        final JsonNode root = json(payload);
        if (!TX_ID.matcher(txId).matches()) {
            throw new RejectedEventException(MALFORMED, "transaction id is not 1-128 visible ASCII characters");
        }
        if (!txId.equals(text(root, Fields.TX_ID))) {
            throw new RejectedEventException(MALFORMED, "field 'txId' is not the id of the transaction it came in");
        }
        final String type = text(root, Fields.TYPE);
        final Shape shape = TYPES.get(type);
        if (shape == null) {
            throw new RejectedEventException(MALFORMED, "unknown receipt type '" + type + "'");
        }
        matching(root, Fields.REQUEST_ID, Limits.REQUEST_ID, "1-64 printable ASCII characters");
        requireInstant(root);
        final String platformId = matching(root, Fields.PLATFORM_ID, Limits.PLATFORM_ID, "a platform id");
        final List<Posting> postings = postings(root.get(Fields.POSTINGS));
        checkShape(type, shape, platformId, postings);
        return bind(root);
    }

    /**
     * The checked payload as the contract's record. What the projection does not check (requestHash, rules, detail)
     * must still fit the record; the stored payload keeps them as they came.
     */
    private static Receipt bind(final JsonNode root) throws RejectedEventException {
        try {
            return STRICT.treeToValue(root, Receipt.class);
        } catch (JacksonException e) {
            // The path names record components only; the message could quote the payload, so it is not kept.
            final String where = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
            throw new RejectedEventException(MALFORMED, "'" + where + "' does not fit the receipt record");
        }
    }

    private static JsonNode json(final ByteString payload) throws RejectedEventException {
        final JsonNode root;
        try (InputStream in = payload.newInput()) {
            root = STRICT.readTree(in);
        } catch (JacksonException e) {
            // The parser's own message may quote the payload (user ids): only where it stopped is kept.
            throw new RejectedEventException(MALFORMED, "payload is not valid JSON" + (e.getLocation() == null ? ""
                : " (stopped at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + ")"));
        } catch (IOException e) {
            throw new RejectedEventException(MALFORMED, "payload cannot be read: " + e.getClass().getSimpleName());
        }
        if (root == null || !root.isObject()) {
            throw new RejectedEventException(MALFORMED, "payload is not a JSON object");
        }
        return root;
    }

    private static List<Posting> postings(final JsonNode node) throws RejectedEventException {
        if (node == null || !node.isArray()) {
            throw new RejectedEventException(MALFORMED, "field '" + Fields.POSTINGS + "' is missing or not an array");
        }
        final List<Posting> postings = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            final JsonNode posting = node.get(i);
            final String where = Fields.POSTINGS + "[" + i + "]";
            if (!posting.isObject()) {
                throw new RejectedEventException(MALFORMED, where + " is not an object");
            }
            final String platform = matching(posting, Posting.Fields.PLATFORM_ID, Limits.PLATFORM_ID, "a platform id",
                where);
            final JsonNode userId = posting.get(Posting.Fields.USER_ID);
            if (userId == null || !userId.isString() || !Limits.OPAQUE_ID.matcher(userId.asString()).matches()) {
                throw new RejectedEventException(MALFORMED, where + "." + Posting.Fields.USER_ID
                    + " is missing or not 1-64 visible ASCII characters");
            }
            final JsonNode delta = posting.get(Posting.Fields.DELTA);
            if (delta == null || !delta.isNumber()) {
                throw new RejectedEventException(MALFORMED, where + "." + Posting.Fields.DELTA
                    + " is missing or not a number");
            }
            // Long.MIN_VALUE has no negation: no debit can balance a credit of it.
            if (!delta.isIntegralNumber() || !delta.canConvertToLong() || delta.asLong() == Long.MIN_VALUE) {
                throw new RejectedEventException(BAD_AMOUNT, where + "." + Posting.Fields.DELTA
                    + " is not a whole number that fits a signed 64-bit integer");
            }
            postings.add(new Posting(platform, userId.asString(), delta.asLong()));
        }
        return postings;
    }

    private static void checkShape(final String type, final Shape shape, final String platformId,
                                   final List<Posting> postings) throws RejectedEventException {
        final int count = postings.size();
        final boolean countOk = switch (shape) {
            case NONE -> count == 0;
            case CREDIT, DEBIT -> count == 1;
            case TRANSFER -> count == 2;
            case CONVERT -> count == 2 || count == 3;
            case REVERSAL -> count >= 1 && count <= 3;
            case EXPIRY -> count >= 1 && count <= Limits.MAX_EXPIRE_USERS;
        };
        if (!countOk) {
            throw new RejectedEventException(MALFORMED, type + " receipt with " + count + " postings");
        }
        if (count == 0) {
            return;
        }
        final Posting first = postings.get(0);
        if (!first.platformId().equals(platformId)) {
            throw new RejectedEventException(MALFORMED, type + " receipt of platform '" + platformId
                + "' whose first posting is on platform '" + first.platformId() + "'");
        }
        if (shape == Shape.REVERSAL) {
            checkReversal(postings, platformId);
            return;
        }
        if (shape == Shape.EXPIRY) {
            checkExpiry(postings, platformId);
            return;
        }
        if (shape == Shape.CREDIT ? first.delta() <= 0 : first.delta() >= 0) {
            throw new RejectedEventException(BAD_AMOUNT, type + " receipt whose first posting has delta "
                + first.delta());
        }
        if (shape == Shape.TRANSFER) {
            final Posting second = postings.get(1);
            if (!second.platformId().equals(platformId)) {
                throw new RejectedEventException(MALFORMED, "TRANSFER receipt posting on another platform");
            }
            if (second.delta() != -first.delta()) {
                throw new RejectedEventException(BAD_AMOUNT, "TRANSFER receipt whose credit " + second.delta()
                    + " does not balance its debit " + first.delta());
            }
        } else if (shape == Shape.CONVERT) {
            final String to = postings.get(1).platformId();
            if (to.equals(platformId)) {
                throw new RejectedEventException(MALFORMED, "CONVERT receipt crediting its own platform");
            }
            for (final Posting credit : postings.subList(1, count)) {
                if (!credit.platformId().equals(to)) {
                    throw new RejectedEventException(MALFORMED, "CONVERT receipt crediting two platforms");
                }
                if (credit.delta() <= 0) {
                    throw new RejectedEventException(BAD_AMOUNT, "CONVERT receipt with a credit of " + credit.delta());
                }
            }
        }
    }

    private static void checkExpiry(final List<Posting> postings, final String platformId)
        throws RejectedEventException {
        final Set<String> users = new HashSet<>();
        for (final Posting debit : postings) {
            if (!debit.platformId().equals(platformId)) {
                throw new RejectedEventException(MALFORMED, "EXPIRE receipt posting on another platform");
            }
            if (debit.delta() >= 0) {
                throw new RejectedEventException(BAD_AMOUNT, "EXPIRE receipt with a posting of " + debit.delta());
            }
            if (!users.add(debit.userId())) {
                throw new RejectedEventException(MALFORMED, "EXPIRE receipt posting twice on one user");
            }
        }
    }

    private static void checkReversal(final List<Posting> postings, final String platformId)
        throws RejectedEventException {
        final Posting first = postings.get(0);
        if (first.delta() == 0 || postings.size() > 1 && first.delta() < 0) {
            throw new RejectedEventException(BAD_AMOUNT, "REVERSE receipt whose first posting has delta "
                + first.delta());
        }
        if (postings.size() == 1) {
            return;
        }
        final String other = postings.get(1).platformId();
        if (other.equals(platformId)) {
            throw new RejectedEventException(MALFORMED, "REVERSE receipt of a conversion debiting its own platform");
        }
        for (final Posting debit : postings.subList(1, postings.size())) {
            if (!debit.platformId().equals(other)) {
                throw new RejectedEventException(MALFORMED, "REVERSE receipt debiting two platforms");
            }
            if (debit.delta() >= 0) {
                throw new RejectedEventException(BAD_AMOUNT, "REVERSE receipt with a debit of " + debit.delta());
            }
        }
    }

    private static void requireInstant(final JsonNode root) throws RejectedEventException {
        final String timestamp = text(root, Fields.TIMESTAMP);
        try {
            if (timestamp.length() <= MAX_TIMESTAMP) {
                DateTimeFormatter.ISO_INSTANT.parse(timestamp, Instant::from);
                return;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new RejectedEventException(MALFORMED, "field '" + Fields.TIMESTAMP + "' is not an ISO-8601 UTC instant");
    }

    private static String matching(final JsonNode node, final String field, final Pattern pattern,
                                   final String what) throws RejectedEventException {
        return matching(node, field, pattern, what, null);
    }

    private static String matching(final JsonNode node, final String field, final Pattern pattern,
                                   final String what, final String where) throws RejectedEventException {
        final String value = text(node, field, where);
        if (!pattern.matcher(value).matches()) {
            throw new RejectedEventException(MALFORMED, name(field, where) + " is not " + what);
        }
        return value;
    }

    private static String text(final JsonNode node, final String field) throws RejectedEventException {
        return text(node, field, null);
    }

    private static String text(final JsonNode node, final String field, final String where)
        throws RejectedEventException {
        final JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new RejectedEventException(MALFORMED, name(field, where) + " is missing or not a string");
        }
        return value.asString();
    }

    private static String name(final String field, final String where) {
        return where == null ? "field '" + field + "'" : where + "." + field;
    }
}
