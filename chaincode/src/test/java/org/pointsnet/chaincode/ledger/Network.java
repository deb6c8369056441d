package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pointsnet.chaincode.testing.InMemoryLedger;
import org.pointsnet.chaincode.testing.SimulatedTransaction;
import org.pointsnet.contract.LinkCollections;
import org.pointsnet.chaincode.testing.TestIdentity;
import org.pointsnet.chaincode.testing.ValidationCode;

/**
 * Three platform orgs on the in-memory Fabric model, with the collection design of docs/ledger.md: collection
 * {@code ledger-<id>} endorsable only by its platform's org, public keys by MAJORITY.
 */
final class Network {
    static final String A_MSP = "PlatformAMSP";
    static final String B_MSP = "PlatformBMSP";
    static final String C_MSP = "PlatformCMSP";
    static final String A = "platform-a";
    static final String B = "platform-b";
    static final String C = "platform-c";
    static final Set<String> ALL = Set.of(A_MSP, B_MSP, C_MSP);
    static final Instant START = Instant.parse("2025-03-14T02:00:00Z");
    private static final Map<String, TestIdentity> ADMINS = new ConcurrentHashMap<>();

    final InMemoryLedger ledger = new InMemoryLedger().members(ALL)
            .collectionPolicy("ledger-" + A, Set.of(A_MSP))
            .collectionPolicy("ledger-" + B, Set.of(B_MSP))
            .collectionPolicy("ledger-" + C, Set.of(C_MSP))
            .collectionPolicyAll(LinkCollections.name(A, B), Set.of(A_MSP, B_MSP))
            .collectionPolicyAll(LinkCollections.name(A, C), Set.of(A_MSP, C_MSP))
            .collectionPolicyAll(LinkCollections.name(B, C), Set.of(B_MSP, C_MSP));
    final PlatformContract platforms = new PlatformContract();
    final AccountContract accounts = new AccountContract();
    final ConversionContract conversions = new ConversionContract();
    final RewardContract rewards = new RewardContract();
    final SettlementContract settlement = new SettlementContract();
    final UserContract users = new UserContract();
    final ReversalContract reversals = new ReversalContract();
    final ValueContract values = new ValueContract();
    final ExpiryContract expiry = new ExpiryContract();
    final LinkContract links = new LinkContract();
    private final Set<String> registered = new java.util.HashSet<>();
    private int txCounter;
    private int userCounter;
    Instant now = START;

    /** A simulated, committed (or not) transaction and what the function returned. */
    record Result(String value, ValidationCode code, SimulatedTransaction tx) {}

    /** The gateway identity (OU=client) of an org. */
    static TestIdentity client(final String msp) {
        return TestIdentity.of(msp, "gateway");
    }

    /**
     * The org's operator: a client (OU=client) whose certificate carries the operator role, as admin-cli issues
     * Operator@&lt;org&gt; and the gateway signs platform-admin calls with.
     */
    static TestIdentity operator(final String msp) {
        return TestIdentity.withAttributes(msp, "Operator", "{\"attrs\":{\"pointsnet.role\":\"operator\"}}");
    }

    /** The org's channel and lifecycle admin (OU=admin, no role attribute), made like TestIdentity with OU=admin. */
    static TestIdentity admin(final String msp) {
        return ADMINS.computeIfAbsent(msp, Network::makeAdmin);
    }

    static String msp(final String platformId) {
        return switch (platformId) {
            case A -> A_MSP;
            case B -> B_MSP;
            default -> C_MSP;
        };
    }

    /** Starts a transaction one second after the previous one. */
    SimulatedTransaction begin(final TestIdentity who) {
        now = now.plusSeconds(1);
        return ledger.begin("tx-" + String.format("%05d", ++txCounter), now, who);
    }

    /** Simulates and commits with endorsements of every org. */
    Result submit(final TestIdentity who, final Function<Context, String> call) {
        return submit(who, ALL, call);
    }

    Result submit(final TestIdentity who, final Set<String> endorsers, final Function<Context, String> call) {
        final SimulatedTransaction tx = begin(who);
        final String value = call.apply(tx.context());
        return new Result(value, ledger.commit(tx, endorsers), tx);
    }

    /** Submits and requires VALID; returns the function result. */
    String ok(final TestIdentity who, final Function<Context, String> call) {
        final Result r = submit(who, call);
        assertEquals(ValidationCode.VALID, r.code(), () -> ledger.invalidationReason(r.tx().getTxId()).orElse(""));
        return r.value();
    }

    /** Evaluates (simulates without committing). */
    String query(final Function<Context, String> call) {
        return call.apply(begin(client(A_MSP)).context());
    }

    /** Requires the call to fail with {@code code} and to have written nothing; returns the message. */
    String fails(final String code, final TestIdentity who, final Function<Context, String> call) {
        final SimulatedTransaction tx = begin(who);
        final ChaincodeException e = assertThrows(ChaincodeException.class, () -> call.apply(tx.context()));
        assertTrue(e.getMessage().startsWith(code + ": "), e.getMessage());
        assertArrayEquals(code.getBytes(UTF_8), e.getPayload());
        assertTrue(tx.publicWrites().isEmpty() && tx.privateWrites().isEmpty(), "a failed call wrote state");
        assertTrue(tx.event().isEmpty(), "a failed call set an event");
        return e.getMessage();
    }

    /** Registers the three platforms: same currency, seed §5.1 multipliers a 1.0, b 1.2, c 0.8. */
    Network withPlatforms() {
        register(A, "1.0");
        register(B, "1.2");
        register(C, "0.8");
        for (int i = 0; i < 4; i++) {
            registerUser(A + ".u" + i);
        }
        return this;
    }

    /**
     * Registers a user id with {@code user:Register} as its platform's client (committed VALID), in transactions of
     * their own ids and at the current time, so the other transactions' ids and timestamps stay as tests expect them.
     */
    void registerUser(final String userId) {
        if (registered.add(userId)) {
            final String owner = userId.substring(0, userId.indexOf('.'));
            final SimulatedTransaction tx = ledger.begin("user-" + String.format("%05d", ++userCounter), now,
                    client(msp(owner)));
            users.register(tx.context(), "{\"userId\":\"" + userId + "\"}");
            final ValidationCode code = ledger.commit(tx, ALL);
            assertEquals(ValidationCode.VALID, code, () -> ledger.invalidationReason(tx.getTxId()).orElse(""));
        }
    }

    void register(final String id, final String multiplier) {
        ok(operator(msp(id)), ctx -> platforms.register(ctx, "{\"requestId\":\"reg-" + id + "\",\"platformId\":\"" + id
                + "\",\"name\":\"" + id + "\",\"symbol\":\"PT\",\"decimals\":0,\"unitValue\":\"0.01\","
                + "\"currency\":\"CNY\",\"multiplier\":\"" + multiplier + "\",\"timeZone\":\"Asia/Shanghai\"}"));
    }

    /** Issues to a user, registering a person's id first (as its platform's gateway does when it creates users). */
    String issue(final String platformId, final String userId, final long amount) {
        if (!"fee".equals(userId)) {
            registerUser(userId);
        }
        return ok(client(msp(platformId)), ctx -> accounts.issue(ctx, "{\"requestId\":\"issue-" + (txCounter + 1)
                + "\",\"platformId\":\"" + platformId + "\",\"userId\":\"" + userId + "\",\"amount\":" + amount + "}"));
    }

    long balance(final String platformId, final String userId) {
        return ledger.privateState("ledger-" + platformId, new org.hyperledger.fabric.shim.ledger.CompositeKey("acct",
                userId).toString()).map(b -> org.pointsnet.chaincode.ledger.state.StoredJson.tree(b).get("value")
                .longValue()).orElse(0L);
    }

    static String eventPayload(final SimulatedTransaction tx) {
        return tx.event().map(e -> e.getPayload().toStringUtf8()).orElseThrow();
    }

    static List<String> names(final SimulatedTransaction tx) {
        return tx.event().map(e -> List.of(e.getEventName())).orElse(List.of());
    }

    private static TestIdentity makeAdmin(final String msp) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair keys = generator.generateKeyPair();
            final var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, msp)
                    .addRDN(BCStyle.OU, "admin").addRDN(BCStyle.CN, "Admin").build();
            final X509CertificateHolder cert = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2100-01-01T00:00:00Z")),
                    subject, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(keys.getPrivate()));
            final String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new TestIdentity(msp, "Admin", SerializedIdentity.newBuilder().setMspid(msp)
                    .setIdBytes(ByteString.copyFrom(pem, US_ASCII)).build().toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
