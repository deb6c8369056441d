package org.pointsnet.chaincode.ledger.tx;

import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.contract.Posting;
import org.pointsnet.contract.RulesUsed;
import org.pointsnet.chaincode.ledger.request.Request;

/**
 * The one order of checks of every mutating function on a registered platform, so no function decides it again:
 * <ol>
 *   <li>the acting platform's record (NOT_FOUND), read from its own collection;</li>
 *   <li>the caller's role on that platform (FORBIDDEN);</li>
 *   <li>the input, validated from the request alone (VALIDATION_FAILED);</li>
 *   <li>a repeated request id answered with its stored receipt, writing nothing (IDEMPOTENCY_KEY_REUSED if the
 *       request differs);</li>
 *   <li>trading refused on a suspended platform, for functions that trade (PLATFORM_SUSPENDED);</li>
 *   <li>the body: checks that depend on state, and the writes;</li>
 *   <li>the receipt, history, supply deltas and the one event ({@link Receipts#finish}).</li>
 * </ol>
 * Input checks come before the replay because a repeated request carries the same input; state checks come after it,
 * because the first execution changed the state they look at. {@code platform:Register} is the one mutating function
 * outside: its platform has no record yet.
 */
public final class Mutation {
    /** Who may call a function on a platform. */
    public enum Role {
        /** The platform's clients and admins (OU=client or OU=admin of its MSP). */
        OPERATOR,
        /** The platform's admins only (OU=admin of its MSP). */
        ADMIN
    }

    /**
     * What a body produced, for the receipt.
     *
     * @param type the receipt type
     * @param postings balance changes
     * @param rules rule versions used, or null
     * @param detail the type's detail object
     */
    public record Outcome(String type, List<Posting> postings, RulesUsed rules, Object detail) {
        /** Copies the postings. */
        public Outcome {
            postings = List.copyOf(postings);
        }

        /** An outcome that moves no points. */
        public static Outcome of(final String type, final Object detail) {
            return new Outcome(type, List.of(), null, detail);
        }
    }

    /** Validates a request's input once the acting platform is known; must not depend on mutable state. */
    @FunctionalInterface
    public interface Input<I> {
        /** The validated input. */
        I validate(Tx tx, Platform platform, Request request);
    }

    /** Executes a validated request. */
    @FunctionalInterface
    public interface Body<I> {
        /** State checks and writes; returns what the receipt records. */
        Outcome execute(Tx tx, Platform platform, I input);
    }

    private final Context ctx;
    private final Request request;
    private final String platformField;
    private final Role role;
    private final boolean trades;

    private Mutation(final Context ctx, final Request request, final String platformField, final Role role,
            final boolean trades) {
        this.ctx = ctx;
        this.request = request;
        this.platformField = platformField;
        this.role = role;
        this.trades = trades;
    }

    /** A mutation by the platform named in field "platformId", open to its operators, that does not trade. */
    public static Mutation of(final Context ctx, final Request request) {
        return new Mutation(ctx, request, "platformId", Role.OPERATOR, false);
    }

    /** The acting platform is named in {@code field} instead. */
    public Mutation platformIn(final String field) {
        return new Mutation(ctx, request, field, role, trades);
    }

    /** Only the platform's admins may call. */
    public Mutation adminOnly() {
        return new Mutation(ctx, request, platformField, Role.ADMIN, trades);
    }

    /** The function trades: refused while the platform is suspended. */
    public Mutation trading() {
        return new Mutation(ctx, request, platformField, role, true);
    }

    /** Runs the pipeline with an input validated by {@code input}. */
    public <I> String run(final Input<I> input, final Body<I> body) {
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform(platformField, request.text(platformField));
        if (role == Role.ADMIN) {
            tx.caller().requireAdminOf(platform, request.function());
        } else {
            tx.caller().requireOperatorOf(platform, request.function());
        }
        final I validated = input.validate(tx, platform, request);
        final Idempotency.Key key = Idempotency.key(platform.platformId(), request);
        final Optional<String> replay = Idempotency.replay(tx.state(), key);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (trades) {
            Tx.requireActive(platform);
        }
        final Outcome outcome = body.execute(tx, platform, validated);
        return Receipts.finish(tx, tx.receipt(outcome.type(), key, outcome.postings(), outcome.rules(),
                outcome.detail()));
    }
}
