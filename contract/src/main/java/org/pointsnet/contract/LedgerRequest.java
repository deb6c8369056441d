package org.pointsnet.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one JSON argument of each chaincode function (docs/ledger.md, "Functions"), as a record per shape: the JSON
 * member names are the component names, in component order, and a null (optional, absent) component is left out.
 * The chaincode refuses unknown members and hashes the canonical request for idempotency, so a component is renamed
 * only together with the chaincode. {@link #typeOf} says which shape each function takes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LedgerRequest {

    /** The request shape {@code function} takes; a function added to {@link LedgerFunction} must be added here. */
    static Class<? extends LedgerRequest> typeOf(final LedgerFunction function) {
        return switch (function) {
            case REGISTER_PLATFORM -> RegisterPlatform.class;
            case SUSPEND_PLATFORM, RESUME_PLATFORM -> PlatformStatus.class;
            case GET_PLATFORM, GET_FEE_CREDITS, GET_RULES, LIST_REWARDS, GET_SUPPLY, AUDIT_SUPPLY,
                GET_SUPPLY_DELTAS -> OfPlatform.class;
            case LIST_PLATFORMS -> NoArguments.class;
            case REGISTER_USER -> RegisterUser.class;
            case ISSUE, BURN -> IssueOrBurn.class;
            case TRANSFER -> Transfer.class;
            case SWEEP_FEES -> SweepFees.class;
            case FOLD_SUPPLY -> FoldSupply.class;
            case GET_BALANCES -> Balances.class;
            case GET_HISTORY -> History.class;
            case CONVERT -> Convert.class;
            case QUOTE -> Quote.class;
            case SET_FEE_RULE -> SetFeeRule.class;
            case SET_LIMITS -> SetLimits.class;
            case APPROVE_RATE -> ApproveRate.class;
            case PUT_REWARD -> PutReward.class;
            case REDEEM -> Redeem.class;
            case CLOSE_PERIOD -> ClosePeriod.class;
            case GET_PERIOD -> Period.class;
            case SET_REVERSAL_WINDOW -> SetReversalWindow.class;
            case REVERSE -> Reverse.class;
            case SET_CATEGORIES -> SetCategories.class;
            case GET_CATEGORIES, GET_VALUE -> OfPlatform.class;
            case SET_VALUE -> SetValue.class;
            case STORE_STATEMENT -> StoreStatement.class;
            case CONFIRM_SETTLEMENT -> ConfirmSettlement.class;
            case SET_EXPIRY_RULE -> SetExpiryRule.class;
            case EXPIRE -> Expire.class;
            case GET_LOTS -> Lots.class;
            case GET_DUE -> Due.class;
            case OFFER_LINK -> OfferLink.class;
            case ACCEPT_LINK -> AcceptLink.class;
            case UNLINK -> Unlink.class;
            case SHARE_LINK -> ShareLink.class;
            case GET_LINK -> GetLink.class;
        };
    }

    /** {@code platform:List}: no arguments, sent as {@code {}}. */
    record NoArguments() implements LedgerRequest {}

    /**
     * One platform: {@code platform:Get}, {@code account:GetFeeCredits}, {@code account:GetSupplyDeltas},
     * {@code conversion:GetRules}, {@code reward:ListRewards}; {@code account:GetSupply}, where null means every
     * platform.
     */
    record OfPlatform(String platformId) implements LedgerRequest {}

    /** {@code platform:Register}; null optional members take the chaincode's defaults. */
    record RegisterPlatform(String requestId, String platformId, String name, String symbol, long decimals,
            String unitValue, String currency, String multiplier, String categoryMultiplier, String timeZone,
            String settlementPeriod) implements LedgerRequest {}

    /** {@code platform:Suspend} and {@code platform:Resume}. */
    record PlatformStatus(String requestId, String platformId, String reason) implements LedgerRequest {}

    /** {@code user:Register}: idempotent (the same id gives the same answer), so it carries no request id. */
    record RegisterUser(String userId) implements LedgerRequest {}

    /**
     * {@code account:Issue} and {@code account:Burn}. An issue with a (non-null) earning category credits
     * floor(amount × the category's multiplier in force): {@code amount} is then the base amount. Burn takes none.
     */
    record IssueOrBurn(String requestId, String platformId, String userId, long amount, String reason,
            String category) implements LedgerRequest {

        /** Without a category: {@code amount} points. */
        public IssueOrBurn(final String requestId, final String platformId, final String userId, final long amount,
                final String reason) {
            this(requestId, platformId, userId, amount, reason, null);
        }
    }

    /** {@code account:Transfer}. */
    record Transfer(String requestId, String platformId, String fromUserId, String toUserId, long amount,
            String reason) implements LedgerRequest {}

    /** {@code account:SweepFees}. */
    record SweepFees(String requestId, String platformId, List<String> txIds) implements LedgerRequest {}

    /**
     * {@code account:FoldSupply}: adds the named supply deltas of the platform's own collection to its supply total
     * and deletes them (1..{@link Limits#MAX_FOLD_DELTAS}, distinct, each one that exists), so
     * {@code account:GetSupply} reads fewer keys and answers the same.
     */
    record FoldSupply(String requestId, String platformId, List<SupplyDelta> deltas) implements LedgerRequest {}

    /**
     * One supply delta key of {@link FoldSupply}, as {@code account:GetSupplyDeltas} lists it.
     *
     * @param day  the UTC day of the transaction that wrote it (yyyy-MM-dd)
     * @param txId that transaction
     */
    record SupplyDelta(String day, String txId) {}

    /**
     * {@code account:GetBalances}; a null currency is the one all platforms use; a non-null platformId limits the
     * answer to that platform (what a platform's back end may see).
     */
    record Balances(String userId, String currency, String platformId) implements LedgerRequest {}

    /** {@code account:GetHistory}: one page, newest first; a non-null platformId: only that platform's entries. */
    record History(String userId, Long limit, String cursor, String platformId) implements LedgerRequest {}

    /**
     * {@code conversion:Convert}; a null toUserId is the user. The three {@code quote…} members lock a quote (all or
     * none): the conversion executes only at exactly {@code quotedRules} ({@link RulesUsed#version()}) and
     * {@code quotedAmountOut}, and only at a transaction time not after {@code quoteExpiresAt} (ISO-8601 instant).
     */
    record Convert(String requestId, String userId, String fromPlatformId, String toPlatformId, long amount,
            String toUserId, Long minAmountOut, Long quotedAmountOut, String quotedRules, String quoteExpiresAt,
            Boolean toLinkedAccount) implements LedgerRequest {

        /** A conversion to {@code toUserId} (null: the user), optionally at a locked quote. */
        public Convert(final String requestId, final String userId, final String fromPlatformId,
                final String toPlatformId, final long amount, final String toUserId, final Long minAmountOut,
                final Long quotedAmountOut, final String quotedRules, final String quoteExpiresAt) {
            this(requestId, userId, fromPlatformId, toPlatformId, amount, toUserId, minAmountOut, quotedAmountOut,
                quotedRules, quoteExpiresAt, null);
        }

        /** A conversion without a locked quote (minAmountOut is the only guard). */
        public Convert(final String requestId, final String userId, final String fromPlatformId,
                final String toPlatformId, final long amount, final String toUserId, final Long minAmountOut) {
            this(requestId, userId, fromPlatformId, toPlatformId, amount, toUserId, minAmountOut, null, null, null);
        }
    }

    /** {@code conversion:Quote}. */
    record Quote(String fromPlatformId, String toPlatformId, long amount) implements LedgerRequest {}

    /** {@code conversion:SetFeeRule}. */
    record SetFeeRule(String requestId, String platformId, long basisPoints, long minFee, long maxFee)
            implements LedgerRequest {}

    /** {@code conversion:SetLimits}; null pairDailyLimits leaves the pair limits out, an empty list clears them. */
    record SetLimits(String requestId, String platformId, Long maxPerTransaction, Long dailyPerUser,
            List<PairLimit> pairDailyLimits) implements LedgerRequest {}

    /**
     * One pair limit of {@link SetLimits}.
     *
     * @param toPlatformId the destination platform
     * @param dailyLimit most points converted to it per day
     */
    record PairLimit(String toPlatformId, long dailyLimit) {}

    /** {@code conversion:ApproveRate}: platformId is the approving side. */
    record ApproveRate(String requestId, String platformId, String fromPlatformId, String toPlatformId, long version,
            String rate) implements LedgerRequest {}

    /** {@code reward:PutReward}; activeFrom and activeUntil are ISO-8601 instants. */
    record PutReward(String requestId, String platformId, String rewardId, String name, long points, long stock,
            Long perUserLimit, String activeFrom, String activeUntil) implements LedgerRequest {}

    /** {@code reward:Redeem}. */
    record Redeem(String requestId, String platformId, String userId, String rewardId, long quantity)
            implements LedgerRequest {}

    /** {@code settlement:ClosePeriod}. */
    record ClosePeriod(String requestId, String platformId, String period) implements LedgerRequest {}

    /** {@code settlement:GetPeriod}. */
    record Period(String period) implements LedgerRequest {}

    /** {@code reversal:SetWindow}: how long after a transaction the platform reverses it; 0 disables reversals. */
    record SetReversalWindow(String requestId, String platformId, long windowSeconds) implements LedgerRequest {}

    /**
     * {@code reversal:Reverse}: undoes the platform's own ISSUE, BURN or CONVERT (as source) of request
     * {@code originalRequestId}, which must be of type {@code originalType}.
     */
    record Reverse(String requestId, String platformId, String originalRequestId, String originalType,
            String reason) implements LedgerRequest {}

    /**
     * {@code value:SetCategories}: the platform's earning categories and their multipliers (plain decimals), as a new
     * version in force from {@code effectiveFrom} (ISO-8601 instant, not before the transaction; null: at once).
     */
    record SetCategories(String requestId, String platformId, String effectiveFrom, List<Category> categories)
            implements LedgerRequest {}

    /**
     * One earning category of {@link SetCategories}.
     *
     * @param category the id, {@link Limits#CATEGORY}
     * @param multiplier points per base unit, a plain positive decimal
     */
    record Category(String category, String multiplier) {}

    /**
     * {@code value:SetValue}: the platform's own value rule (seed §5.1's unit value and platform multiplier, plain
     * decimals within {@link Limits#MAX_VALUE_RULE} and {@link Limits#MAX_VALUE_RULE_SCALE} places), as a new version
     * in force from {@code effectiveFrom} (ISO-8601 instant, not before the transaction; null: at once).
     */
    record SetValue(String requestId, String platformId, String effectiveFrom, String unitValue, String multiplier)
            implements LedgerRequest {}

    /**
     * {@code settlement:StoreStatement}: the period's statement over exactly these conversions (each booked identically
     * by both sides; every party must have closed the period), as {@code settlement:GetPeriod} lists them.
     */
    record StoreStatement(String requestId, String platformId, String period, List<NettedConversion> conversions)
            implements LedgerRequest {}

    /**
     * One conversion of a {@link StoreStatement}.
     *
     * @param txId the conversion's transaction
     * @param debtorPlatformId its source platform
     * @param creditorPlatformId its destination platform
     */
    record NettedConversion(String txId, String debtorPlatformId, String creditorPlatformId) {}

    /**
     * {@code settlement:Confirm}: platformId (the confirming side, payer or payee of the statement's payment with
     * counterpartyPlatformId in currency) says it paid or received {@code amount}, an exact decimal.
     */
    record ConfirmSettlement(String requestId, String platformId, String period, String counterpartyPlatformId,
            String currency, String amount) implements LedgerRequest {}

    /** {@code expiry:SetRule}: points credited from now on expire after {@code periodSeconds}; 0: never. */
    record SetExpiryRule(String requestId, String platformId, long periodSeconds) implements LedgerRequest {}

    /** {@code expiry:Expire}: removes the lots of these users (the platform's own accounts) expired by the tx time. */
    record Expire(String requestId, String platformId, List<String> userIds) implements LedgerRequest {}

    /** {@code expiry:GetLots}: a user's lots (what expires when); a non-null platformId: that platform only. */
    record Lots(String userId, String platformId) implements LedgerRequest {}

    /**
     * {@code expiry:GetDue}: the platform's users with points expired by {@code dueBy} (ISO-8601 instant; null: the
     * query's time), at most {@code limit} (1..1000, null: 100), by user id after {@code afterUserId}.
     */
    record Due(String platformId, String dueBy, Long limit, String afterUserId) implements LedgerRequest {}

    /**
     * {@code link:Offer}, sent as transient data: platform {@code platformId}'s user {@code userId} offers to link
     * with their account on {@code toPlatformId}; whoever presents the secret whose SHA-256 (hex) is
     * {@code grantHash} before {@code expiresAt} (ISO-8601) on that platform completes it.
     */
    record OfferLink(String platformId, String userId, String toPlatformId, String grantHash, String expiresAt,
            boolean share, String consentHash) implements LedgerRequest {}

    /** {@code link:Accept}, sent as transient data: {@code userId} of {@code platformId} takes the offer. */
    record AcceptLink(String platformId, String userId, String fromPlatformId, String grant, boolean share,
            String consentHash) implements LedgerRequest {}

    /** {@code link:Unlink}, sent as transient data: either side removes the link of its user with the other. */
    record Unlink(String platformId, String userId, String linkedPlatformId) implements LedgerRequest {}

    /** {@code link:Share}, sent as transient data: whether this side shares its user's balances with the other. */
    record ShareLink(String platformId, String userId, String linkedPlatformId, boolean share, String consentHash)
            implements LedgerRequest {}

    /** {@code link:Get}: {@code userId}'s link with {@code linkedPlatformId}, both sides. */
    record GetLink(String userId, String linkedPlatformId) implements LedgerRequest {}
}
