package org.pointsnet.chaincode.support;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.pointsnet.contract.UserIdMask;

/**
 * Masks user ids ({@link UserIdMask}) in every line the chaincode server writes, the shim's included: its router
 * logs each invocation's arguments at INFO and every refusal at SEVERE. The rendered environment also sets the shim's
 * levels to WARNING (CORE_CHAINCODE_LOGGING_LEVEL, CORE_CHAINCODE_LOGGING_SHIM); this holds whatever the levels are.
 */
public final class MaskedLogs {
    private MaskedLogs() {}

    /** Wraps the formatter of every handler of the root logger; call after the shim configured its logging. */
    public static void install() {
        for (final Handler handler : Logger.getLogger("").getHandlers()) {
            final Formatter inner = handler.getFormatter();
            if (!(inner instanceof Masking)) {
                handler.setFormatter(new Masking(inner));
            }
        }
    }

    /** A formatter that masks what another one wrote. */
    static final class Masking extends Formatter {
        private final Formatter inner;

        Masking(final Formatter inner) {
            this.inner = inner;
        }

        @Override
        public String format(final LogRecord record) {
            return UserIdMask.mask(inner.format(record));
        }
    }
}
