package org.pointsnet.gateway.projection;

import java.util.Objects;
import org.pointsnet.contract.Receipt;

/** The projection's verdict on one Receipt event: the receipt to store, or why it is set aside. */
record Admission(Receipt receipt, SetAsideReason reason, String detail) {

    Admission {
        if ((receipt == null) == (reason == null)) {
            throw new IllegalArgumentException("an admission has either a receipt or a reason");
        }
    }

    static Admission accepted(final Receipt receipt) {
        return new Admission(Objects.requireNonNull(receipt, "receipt"), null, null);
    }

    static Admission setAside(final SetAsideReason reason, final String detail) {
        return new Admission(null, Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(detail, "detail"));
    }

    boolean isAccepted() {
        return receipt != null;
    }
}
