package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.ReversalRule;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;

/**
 * Contract "reversal": a platform's operator undoes the platform's own issue, burn or conversion (as source) within
 * the platform's reversal window. A conversion's reversal writes both platforms' collections, so both peers must
 * endorse it, and the destination's genuine code refuses it unless its own window allows it.
 */
@Contract(name = ReversalContract.NAME)
public final class ReversalContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.REVERSAL;

    /** Sets how long after a transaction the platform reverses it (its own operator); 0 disables reversals. */
    @Transaction(name = Names.SET_WINDOW, intent = Transaction.TYPE.SUBMIT)
    public String setWindow(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_WINDOW, requestJson,
                Set.of("requestId", "platformId", "windowSeconds"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final long window = r.integer("windowSeconds");
            if (window < 0 || window > Limits.MAX_REVERSAL_WINDOW_SECONDS) {
                throw refusal(VALIDATION_FAILED, "windowSeconds must be 0.." + Limits.MAX_REVERSAL_WINDOW_SECONDS
                        + ", got " + window);
            }
            return window;
        }, (tx, platform, window) -> {
            final long version = Reversals.rule(tx.state(), platform.platformId()).map(ReversalRule::version)
                    .orElse(0L);
            final ReversalRule rule = new ReversalRule(version + 1, window);
            tx.state().write(Keys.collection(platform.platformId()), Keys.reversalRule(), rule);
            return Mutation.Outcome.of("SET_REVERSAL_WINDOW", rule);
        });
    }

    /**
     * Undoes request {@code originalRequestId} of the platform (its own operator): every posting of the original
     * with the opposite sign, supply and, for a conversion, the fee and the opposite obligation. A user who no longer
     * holds the points to give back is INSUFFICIENT_BALANCE; a second reversal, or a reversal of a reversal, is
     * NOT_REVERSIBLE.
     */
    @Transaction(name = Names.REVERSE, intent = Transaction.TYPE.SUBMIT)
    public String reverse(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.REVERSE, requestJson,
                Set.of("requestId", "platformId", "originalRequestId", "originalType", "reason"));
        record Input(String requestId, String originalRequestId, String originalType, String reason) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final String type = r.text("originalType");
            if (!Reversals.REVERSIBLE.contains(type)) {
                throw refusal(VALIDATION_FAILED, "originalType must be one of " + Reversals.REVERSIBLE + ", got '"
                        + Ids.display(type) + "'");
            }
            return new Input(r.text("requestId"), Ids.requestId("originalRequestId", r.text("originalRequestId")), type,
                    r.optText("reason").map(v -> Ids.text("reason", v, Limits.MAX_TEXT)).orElse(null));
        }, (tx, platform, in) -> Reversals.reverse(tx, platform, in.requestId(),
                in.originalRequestId(), in.originalType(), in.reason()));
    }
}
