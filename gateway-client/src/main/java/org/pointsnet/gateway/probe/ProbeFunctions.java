package org.pointsnet.gateway.probe;

/**
 * The probe contract's functions, the one place the gateway names them. They are not in the contract module's
 * LedgerFunction on purpose: the probe is a smoke test that a later change removes, not part of the points ledger.
 */
final class ProbeFunctions {

    /** Submit: PutValue(key, value) → {"key","value","txId","timestamp"}; emits the ValueWritten event. */
    static final String PUT_VALUE = "probe:PutValue";
    /** Evaluate: GetValue(key) → {"key","value"}; NOT_FOUND when the key has no value. */
    static final String GET_VALUE = "probe:GetValue";

    private ProbeFunctions() {
    }
}
