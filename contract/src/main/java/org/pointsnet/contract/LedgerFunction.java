package org.pointsnet.contract;

/**
 * Every function of the points chaincode, as clients name it ({@code contract:Function}). The chaincode's
 * annotations use the {@link Names} constants (annotation values must be compile-time constants); everything else uses
 * this enum.
 */
public enum LedgerFunction {
    REGISTER_PLATFORM(Names.PLATFORM, Names.REGISTER, Kind.SUBMIT),
    SUSPEND_PLATFORM(Names.PLATFORM, Names.SUSPEND, Kind.SUBMIT),
    RESUME_PLATFORM(Names.PLATFORM, Names.RESUME, Kind.SUBMIT),
    GET_PLATFORM(Names.PLATFORM, Names.GET, Kind.EVALUATE),
    LIST_PLATFORMS(Names.PLATFORM, Names.LIST, Kind.EVALUATE),

    REGISTER_USER(Names.USER, Names.REGISTER, Kind.SUBMIT),

    ISSUE(Names.ACCOUNT, Names.ISSUE, Kind.SUBMIT),
    BURN(Names.ACCOUNT, Names.BURN, Kind.SUBMIT),
    TRANSFER(Names.ACCOUNT, Names.TRANSFER, Kind.SUBMIT),
    SWEEP_FEES(Names.ACCOUNT, Names.SWEEP_FEES, Kind.SUBMIT),
    GET_BALANCES(Names.ACCOUNT, Names.GET_BALANCES, Kind.EVALUATE),
    GET_HISTORY(Names.ACCOUNT, Names.GET_HISTORY, Kind.EVALUATE),
    GET_SUPPLY(Names.ACCOUNT, Names.GET_SUPPLY, Kind.EVALUATE),
    AUDIT_SUPPLY(Names.ACCOUNT, Names.AUDIT_SUPPLY, Kind.EVALUATE),
    GET_FEE_CREDITS(Names.ACCOUNT, Names.GET_FEE_CREDITS, Kind.EVALUATE),
    FOLD_SUPPLY(Names.ACCOUNT, Names.FOLD_SUPPLY, Kind.SUBMIT),
    GET_SUPPLY_DELTAS(Names.ACCOUNT, Names.GET_SUPPLY_DELTAS, Kind.EVALUATE),

    CONVERT(Names.CONVERSION, Names.CONVERT, Kind.SUBMIT),
    QUOTE(Names.CONVERSION, Names.QUOTE, Kind.EVALUATE),
    SET_FEE_RULE(Names.CONVERSION, Names.SET_FEE_RULE, Kind.SUBMIT),
    SET_LIMITS(Names.CONVERSION, Names.SET_LIMITS, Kind.SUBMIT),
    APPROVE_RATE(Names.CONVERSION, Names.APPROVE_RATE, Kind.SUBMIT),
    GET_RULES(Names.CONVERSION, Names.GET_RULES, Kind.EVALUATE),

    PUT_REWARD(Names.REWARD, Names.PUT_REWARD, Kind.SUBMIT),
    REDEEM(Names.REWARD, Names.REDEEM, Kind.SUBMIT),
    LIST_REWARDS(Names.REWARD, Names.LIST_REWARDS, Kind.EVALUATE),

    CLOSE_PERIOD(Names.SETTLEMENT, Names.CLOSE_PERIOD, Kind.SUBMIT),
    GET_PERIOD(Names.SETTLEMENT, Names.GET_PERIOD, Kind.EVALUATE),
    STORE_STATEMENT(Names.SETTLEMENT, Names.STORE_STATEMENT, Kind.SUBMIT),
    CONFIRM_SETTLEMENT(Names.SETTLEMENT, Names.CONFIRM, Kind.SUBMIT),

    SET_REVERSAL_WINDOW(Names.REVERSAL, Names.SET_WINDOW, Kind.SUBMIT),
    REVERSE(Names.REVERSAL, Names.REVERSE, Kind.SUBMIT),

    SET_CATEGORIES(Names.VALUE, Names.SET_CATEGORIES, Kind.SUBMIT),
    GET_CATEGORIES(Names.VALUE, Names.GET_CATEGORIES, Kind.EVALUATE),
    SET_VALUE(Names.VALUE, Names.SET_VALUE, Kind.SUBMIT),
    GET_VALUE(Names.VALUE, Names.GET_VALUE, Kind.EVALUATE),

    SET_EXPIRY_RULE(Names.EXPIRY, Names.SET_RULE, Kind.SUBMIT),
    EXPIRE(Names.EXPIRY, Names.EXPIRE, Kind.SUBMIT),
    GET_LOTS(Names.EXPIRY, Names.GET_LOTS, Kind.EVALUATE),
    GET_DUE(Names.EXPIRY, Names.GET_DUE, Kind.EVALUATE),

    OFFER_LINK(Names.LINK, Names.OFFER, Kind.SUBMIT),
    ACCEPT_LINK(Names.LINK, Names.ACCEPT, Kind.SUBMIT),
    UNLINK(Names.LINK, Names.UNLINK, Kind.SUBMIT),
    SHARE_LINK(Names.LINK, Names.SHARE, Kind.SUBMIT),
    GET_LINK(Names.LINK, Names.GET, Kind.EVALUATE);

    /** Whether a function changes the ledger (ordered, validated, committed) or only reads it. */
    public enum Kind {
        /** Endorsed, ordered and committed; returns a receipt. */
        SUBMIT,
        /** Evaluated on one peer; changes nothing. */
        EVALUATE
    }

    private final String contract;
    private final String function;
    private final Kind kind;

    LedgerFunction(final String contract, final String function, final Kind kind) {
        this.contract = contract;
        this.function = function;
        this.kind = kind;
    }

    /** The contract (namespace) name, e.g. "account". */
    public String contract() {
        return contract;
    }

    /** The function name inside its contract, e.g. "Issue". */
    public String function() {
        return function;
    }

    /** Submit or evaluate. */
    public Kind kind() {
        return kind;
    }

    /** The name a client sends: "account:Issue". */
    public String qualifiedName() {
        return contract + ":" + function;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }

    /** Compile-time constants of the names, for the chaincode's {@code @Contract} and {@code @Transaction}. */
    public static final class Names {
        public static final String PLATFORM = "platform";
        public static final String USER = "user";
        public static final String ACCOUNT = "account";
        public static final String CONVERSION = "conversion";
        public static final String REWARD = "reward";
        public static final String SETTLEMENT = "settlement";
        public static final String REVERSAL = "reversal";
        public static final String VALUE = "value";
        public static final String EXPIRY = "expiry";
        public static final String LINK = "link";

        public static final String REGISTER = "Register";
        public static final String SUSPEND = "Suspend";
        public static final String RESUME = "Resume";
        public static final String GET = "Get";
        public static final String LIST = "List";
        public static final String ISSUE = "Issue";
        public static final String BURN = "Burn";
        public static final String TRANSFER = "Transfer";
        public static final String SWEEP_FEES = "SweepFees";
        public static final String GET_BALANCES = "GetBalances";
        public static final String GET_HISTORY = "GetHistory";
        public static final String GET_SUPPLY = "GetSupply";
        public static final String AUDIT_SUPPLY = "AuditSupply";
        public static final String GET_FEE_CREDITS = "GetFeeCredits";
        public static final String FOLD_SUPPLY = "FoldSupply";
        public static final String GET_SUPPLY_DELTAS = "GetSupplyDeltas";
        public static final String CONVERT = "Convert";
        public static final String QUOTE = "Quote";
        public static final String SET_FEE_RULE = "SetFeeRule";
        public static final String SET_LIMITS = "SetLimits";
        public static final String APPROVE_RATE = "ApproveRate";
        public static final String GET_RULES = "GetRules";
        public static final String PUT_REWARD = "PutReward";
        public static final String REDEEM = "Redeem";
        public static final String LIST_REWARDS = "ListRewards";
        public static final String CLOSE_PERIOD = "ClosePeriod";
        public static final String GET_PERIOD = "GetPeriod";
        public static final String STORE_STATEMENT = "StoreStatement";
        public static final String CONFIRM = "Confirm";
        public static final String SET_WINDOW = "SetWindow";
        public static final String REVERSE = "Reverse";
        public static final String SET_CATEGORIES = "SetCategories";
        public static final String GET_CATEGORIES = "GetCategories";
        public static final String SET_VALUE = "SetValue";
        public static final String GET_VALUE = "GetValue";
        public static final String SET_RULE = "SetRule";
        public static final String EXPIRE = "Expire";
        public static final String GET_LOTS = "GetLots";
        public static final String GET_DUE = "GetDue";
        public static final String OFFER = "Offer";
        public static final String ACCEPT = "Accept";
        public static final String UNLINK = "Unlink";
        public static final String SHARE = "Share";

        private Names() {}
    }
}
