package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.Obligation;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Settlement;
import org.pointsnet.chaincode.ledger.model.Statement;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.contract.Limits;

/**
 * The input of {@code settlement:StoreStatement} and the statement it yields, from point reads only.
 *
 * @param period the period label
 * @param conversions the conversions to cover, in request order, no duplicates
 */
record StatementInput(String period, List<Settlement.Conversion> conversions) {
    private static final Set<String> FIELDS = Set.of("txId", "debtorPlatformId", "creditorPlatformId");

    /** Reads and checks the request alone. */
    static StatementInput of(final Request r) {
        final String period = Periods.label("period", r.text("period"));
        final List<Request> items = r.objects("conversions", FIELDS);
        if (items.size() > Limits.MAX_STATEMENT_CONVERSIONS) {
            throw refusal(VALIDATION_FAILED, "a statement covers at most " + Limits.MAX_STATEMENT_CONVERSIONS
                    + " conversions, got " + items.size());
        }
        final List<Settlement.Conversion> conversions = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (final Request item : items) {
            final String txId = Ids.text("conversions.txId", item.text("txId"), Limits.MAX_TEXT);
            if (!seen.add(txId)) {
                throw refusal(VALIDATION_FAILED, "conversion '" + Ids.display(txId) + "' is listed twice");
            }
            final String debtor = Ids.platformId("conversions.debtorPlatformId", item.text("debtorPlatformId"));
            final String creditor = Ids.platformId("conversions.creditorPlatformId", item.text("creditorPlatformId"));
            conversions.add(new Settlement.Conversion(txId, debtor, creditor));
        }
        return new StatementInput(period, conversions);
    }

    /**
     * The statement stored by {@code storedBy}: refuses a conversion without two identical copies, a party that has not
     * closed the period, and a statement that does not cover strictly more than the one stored.
     */
    static Statement statement(final Tx tx, final String storedBy, final StatementInput in) {
        final Optional<Statement> stored = tx.state().readPublic(Keys.statement(in.period()), Statement.class);
        if (stored.isPresent()) {
            final Set<String> now = new HashSet<>();
            in.conversions().forEach(c -> now.add(c.txId()));
            final boolean superset = stored.get().conversions().stream().allMatch(c -> now.contains(c.txId()));
            if (!superset || now.size() <= stored.get().conversions().size()) {
                throw refusal(VALIDATION_FAILED, "period '" + in.period() + "' already has a statement covering "
                        + stored.get().conversions().size()
                        + " conversions; a new one must cover all of them and more");
            }
        }
        final Map<String, Platform> parties = new TreeMap<>();
        final Netting netting = new Netting();
        for (final Settlement.Conversion c : in.conversions()) {
            parties.computeIfAbsent(c.debtorPlatformId(), id -> tx.platform("conversions.debtorPlatformId", id));
            parties.computeIfAbsent(c.creditorPlatformId(), id -> tx.platform("conversions.creditorPlatformId", id));
            final Optional<Obligation> debtorCopy = tx.state().read(Keys.collection(c.debtorPlatformId()),
                    Keys.obligation(in.period(), c.creditorPlatformId(), c.txId()), Obligation.class);
            final Optional<Obligation> creditorCopy = tx.state().read(Keys.collection(c.creditorPlatformId()),
                    Keys.obligation(in.period(), c.debtorPlatformId(), c.txId()), Obligation.class);
            if (debtorCopy.isEmpty() || !debtorCopy.equals(creditorCopy)
                    || !debtorCopy.get().debtorPlatformId().equals(c.debtorPlatformId())
                    || !debtorCopy.get().creditorPlatformId().equals(c.creditorPlatformId())
                    || !c.txId().equals(debtorCopy.get().txId())) {
                throw refusal(VALIDATION_FAILED, "conversion '" + Ids.display(c.txId()) + "' from '"
                        + c.debtorPlatformId() + "' to '" + c.creditorPlatformId() + "' is not booked identically by"
                        + " both sides in period '" + in.period() + "'");
            }
            netting.add(c.debtorPlatformId(), debtorCopy.get());
            netting.add(c.creditorPlatformId(), creditorCopy.get());
        }
        final List<String> closedBy = new ArrayList<>();
        for (final String party : parties.keySet()) {
            if (tx.state().raw(Keys.collection(party), Keys.closedPeriod(in.period())).isEmpty()) {
                throw refusal(VALIDATION_FAILED, "platform '" + party + "' has not closed period '" + in.period()
                        + "'");
            }
            closedBy.add(party);
        }
        final Settlement settled = netting.settle(in.period(), closedBy);
        return new Statement(in.period(), storedBy, settled.conversions().size(), settled.obligations(),
                settled.netPositions(), Statements.payments(settled.netPositions()), settled.conversions());
    }
}
