package org.pointsnet.gateway.projection;

/**
 * Why the projection did not take a chaincode event; the {@code reason} column of {@code projection_set_aside} and
 * the tag of {@code pointsnet_projection_events_set_aside_total}.
 */
public enum SetAsideReason {

    /** Not a receipt the chaincode writes: not one strict JSON object, a missing or ill-typed field, a bad id. */
    MALFORMED,
    /** A posting's delta is not a whole number that fits a long, or its sign or balance is wrong for the type. */
    BAD_AMOUNT,
    /** The receipt names a platform that {@code pointsnet.trust} does not list. */
    UNKNOWN_PLATFORM,
    /** No endorsement claims the MSP of a platform the receipt posts on. */
    NOT_ENDORSED,
    /** Endorsements claim that MSP, but none is a genuine peer endorsement of it. */
    BAD_ENDORSEMENT,
    /** Taking it would overflow a platform's replayed supply. */
    TOTAL_OVERFLOW
}
