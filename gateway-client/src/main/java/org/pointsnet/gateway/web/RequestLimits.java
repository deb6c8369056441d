package org.pointsnet.gateway.web;

/** How much of an {@code /api/v1} request the gateway reads: one limit for the controllers and every filter. */
public final class RequestLimits {

    /** The largest request body the API accepts; a longer one gets 400. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** What a filter reads of a body at most: one byte past the limit, enough to see that it is too long. */
    public static final int BODY_READ_LIMIT = MAX_BODY_BYTES + 1;

    private RequestLimits() {
    }
}
