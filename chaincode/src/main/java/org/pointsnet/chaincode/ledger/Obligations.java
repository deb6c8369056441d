package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.tx.Tx;

/** Books an obligation delta between two platforms, the one way conversions and their reversals write one. */
final class Obligations {
    private Obligations() {
    }

    /**
     * Writes {@code obligation} on both sides, each under its own collection (so each side's peer endorses its copy
     * and settlement can compare the two); refused once either side closed the obligation's period.
     */
    static Obligation book(final Tx tx, final Obligation obligation) {
        for (final String side : new String[] {obligation.debtorPlatformId(), obligation.creditorPlatformId()}) {
            if (tx.state().raw(Keys.collection(side), Keys.closedPeriod(obligation.period())).isPresent()) {
                throw refusal(VALIDATION_FAILED, "settlement period '" + obligation.period()
                        + "' is closed by platform '" + side + "'");
            }
        }
        tx.state().write(Keys.collection(obligation.debtorPlatformId()),
                Keys.obligation(obligation.period(), obligation.creditorPlatformId(), tx.txId()), obligation);
        tx.state().write(Keys.collection(obligation.creditorPlatformId()),
                Keys.obligation(obligation.period(), obligation.debtorPlatformId(), tx.txId()), obligation);
        return obligation;
    }
}
