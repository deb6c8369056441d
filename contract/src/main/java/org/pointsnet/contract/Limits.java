package org.pointsnet.contract;

import java.util.regex.Pattern;

/**
 * Validation limits that the gateway checks before a call and the chaincode checks again (it trusts no client): one
 * definition, so the two can never drift apart.
 */
public final class Limits {
    /** Most smallest units one request may move (10^15). */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** Longest user, reward or request id. */
    public static final int MAX_ID = 64;
    /** Longest free text (reason, reward name). */
    public static final int MAX_TEXT = 128;
    /** Longest platform name. */
    public static final int MAX_NAME = 64;
    /** Most decimals of a platform's points. */
    public static final int MAX_DECIMALS = 6;
    /** Longest reversal window a platform may set: 366 days, in seconds. */
    public static final long MAX_REVERSAL_WINDOW_SECONDS = 366L * 24 * 60 * 60;
    /** Longest expiry period a platform may set: 10 years of 366 days, in seconds. */
    public static final long MAX_EXPIRY_PERIOD_SECONDS = 10L * 366 * 24 * 60 * 60;
    /** Most expiring lots one account record keeps (docs/ledger.md, "Point expiry"): the record stays small. */
    public static final int MAX_LOTS = 64;
    /** Most users one expiry transaction names (each is a point read and a write). */
    public static final int MAX_EXPIRE_USERS = 100;

    /** Most supply deltas one {@code account:FoldSupply} folds, and {@code account:GetSupplyDeltas} lists. */
    public static final int MAX_FOLD_DELTAS = 200;
    /** Longest {@code account:FoldSupply} request, in characters: {@link #MAX_FOLD_DELTAS} deltas fit. */
    public static final int MAX_FOLD_REQUEST = 32 * 1024;
    /** The UTC day of a supply delta key (yyyy-MM-dd). */
    public static final Pattern SUPPLY_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A transaction id as a key names it: visible ASCII, composite-key safe. */
    public static final Pattern TX_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** Most conversions one settlement statement lists (its request carries each one's tx id and parties). */
    public static final int MAX_STATEMENT_CONVERSIONS = 2_000;
    /** Longest settlement:StoreStatement request, in characters: {@link #MAX_STATEMENT_CONVERSIONS} entries fit. */
    public static final int MAX_STATEMENT_REQUEST = 512 * 1024;

    /** A platform id. */
    public static final Pattern PLATFORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    /** A user or reward id: visible ASCII only, so composite-key safe (no U+0000) and the same on every JVM. */
    public static final Pattern OPAQUE_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_ID + "}");
    /** A request id (Idempotency-Key): printable ASCII, spaces allowed. */
    public static final Pattern REQUEST_ID = Pattern.compile("[\\x20-\\x7E]{1," + MAX_ID + "}");
    /** An earning category (issue 16's value model): lower-case id. */
    public static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    /** Most earning categories one platform defines. */
    public static final int MAX_CATEGORIES = 32;
    /** Largest unit value or platform multiplier a value rule sets (value:SetValue): keeps point values sane. */
    public static final long MAX_VALUE_RULE = 1_000_000;
    /** Most decimal places of a value rule's unit value or multiplier. */
    public static final int MAX_VALUE_RULE_SCALE = 12;
    /** Most value-rule versions a platform keeps: the one in force and those scheduled after it. */
    public static final int MAX_VALUE_VERSIONS = 8;
    /** A point symbol. */
    public static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,16}");
    /** An ISO 4217 currency code. */
    public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** A plain positive decimal: unit values, multipliers, rates. */
    public static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,18})?");

    private Limits() {}

    /** Longest validity of an identity link offer (its grant), in seconds: the person completes it at once. */
    public static final long MAX_LINK_GRANT_SECONDS = 600;
}
