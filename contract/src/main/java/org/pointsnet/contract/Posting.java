package org.pointsnet.contract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One balance change of a receipt.
 *
 * @param platformId whose points
 * @param userId whose account
 * @param delta signed change in the platform's smallest units
 */
@JsonPropertyOrder({Posting.Fields.PLATFORM_ID, Posting.Fields.USER_ID, Posting.Fields.DELTA})
public record Posting(String platformId, String userId, long delta) {
    /** The JSON member names, in order (see {@link Receipt.Fields}). */
    public static final class Fields {
        public static final String PLATFORM_ID = "platformId";
        public static final String USER_ID = "userId";
        public static final String DELTA = "delta";

        private Fields() {}
    }
}
