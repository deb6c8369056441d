package org.pointsnet.contract;

/**
 * The smoke-test probe's chaincode functions, kept apart from {@link LedgerFunction}: the probe is not part of the
 * points ledger and goes away with the hardening work, but while it exists its names are written here only.
 */
public enum ProbeFunction {
    /** Submit: PutValue(key, value), positional arguments; emits the ValueWritten event. */
    PUT_VALUE(Names.PUT_VALUE),
    /** Evaluate: GetValue(key); NOT_FOUND when the key has no value. */
    GET_VALUE(Names.GET_VALUE);

    private final String function;

    ProbeFunction(final String function) {
        this.function = function;
    }

    /** The name a client sends: "probe:PutValue". */
    public String qualifiedName() {
        return Names.PROBE + ":" + function;
    }

    /** Compile-time constants for the chaincode's annotations. */
    public static final class Names {
        public static final String PROBE = "probe";
        public static final String PUT_VALUE = "PutValue";
        public static final String GET_VALUE = "GetValue";

        private Names() {}
    }
}
