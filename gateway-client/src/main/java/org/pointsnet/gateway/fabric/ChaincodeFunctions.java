package org.pointsnet.gateway.fabric;

/** Names the gateway calls in the chaincode: the one place to change when the contract changes. */
public final class ChaincodeFunctions {

    // Qualified "contract:function" names: the probe contract is the chaincode's default contract only until
    // the points ledger contract takes that slot, and the qualified names keep working after that.
    /** Submit: PutValue(key, value) → {"key","value","txId","timestamp"}; emits {@link #VALUE_WRITTEN}. */
    public static final String PUT_VALUE = "probe:PutValue";
    /** Evaluate: GetValue(key) → {"key","value"}; NOT_FOUND when the key has no value. */
    public static final String GET_VALUE = "probe:GetValue";
    /** Chaincode event PutValue emits, its payload the same JSON PutValue returns. */
    public static final String VALUE_WRITTEN = "ValueWritten";
    /** Key the readiness check reads; it is never written, so the chaincode answers NOT_FOUND. */
    public static final String READINESS_KEY = "__ready__";

    private ChaincodeFunctions() {
    }
}
