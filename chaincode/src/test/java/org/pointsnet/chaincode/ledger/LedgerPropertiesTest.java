package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;
import static org.pointsnet.chaincode.ledger.Network.msp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.Valuation;
import org.pointsnet.chaincode.ledger.state.StoredJson;
import org.pointsnet.chaincode.testing.TestIdentity;
import org.pointsnet.chaincode.testing.ValidationCode;
import tools.jackson.databind.JsonNode;

/**
 * Random operation sequences through the contracts on the in-memory Fabric model. After every sequence: each
 * platform's supply (its delta keys) equals the sum of its balances, no balance is negative, every conversion was
 * worth no more out than in and executed exactly its quote, and replaying the Receipt events alone rebuilds every
 * balance and every supply.
 */
class LedgerPropertiesTest {
    private static final String[] PLATFORMS = {A, B, C};
    private static final String[] USERS = {"platform-a.u0", "platform-a.u1", "platform-a.u2", "platform-a.u3"};

    /** One generated operation; its fields are interpreted per kind. */
    record Op(Kind kind, int platform, int otherPlatform, int user, int otherUser, long amount) {}

    enum Kind { ISSUE, BURN, TRANSFER, CONVERT, REDEEM, SET_FEE, REPEAT, SWEEP }

    /** An executed request, to send again. */
    private record Executed(TestIdentity who, Function<Context, String> call, String receipt) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        final Arbitrary<Op> op = Combinators.combine(
                // Issues and conversions most often, so sequences reach funded conversions with fees.
                Arbitraries.frequency(Tuple.of(5, Kind.ISSUE), Tuple.of(2, Kind.BURN), Tuple.of(2, Kind.TRANSFER),
                        Tuple.of(6, Kind.CONVERT), Tuple.of(2, Kind.REDEEM), Tuple.of(2, Kind.SET_FEE),
                        Tuple.of(2, Kind.REPEAT), Tuple.of(1, Kind.SWEEP)),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, USERS.length - 1),
                Arbitraries.integers().between(0, USERS.length - 1),
                Arbitraries.oneOf(Arbitraries.longs().between(1, 50), Arbitraries.longs().between(1, 5_000)))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    boolean invariantsHoldAfterAnySequence(@ForAll("operations") final List<Op> ops) {
        final Network net = new Network().withPlatforms();
        net.ok(operator(msp(A)), ctx -> net.rewards.putReward(ctx, "{\"requestId\":\"p\",\"platformId\":\"platform-a\","
                + "\"rewardId\":\"gift\",\"name\":\"Gift\",\"points\":30,\"stock\":5}"));
        final List<String> events = new ArrayList<>();
        final List<Executed> executed = new ArrayList<>();
        int n = 0;
        for (final Op op : ops) {
            n++;
            final String p = PLATFORMS[op.platform()];
            final String q = PLATFORMS[op.otherPlatform()];
            final String u = USERS[op.user()];
            final String v = USERS[op.otherUser()];
            final String id = "\"requestId\":\"op" + n + "\"";
            // Debits mostly fit the current balance, so sequences reach funded conversions instead of refusals.
            final long held = op.kind() == Kind.ISSUE ? 0 : net.balance(p, u);
            final long amount = held > 0 ? 1 + op.amount() % held : op.amount();
            final Function<Context, String> call;
            switch (op.kind()) {
                case ISSUE -> call = ctx -> net.accounts.issue(ctx, "{" + id + ",\"platformId\":\"" + p
                        + "\",\"userId\":\"" + u + "\",\"amount\":" + op.amount() + "}");
                case BURN -> call = ctx -> net.accounts.burn(ctx, "{" + id + ",\"platformId\":\"" + p
                        + "\",\"userId\":\"" + u + "\",\"amount\":" + amount + "}");
                case TRANSFER -> call = ctx -> net.accounts.transfer(ctx, "{" + id + ",\"platformId\":\"" + p
                        + "\",\"fromUserId\":\"" + u + "\",\"toUserId\":\"" + v + "\",\"amount\":" + amount + "}");
                case REDEEM -> call = ctx -> net.rewards.redeem(ctx, "{" + id + ",\"platformId\":\"platform-a\","
                        + "\"userId\":\"" + u + "\",\"rewardId\":\"gift\",\"quantity\":" + (1 + op.amount() % 2) + "}");
                case SET_FEE -> call = ctx -> net.conversions.setFeeRule(ctx, "{" + id + ",\"platformId\":\"" + p
                        + "\",\"basisPoints\":" + (op.amount() % 501) + ",\"minFee\":" + (op.amount() % 4)
                        + ",\"maxFee\":" + (op.amount() % 4 + op.amount() % 50) + "}");
                case SWEEP -> {
                    final JsonNode credits = tree(net.query(ctx -> net.accounts.getFeeCredits(ctx,
                            "{\"platformId\":\"" + p + "\"}")));
                    if (credits.isEmpty()) {
                        continue;
                    }
                    final String txId = credits.get(0).get("txId").stringValue();
                    call = ctx -> net.accounts.sweepFees(ctx, "{" + id + ",\"platformId\":\"" + p
                            + "\",\"txIds\":[\"" + txId + "\"]}");
                }
                case REPEAT -> {
                    if (executed.isEmpty()) {
                        continue;
                    }
                    final Executed first = executed.get((int) (op.amount() % executed.size()));
                    final Network.Result again = net.submit(first.who(), first.call());
                    if (again.code() != ValidationCode.VALID || again.tx().event().isPresent()
                            || !again.tx().privateWrites().isEmpty() || !again.value().equals(first.receipt())) {
                        throw new AssertionError("a repeated request changed something: " + first.receipt());
                    }
                    continue;
                }
                default -> {
                    if (p.equals(q)) {
                        continue;
                    }
                    final String quote;
                    try {
                        quote = net.query(ctx -> net.conversions.quote(ctx, "{\"fromPlatformId\":\"" + p
                                + "\",\"toPlatformId\":\"" + q + "\",\"amount\":" + amount + "}"));
                    } catch (ChaincodeException tooSmall) {
                        continue;
                    }
                    final String body = "{" + id + ",\"userId\":\"" + u + "\",\"fromPlatformId\":\"" + p
                            + "\",\"toPlatformId\":\"" + q + "\",\"amount\":" + amount + "}";
                    call = ctx -> {
                        final String receipt = net.conversions.convert(ctx, body);
                        final JsonNode detail = tree(receipt).get("detail");
                        if (!detail.get("quote").toString().equals(quote)) {
                            throw new AssertionError("executed " + detail.get("quote") + " but quoted " + quote);
                        }
                        return receipt;
                    };
                }
            }
            final TestIdentity who = op.kind() == Kind.SET_FEE ? operator(msp(p))
                    : client(msp(op.kind() == Kind.REDEEM ? A : p));
            final Network.Result r;
            try {
                r = net.submit(who, call);
            } catch (ChaincodeException refused) {
                continue; // INSUFFICIENT_BALANCE, REWARD_UNAVAILABLE ...: nothing was written
            }
            if (r.code() != ValidationCode.VALID) {
                throw new AssertionError(net.ledger.invalidationReason(r.tx().getTxId()).orElse("invalid"));
            }
            events.add(Network.eventPayload(r.tx()));
            executed.add(new Executed(who, call, r.value()));
        }
        check(net, events);
        return true;
    }

    private static JsonNode tree(final String json) {
        return StoredJson.tree(json.getBytes(UTF_8));
    }

    private static void check(final Network net, final List<String> events) {
        final Map<String, Long> balances = new TreeMap<>();
        final Map<String, Long> supply = new TreeMap<>();
        final Map<String, Platform> platforms = new TreeMap<>();
        for (final String p : PLATFORMS) {
            platforms.put(p, StoredJson.read(net.query(ctx -> net.platforms.get(ctx, "{\"platformId\":\"" + p
                    + "\"}")).getBytes(UTF_8), Platform.class));
        }
        for (final String event : events) {
            final JsonNode receipt = tree(event);
            receipt.get("postings").values().forEach(posting -> {
                final String p = posting.get("platformId").stringValue();
                final long delta = posting.get("delta").longValue();
                balances.merge(p + "/" + posting.get("userId").stringValue(), delta, Long::sum);
                supply.merge(p, delta, Long::sum);
            });
            if ("CONVERT".equals(receipt.get("type").stringValue())
                    && "UNIT_VALUE".equals(receipt.get("rules").get("rateSource").stringValue())) {
                final JsonNode quote = receipt.get("detail").get("quote");
                final BigDecimal in = Valuation.registered(platforms.get(quote.get("fromPlatformId").stringValue()))
                        .valueOf(quote.get("amountIn").longValue());
                final BigDecimal out = Valuation.registered(platforms.get(quote.get("toPlatformId").stringValue()))
                        .valueOf(quote.get("amountOut").longValue() + quote.get("fee").longValue());
                if (out.compareTo(in) > 0) {
                    throw new AssertionError("conversion created value: " + in + " in, " + out + " out");
                }
            }
        }
        final List<String> users = new ArrayList<>(List.of(USERS));
        users.add("fee");
        for (final String u : users) {
            final JsonNode chain = tree(net.query(ctx -> net.accounts.getBalances(ctx, "{\"userId\":\"" + u + "\"}")));
            final Map<String, Long> onChain = new TreeMap<>();
            chain.get("balances").values().forEach(b -> onChain.put(b.get("platformId").stringValue(),
                    b.get("balance").longValue()));
            for (final String p : PLATFORMS) {
                final long fromEvents = balances.getOrDefault(p + "/" + u, 0L);
                final long fromChain = onChain.getOrDefault(p, 0L);
                if (fromChain < 0 || fromEvents != fromChain) {
                    throw new AssertionError(p + "/" + u + ": chain " + fromChain + ", events " + fromEvents);
                }
            }
        }
        for (final JsonNode s : tree(net.query(ctx -> net.accounts.auditSupply(ctx, "{}"))).values()) {
            final String p = s.get("platformId").stringValue();
            final long onChain = s.get("supply").longValue();
            if (onChain != s.get("balances").longValue() || onChain != supply.getOrDefault(p, 0L)) {
                throw new AssertionError(p + ": supply " + onChain + ", balances " + s.get("balances")
                        + ", from events " + supply.getOrDefault(p, 0L));
            }
        }
    }
}
