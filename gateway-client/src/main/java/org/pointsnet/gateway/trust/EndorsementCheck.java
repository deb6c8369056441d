package org.pointsnet.gateway.trust;

import java.util.Objects;

/**
 * One endorsement, checked.
 *
 * @param claimedMsp the MSP id the endorser names (as sent: not trusted unless {@code outcome} is VALID); null when
 *                   the endorser bytes are not a serialized identity
 */
public record EndorsementCheck(String claimedMsp, EndorsementOutcome outcome) {

    public EndorsementCheck {
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean valid() {
        return outcome == EndorsementOutcome.VALID;
    }
}
