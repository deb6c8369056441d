package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.FORBIDDEN;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.chaincode.ledger.auth.LocalOrg;
import org.pointsnet.contract.Limits;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.core.Periods;
import org.pointsnet.chaincode.ledger.model.DirectoryEntry;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.ledger.tx.Idempotency;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Receipts;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;

/** Contract "platform": register, suspend and resume a platform (its own org admin), read and list platforms. */
@Contract(name = PlatformContract.NAME)
public final class PlatformContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.PLATFORM;
    static final int MAX_DECIMALS = Limits.MAX_DECIMALS;

    private final LocalOrg localOrg;

    /** The contract as the chaincode server runs it: this peer's organization comes from the environment. */
    public PlatformContract() {
        this(LocalOrg.fromEnvironment(System.getenv()));
    }

    /** The contract as run on the peer of {@code localOrg}. */
    public PlatformContract(final LocalOrg localOrg) {
        this.localOrg = localOrg;
    }

    /**
     * Registers a platform owned by the caller's organization (admin only). Writes the platform's collection and the
     * public directory, so it needs the platform's peer and the chaincode policy (MAJORITY). The platform's own peer
     * refuses a caller of another organization ({@link LocalOrg}); whether the id is taken is decided by the record in
     * the platform's collection, which only its peer can write, never by the directory, which a majority can. The
     * directory entry is then bound to the platform's peer (state-based endorsement), so no coalition can delete it.
     */
    @Transaction(name = Names.REGISTER, intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.REGISTER, requestJson, Set.of("requestId", "platformId", "name",
                "symbol", "decimals", "unitValue", "currency", "multiplier", "categoryMultiplier", "timeZone",
                "settlementPeriod"));
        final Tx tx = Tx.of(ctx);
        tx.caller().requireAdmin("Register");
        final String platformId = Ids.platformId("platformId", req.text("platformId"));
        localOrg.requireMayRegister(platformId, tx.caller());
        final long decimals = req.integer("decimals");
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw refusal(VALIDATION_FAILED, "decimals must be 0.." + MAX_DECIMALS + ", got " + decimals);
        }
        final String timeZone = req.optText("timeZone").orElse("UTC");
        Periods.zone("timeZone", timeZone);
        final Platform platform = new Platform(platformId, tx.caller().mspId(), Ids.text("name", req.text("name"), 64),
                Ids.symbol("symbol", req.text("symbol")), (int) decimals,
                Decimals.text(Decimals.positive("unitValue", req.text("unitValue"))),
                Ids.currency("currency", req.text("currency")),
                Decimals.text(Decimals.positive("multiplier", req.optText("multiplier").orElse("1"))),
                Decimals.text(Decimals.positive("categoryMultiplier", req.optText("categoryMultiplier").orElse("1"))),
                timeZone, Periods.kind("settlementPeriod", req.optText("settlementPeriod").orElse(Periods.DAY)),
                Platform.ACTIVE, 1);

        final Idempotency.Key key = Idempotency.key(platformId, req);
        final Optional<String> replay;
        try {
            replay = Idempotency.replay(tx.state(), key);
        } catch (RuntimeException e) {
            if (e instanceof ChaincodeException && !(e instanceof ContractRuntimeException)) {
                throw e; // one of our codes (IDEMPOTENCY_KEY_REUSED)
            }
            // The peer refuses a collection missing from the chaincode definition: onboarding comes first.
            throw refusal(VALIDATION_FAILED, "collection '" + Keys.collection(platformId) + "' of platform '"
                    + platformId + "' is not in the chaincode definition; add it before registering");
        }
        if (replay.isPresent()) {
            return replay.get();
        }
        final Optional<Platform> existing = tx.state().read(Keys.collection(platformId), Keys.platform(),
                Platform.class);
        if (existing.isPresent()) {
            throw existing.get().mspId().equals(tx.caller().mspId())
                    ? refusal(VALIDATION_FAILED, "platform '" + platformId + "' is already registered")
                    : refusal(FORBIDDEN, "platform '" + platformId + "' belongs to " + existing.get().mspId());
        }
        tx.state().writePublic(Keys.directory(platformId), new DirectoryEntry(platformId, platform.mspId()));
        tx.state().ownPublic(Keys.directory(platformId), platform.mspId());
        tx.state().write(Keys.collection(platformId), Keys.platform(), platform);
        PlatformValues.register(tx.state(), platform, tx.at());
        return Receipts.finish(tx, tx.receipt("REGISTER_PLATFORM", key, List.of(), null, platform));
    }

    /** Suspends trading on a platform (its own org admin): its data stays readable. */
    @Transaction(name = Names.SUSPEND, intent = Transaction.TYPE.SUBMIT)
    public String suspend(final Context ctx, final String requestJson) {
        return setStatus(ctx, Names.SUSPEND, requestJson, Platform.SUSPENDED, "SUSPEND_PLATFORM");
    }

    /** Resumes trading on a suspended platform (its own org admin). */
    @Transaction(name = Names.RESUME, intent = Transaction.TYPE.SUBMIT)
    public String resume(final Context ctx, final String requestJson) {
        return setStatus(ctx, Names.RESUME, requestJson, Platform.ACTIVE, "RESUME_PLATFORM");
    }

    /** One platform's record. */
    @Transaction(name = Names.GET, intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET, requestJson, Set.of("platformId"));
        return Json.write(Tx.of(ctx).platform("platformId", req.text("platformId")));
    }

    /** Every registered platform, by id. */
    @Transaction(name = Names.LIST, intent = Transaction.TYPE.EVALUATE)
    public String list(final Context ctx, final String requestJson) {
        Request.parse(Names.LIST, requestJson, Set.of());
        return Json.write(platforms(new LedgerState(ctx.getStub())));
    }

    /**
     * All registered platforms in id order (the directory's key order). The directory only says where to look; the
     * record, owner included, comes from the platform's own collection.
     */
    static List<Platform> platforms(final LedgerState state) {
        final List<Platform> out = new ArrayList<>();
        for (final LedgerState.Entry e : state.publicRange(Keys.directoryPrefix())) {
            final DirectoryEntry entry = StoredJson.read(e.value(), DirectoryEntry.class);
            state.read(Keys.collection(entry.platformId()), Keys.platform(), Platform.class).ifPresent(out::add);
        }
        return out;
    }

    private static String setStatus(final Context ctx, final String function, final String requestJson,
            final String status, final String type) {
        final Request req = Request.parse(function, requestJson, Set.of("requestId", "platformId", "reason"));
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> r.optText("reason")
                .map(reason -> Ids.text("reason", reason, 128)), (tx, platform, reason) -> {
                    if (status.equals(platform.status())) {
                        throw refusal(VALIDATION_FAILED, "platform '" + platform.platformId() + "' is already "
                                + status);
                    }
                    final Platform changed = platform.withStatus(status);
                    tx.state().write(Keys.collection(platform.platformId()), Keys.platform(), changed);
                    return Mutation.Outcome.of(type, changed);
                });
    }
}
