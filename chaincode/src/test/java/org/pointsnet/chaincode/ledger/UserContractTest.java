package org.pointsnet.chaincode.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.Set;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.testing.ValidationCode;

/** The user registry: only registered ids receive points, and only a platform's own peer registers its users. */
class UserContractTest {
    private final Network net = new Network().withPlatforms();

    private static String reg(final String userId) {
        return "{\"userId\":\"" + userId + "\"}";
    }

    private static String issueReq(final String requestId, final String userId) {
        return "{\"requestId\":\"" + requestId + "\",\"platformId\":\"platform-a\",\"userId\":\"" + userId
                + "\",\"amount\":5}";
    }

    private boolean registered(final String platformId, final String userId) {
        return net.ledger.privateState("ledger-" + platformId, new CompositeKey("user", userId).toString()).isPresent();
    }

    @Test
    void aPlatformRegistersItsOwnUsersOnceAndARepeatWritesNothing() {
        final Network.Result first = net.submit(client(A_MSP), Set.of(A_MSP),
                ctx -> net.users.register(ctx, reg("platform-a.new")));
        assertEquals(ValidationCode.VALID, first.code());
        assertEquals("{\"userId\":\"platform-a.new\",\"platformId\":\"platform-a\"}", first.value());
        assertTrue(first.tx().event().isEmpty(), "a registration sets no event");
        assertTrue(registered(A, "platform-a.new"));
        final Network.Result again = net.submit(client(A_MSP), ctx -> net.users.register(ctx, reg("platform-a.new")));
        assertEquals(first.value(), again.value());
        assertTrue(again.tx().privateWrites().isEmpty() && again.tx().publicWrites().isEmpty());
        // The platform's admin may register too (it may do whatever the client does).
        net.ok(Network.admin(A_MSP), ctx -> net.users.register(ctx, reg("platform-a.by-admin")));
    }

    @Test
    void anotherPlatformCannotRegisterAUserOfPlatformA() {
        // B's client asking A's genuine code: refused at endorsement.
        final String msg = net.fails("FORBIDDEN", client(B_MSP), ctx -> net.users.register(ctx, reg("platform-a.x")));
        assertTrue(msg.contains("PlatformBMSP"), msg);
        // B and C (a majority) endorsing a registration in A's collection: invalid, A's collection policy needs A.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(B_MSP, C_MSP),
                ctx -> net.users.register(ctx, reg("platform-a.x"))).code());
        assertTrue(!registered(A, "platform-a.x"));
    }

    @Test
    void malformedIdsAndUnknownPlatformsAreRefused() {
        for (final String id : new String[] {"x", "nobody", "fee", "platform-a.", "platform-a.k k", "platform-a.k=",
            "platform-a." + "k".repeat(60)}) {
            net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.users.register(ctx, reg(id)));
        }
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.users.register(ctx, reg("platform-z.k")));
    }

    @Test
    void noCreditReachesANeverRegisteredId() {
        net.issue(A, "platform-a.u1", 100);
        final String msg = net.fails("USER_NOT_FOUND", client(A_MSP),
                ctx -> net.accounts.issue(ctx, issueReq("i1", "platform-a.ghost")));
        assertTrue(msg.contains("platform-a.ghost"), msg);
        net.fails("USER_NOT_FOUND", client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i2", "platform-z.ghost")));
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i3", "nobody")));
        net.fails("USER_NOT_FOUND", client(A_MSP), ctx -> net.accounts.transfer(ctx, "{\"requestId\":\"t1\","
                + "\"platformId\":\"platform-a\",\"fromUserId\":\"platform-a.u1\",\"toUserId\":\"platform-b.ghost\","
                + "\"amount\":1}"));
        net.fails("USER_NOT_FOUND", client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\","
                + "\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\","
                + "\"amount\":10,\"toUserId\":\"platform-b.ghost\"}"));
        assertEquals(100, net.balance(A, "platform-a.u1"));
        // The fee account is the platform's own: a treasury issue needs no registration.
        net.ok(client(A_MSP), ctx -> net.accounts.issue(ctx, issueReq("i4", "fee")));
    }

    @Test
    void aRegistrationCountsOnlyInTheCollectionOfThePlatformItsIdNames() {
        net.issue(A, "platform-a.u1", 100);
        // B writes "platform-a.fake" into its own collection (its own peer alone endorses that: VALID) ...
        final Network.Result forged = net.submit(client(B_MSP), Set.of(B_MSP), ctx -> {
            ctx.getStub().putPrivateData("ledger-" + B, new CompositeKey("user", "platform-a.fake").toString(),
                    reg("platform-a.fake").getBytes(UTF_8));
            return "";
        });
        assertEquals(ValidationCode.VALID, forged.code());
        // ... but B's own genuine code, asked to credit it on B, looks in A's collection and refuses.
        net.fails("USER_NOT_FOUND", client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\","
                + "\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-a\",\"toPlatformId\":\"platform-b\","
                + "\"amount\":10,\"toUserId\":\"platform-a.fake\"}"));
        // A rogue A writing a credit into B's collection without B's endorsement is invalid (B's collection policy).
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(client(A_MSP), Set.of(A_MSP, C_MSP), ctx -> {
            ctx.getStub().putPrivateData("ledger-" + B, new CompositeKey("acct", "platform-b.ghost").toString(),
                    "{\"value\":10}".getBytes(UTF_8));
            return "";
        }).code());
        assertEquals(0, net.balance(B, "platform-b.ghost"));
    }
}
