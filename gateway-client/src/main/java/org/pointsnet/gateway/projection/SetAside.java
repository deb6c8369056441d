package org.pointsnet.gateway.projection;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * An event the projection did not take, with why: one row of {@code projection_set_aside}. {@code txId} and
 * {@code detail} are cut to their columns and cleared of control characters, since both may come from the event.
 */
record SetAside(long blockNumber, int txIndex, String txId, SetAsideReason reason, String detail, ByteString payload) {

    static final int MAX_TX_ID = 128;
    static final int MAX_DETAIL = 1000;

    SetAside {
        txId = printable(Objects.requireNonNull(txId, "txId"), MAX_TX_ID);
        Objects.requireNonNull(reason, "reason");
        detail = printable(Objects.requireNonNull(detail, "detail"), MAX_DETAIL);
        Objects.requireNonNull(payload, "payload");
    }

    private static String printable(final String text, final int max) {
        final String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
