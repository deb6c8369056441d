package org.pointsnet.chaincode.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.C;
import static org.pointsnet.chaincode.ledger.Network.C_MSP;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.testing.ValidationCode;
import org.pointsnet.contract.LinkCollections;

/** Identity links: offer by one side, accept by the other, both endorse; conversions to "my account there". */
class LinkContractTest {

    private static final String ALICE_A = A + ".alice";
    private static final String ALICE_B = B + ".alice-b";
    private static final String GRANT = "grant-secret-0123456789";
    private static final String CONSENT = "a".repeat(64);

    private final Network net = new Network().withPlatforms();

    private String offer(final String grant, final long validSeconds) {
        return "{\"platformId\":\"" + B + "\",\"userId\":\"" + ALICE_B + "\",\"toPlatformId\":\"" + A
            + "\",\"grantHash\":\"" + org.pointsnet.contract.LinkGrants.hash(grant) + "\",\"expiresAt\":\""
            + net.now.plusSeconds(1 + validSeconds) + "\",\"share\":true,\"consentHash\":\"" + CONSENT + "\"}";
    }

    private static String accept(final String grant) {
        return "{\"platformId\":\"" + A + "\",\"userId\":\"" + ALICE_A + "\",\"fromPlatformId\":\"" + B
            + "\",\"grant\":\"" + grant + "\",\"share\":false,\"consentHash\":\"" + CONSENT + "\"}";
    }

    private void linked() {
        net.registerUser(ALICE_A);
        net.registerUser(ALICE_B);
        final String offer = offer(GRANT, 300);
        net.ok(client(B_MSP), ctx -> net.links.offer(ctx, offer));
        net.ok(client(A_MSP), ctx -> net.links.accept(ctx, accept(GRANT)));
    }

    @Test
    void bothSidesLinkAndAConversionGoesToTheLinkedAccountWithoutNamingIt() {
        linked();
        final String link = net.query(ctx -> net.links.get(ctx, "{\"userId\":\"" + ALICE_A + "\",\"linkedPlatformId\":\""
            + B + "\"}"));
        assertTrue(link.contains("\"linkedUserId\":\"" + ALICE_B + "\""), link);
        assertTrue(link.contains("\"share\":true"), "B's side shares: " + link);
        assertTrue(net.ledger.privateState(LinkCollections.name(A, B),
            new org.hyperledger.fabric.shim.ledger.CompositeKey("link", ALICE_A).toString()).isPresent());

        net.issue(A, ALICE_A, 100);
        net.ok(client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c1\",\"userId\":\"" + ALICE_A
            + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B + "\",\"amount\":40,"
            + "\"toLinkedAccount\":true}"));
        assertEquals(60, net.balance(A, ALICE_A));
        assertTrue(net.balance(B, ALICE_B) > 0, "the linked account on B was credited");
        net.fails("VALIDATION_FAILED", client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c2\","
            + "\"userId\":\"" + ALICE_A + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + B
            + "\",\"amount\":1,\"toLinkedAccount\":true,\"toUserId\":\"" + B + ".other\"}"));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.conversions.convert(ctx, "{\"requestId\":\"c3\","
            + "\"userId\":\"" + ALICE_A + "\",\"fromPlatformId\":\"" + A + "\",\"toPlatformId\":\"" + C
            + "\",\"amount\":1,\"toLinkedAccount\":true}"));

        // Either side can unlink; then nothing resolves.
        net.ok(client(B_MSP), ctx -> net.links.unlink(ctx, "{\"platformId\":\"" + B + "\",\"userId\":\"" + ALICE_B
            + "\",\"linkedPlatformId\":\"" + A + "\"}"));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.links.get(ctx, "{\"userId\":\"" + ALICE_A
            + "\",\"linkedPlatformId\":\"" + B + "\"}"));
    }

    @Test
    void aLinkEndorsedByOneSideOnlyIsInvalid() {
        net.registerUser(ALICE_A);
        net.registerUser(ALICE_B);
        final String offer = offer(GRANT, 300);
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE,
            net.submit(client(B_MSP), Set.of(B_MSP), ctx -> net.links.offer(ctx, offer)).code());
        net.ok(client(B_MSP), ctx -> net.links.offer(ctx, offer));
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE,
            net.submit(client(A_MSP), Set.of(A_MSP, C_MSP), ctx -> net.links.accept(ctx, accept(GRANT))).code());
    }

    @Test
    void aGrantWorksOnlyForItsPlatformOnceAndInTime() {
        net.registerUser(ALICE_A);
        net.registerUser(ALICE_B);
        final String offer = offer(GRANT, 300);
        net.ok(client(B_MSP), ctx -> net.links.offer(ctx, offer));
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.links.accept(ctx, accept("wrong-secret")));
        net.fails("FORBIDDEN", client(C_MSP), ctx -> net.links.accept(ctx, accept(GRANT)));
        net.fails("FORBIDDEN", client(C_MSP), ctx -> net.links.get(ctx, "{\"userId\":\"" + ALICE_A
            + "\",\"linkedPlatformId\":\"" + B + "\"}"));
        net.fails("VALIDATION_FAILED", client(B_MSP), ctx -> net.links.offer(ctx, offer(GRANT + "x", 3600)));

        final String late = offer("late-secret", 5);
        net.ok(client(B_MSP), ctx -> net.links.offer(ctx, late));
        net.now = net.now.plusSeconds(60);
        net.fails("NOT_FOUND", client(A_MSP), ctx -> net.links.accept(ctx, accept("late-secret")));
    }
}
