package org.pointsnet.chaincode.ledger.state;

import java.time.Instant;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/** The key layout of docs/ledger.md: composite keys inside collection {@code ledger-<platformId>}. */
public final class Keys {
    /** Collection-name prefix: one collection per platform. */
    public static final String COLLECTION_PREFIX = "ledger-";

    private Keys() {}

    /** The collection holding platform {@code platformId}'s data. */
    public static String collection(final String platformId) {
        return COLLECTION_PREFIX + platformId;
    }

    /** The collection of the identity links between two platforms' users (only those two hold it). */
    public static String linkCollection(final String platformId, final String otherPlatformId) {
        return org.pointsnet.contract.LinkCollections.name(platformId, otherPlatformId);
    }

    /** A user's side of their link, in the pair's link collection (one link per user and pair). */
    public static String link(final String userId) {
        return key("link", userId);
    }

    /** An open link offer, by the SHA-256 (hex) of its grant secret, in the pair's link collection. */
    public static String linkOffer(final String grantHash) {
        return key("offer", grantHash);
    }

    /** Public directory entry of a platform. */
    public static String directory(final String platformId) {
        return key("platform", platformId);
    }

    /** Prefix of all public directory entries. */
    public static String directoryPrefix() {
        return key("platform");
    }

    /** The platform record inside its collection. */
    public static String platform() {
        return key("platform");
    }

    /** A user's registration, in the collection of the platform that created the user (user:Register). */
    public static String user(final String userId) {
        return key("user", userId);
    }

    /** A user's account. */
    public static String account(final String userId) {
        return key("acct", userId);
    }

    /** Prefix of all accounts. */
    public static String accountPrefix() {
        return key("acct");
    }

    /** A fee credit to the fee account, blind and unique per transaction so conversions never contend for it. */
    public static String feeCredit(final String txId) {
        return key("feein", txId);
    }

    /** Prefix of all unswept fee credits. */
    public static String feeCreditPrefix() {
        return key("feein");
    }

    /** A supply delta, blind and unique per transaction. */
    public static String supply(final String day, final String txId) {
        return key("supply", day, txId);
    }

    /** Prefix of all supply deltas. */
    public static String supplyPrefix() {
        return key("supply");
    }

    /**
     * The platform's folded supply: the sum of the supply deltas account:FoldSupply removed. Its type is not
     * "supply", so a range over {@link #supplyPrefix()} never includes it.
     */
    public static String supplyTotal() {
        return key("supplytotal");
    }

    /** The receipt of a request, for idempotency. */
    public static String receipt(final String requestId) {
        return key("receipt", requestId);
    }

    /** A user's history entry; newest first in key order. */
    public static String history(final String userId, final Instant at, final String txId) {
        return key("hist", userId, invertedTime(at), txId);
    }

    /** Prefix of a user's history entries. */
    public static String historyPrefix(final String userId) {
        return key("hist", userId);
    }

    /** The platform's fee rule. */
    public static String feeRule() {
        return key("rule", "fee");
    }

    /** The platform's limit rule. */
    public static String limitRule() {
        return key("rule", "limits");
    }

    /** This side's approval record of the pair rate from → to. */
    public static String rate(final String fromPlatformId, final String toPlatformId) {
        return key("rate", fromPlatformId, toPlatformId);
    }

    /** Prefix of all rate approvals. */
    public static String ratePrefix() {
        return key("rate");
    }

    /** Used quota of one shard of the daily pair limit towards {@code toPlatformId}. */
    public static String quota(final String toPlatformId, final String day, final int shard) {
        return key("quota", toPlatformId, day, Integer.toString(shard));
    }

    /** What a user converted out on a local day (per-user daily limit). */
    public static String userDay(final String day, final String userId) {
        return key("uday", day, userId);
    }

    /** A catalog entry. */
    public static String reward(final String rewardId) {
        return key("reward", rewardId);
    }

    /** Prefix of all catalog entries. */
    public static String rewardPrefix() {
        return key("reward");
    }

    /** Remaining stock of one shard of a reward. */
    public static String stock(final String rewardId, final int shard) {
        return key("stock", rewardId, Integer.toString(shard));
    }

    /** Units of a reward a user has redeemed: a point read, since range reads are forbidden in writing transactions. */
    public static String redeemedCount(final String rewardId, final String userId) {
        return key("redeemed", rewardId, userId);
    }

    /** A redemption record. */
    public static String redemption(final String userId, final String rewardId, final String txId) {
        return key("redeem", userId, rewardId, txId);
    }

    /** A settlement obligation delta. */
    public static String obligation(final String period, final String counterparty, final String txId) {
        return key("settle", period, counterparty, txId);
    }

    /** Prefix of a period's obligations. */
    public static String obligationPrefix(final String period) {
        return key("settle", period);
    }

    /** Public key of a period's settlement statement. */
    public static String statement(final String period) {
        return key("statement", period);
    }

    /** This platform's confirmation of its payment with {@code counterparty} in {@code currency} for a period. */
    public static String confirmation(final String period, final String counterparty, final String currency) {
        return key("confirm", period, counterparty, currency);
    }

    /** Marker of a settlement period this platform closed. */
    public static String closedPeriod(final String period) {
        return key("closed", period);
    }

    /** The platform's earning categories (all versions still needed, in one record). */
    public static String categoryRules() {
        return key("rule", "categories");
    }

    /** The platform's own value rule: unit value and multiplier, all versions still needed, in one record. */
    public static String valueRules() {
        return key("rule", "value");
    }

    /** The platform's reversal window rule. */
    public static String reversalRule() {
        return key("rule", "reversal");
    }

    /** Marker of a request of this platform that was reversed: a second reversal is refused by a point read. */
    public static String reversed(final String originalRequestId) {
        return key("reversed", originalRequestId);
    }

    /** The platform's expiry rule (docs/ledger.md, "Point expiry"). */
    public static String expiryRule() {
        return key("rule", "expiry");
    }

    /** Nanoseconds until year 2262 counted down, zero-padded: newer timestamps sort first. */
    static String invertedTime(final Instant at) {
        final long nanos = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        return String.format("%019d", Long.MAX_VALUE - nanos);
    }

    private static String key(final String type, final String... attributes) {
        return new CompositeKey(type, attributes).toString();
    }
}
