package org.pointsnet.chaincode.ledger.core;

import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Valuation;

/** Platform records for pure tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Platform platform(final String id, final int decimals, final String unitValue, final String multiplier,
            final String currency) {
        return new Platform(id, id + "MSP", id, "PT", decimals, unitValue, currency, multiplier, "1", "UTC", "DAY",
                Platform.ACTIVE, 1);
    }

    /** The same platform valued at its registration values (value-rule version 1). */
    public static Valuation valued(final String id, final int decimals, final String unitValue,
            final String multiplier, final String currency) {
        return Valuation.registered(platform(id, decimals, unitValue, multiplier, currency));
    }
}
