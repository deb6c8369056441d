package org.pointsnet.chaincode.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.chaincode.ledger.Network.A;
import static org.pointsnet.chaincode.ledger.Network.A_MSP;
import static org.pointsnet.chaincode.ledger.Network.B_MSP;
import static org.pointsnet.chaincode.ledger.Network.operator;
import static org.pointsnet.chaincode.ledger.Network.client;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pointsnet.chaincode.ledger.auth.LocalOrg;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.testing.ValidationCode;

class PlatformContractTest {
    private final Network net = new Network();
    private static final String REGISTER_A = "{\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"name\":\"Shop A\","
            + "\"symbol\":\"APT\",\"decimals\":2,\"unitValue\":\"0.010\",\"currency\":\"CNY\",\"multiplier\":\"1.2\"}";

    @Test
    void registerStoresTheRecordInTheCollectionAndTheDirectoryAndEmitsOneReceipt() {
        final Network.Result r = net.submit(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));

        assertEquals(ValidationCode.VALID, r.code());
        final String platform = "{\"platformId\":\"platform-a\",\"mspId\":\"PlatformAMSP\",\"name\":\"Shop A\","
                + "\"symbol\":\"APT\",\"decimals\":2,\"unitValue\":\"0.01\",\"currency\":\"CNY\",\"multiplier\":\"1.2\","
                + "\"categoryMultiplier\":\"1\",\"timeZone\":\"UTC\",\"settlementPeriod\":\"DAY\",\"status\":\"ACTIVE\","
                + "\"version\":1}";
        assertEquals(platform, net.query(ctx -> net.platforms.get(ctx, "{\"platformId\":\"platform-a\"}")));
        assertEquals("[" + platform + "]", net.query(ctx -> net.platforms.list(ctx, "{}")));
        assertEquals(List.of("Receipt"), Network.names(r.tx()));
        assertTrue(Network.eventPayload(r.tx()).startsWith("{\"type\":\"REGISTER_PLATFORM\",\"requestId\":\"r1\","),
                Network.eventPayload(r.tx()));
        assertTrue(Network.eventPayload(r.tx()).contains("\"postings\":[],\"detail\":" + platform));
        assertEquals(Network.eventPayload(r.tx()), r.value());
    }

    @Test
    void registrationNeedsTheConsortiumMajorityAndThePlatformsPeer() {
        // The directory entry is public: the chaincode policy (2 of 3) applies.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE,
                net.submit(operator(A_MSP), Set.of(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A)).code());
        // B and C are a majority, but the platform record is in A's collection: A's peer must endorse.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(A_MSP),
                Set.of(B_MSP, Network.C_MSP), ctx -> net.platforms.register(ctx, REGISTER_A)).code());
        assertEquals(ValidationCode.VALID, net.submit(operator(A_MSP), Set.of(A_MSP, B_MSP),
                ctx -> net.platforms.register(ctx, REGISTER_A)).code());
    }

    @Test
    void onlyAnAdminRegistersAndOnlyForItsOwnOrg() {
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        net.ok(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        final String msg = net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.platforms.register(ctx,
                REGISTER_A.replace("\"r1\"", "\"r2\"")));
        assertTrue(msg.contains("platform-a") && msg.contains("PlatformAMSP"), msg);
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.platforms.register(ctx,
                REGISTER_A.replace("\"r1\"", "\"r2\"")));
    }

    @Test
    void platformAdminFunctionsNeedTheOperatorRoleNotTheOrgsChannelAdmin() {
        // The org's Admin (OU=admin, its channel and lifecycle admin) carries no role: refused, naming the role.
        final String msg = net.fails("FORBIDDEN", Network.admin(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        assertTrue(msg.contains("pointsnet.role=operator"), msg);
        net.ok(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        final String rid = "\"requestId\":\"x\",\"platformId\":\"platform-a\"";
        final java.util.List<java.util.function.Function<org.hyperledger.fabric.contract.Context, String>> adminCalls =
                List.of(ctx -> net.platforms.suspend(ctx, "{" + rid + "}"),
                        ctx -> net.conversions.setFeeRule(ctx, "{" + rid + ",\"basisPoints\":1,\"minFee\":0,\"maxFee\":1}"),
                        ctx -> net.conversions.setLimits(ctx, "{" + rid + ",\"maxPerTransaction\":5}"),
                        ctx -> net.rewards.putReward(ctx, "{" + rid + ",\"rewardId\":\"mug\",\"name\":\"Mug\","
                                + "\"points\":1,\"stock\":1}"),
                        ctx -> net.settlement.closePeriod(ctx, "{" + rid + ",\"period\":\"2025-03-13\"}"));
        for (final var call : adminCalls) {
            net.fails("FORBIDDEN", Network.admin(A_MSP), call);
            net.fails("FORBIDDEN", client(A_MSP), call);
            // The role counts only for its own org's platforms.
            net.fails("FORBIDDEN", operator(B_MSP), call);
        }
        net.ok(operator(A_MSP), adminCalls.get(0));
    }

    @Test
    void repeatedRegistrationReturnsTheFirstReceipt() {
        final String first = net.ok(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        final Network.Result again = net.submit(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        assertEquals(first, again.value());
        assertTrue(again.tx().event().isEmpty());
        assertTrue(again.tx().privateWrites().isEmpty() && again.tx().publicWrites().isEmpty());
    }

    @Test
    void invalidRegistrationsAreRefused() {
        for (final String bad : List.of(
                REGISTER_A.replace("platform-a", "Platform-A"),
                REGISTER_A.replace("platform-a", "a"),
                REGISTER_A.replace("\"decimals\":2", "\"decimals\":7"),
                REGISTER_A.replace("\"decimals\":2", "\"decimals\":\"2\""),
                REGISTER_A.replace("\"0.010\"", "\"1e-2\""),
                REGISTER_A.replace("\"0.010\"", "\"0\""),
                REGISTER_A.replace("\"CNY\"", "\"cny\""),
                REGISTER_A.replace("\"multiplier\"", "\"multipler\""),
                REGISTER_A.replace("}", ",\"timeZone\":\"Mars/Base\"}"),
                REGISTER_A.replace("}", ",\"settlementPeriod\":\"WEEK\"}"),
                REGISTER_A.replace("\"name\":\"Shop A\",", "\"name\":\"Shop A\",\"name\":\"B\","),
                "[]", "not json")) {
            net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.platforms.register(ctx, bad));
        }
    }

    @Test
    void suspendedPlatformIsReadableButNotTradable() {
        net.withPlatforms();
        net.issue(A, "platform-a.u1", 100);
        net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.platforms.suspend(ctx,
                "{\"requestId\":\"s1\",\"platformId\":\"platform-a\"}"));
        net.fails("FORBIDDEN", client(A_MSP), ctx -> net.platforms.suspend(ctx,
                "{\"requestId\":\"s1\",\"platformId\":\"platform-a\"}"));
        final String suspended = net.ok(operator(A_MSP), ctx -> net.platforms.suspend(ctx,
                "{\"requestId\":\"s1\",\"platformId\":\"platform-a\",\"reason\":\"audit\"}"));
        assertTrue(suspended.contains("\"status\":\"SUSPENDED\",\"version\":2"), suspended);
        assertTrue(net.query(ctx -> net.platforms.get(ctx, "{\"platformId\":\"platform-a\"}"))
                .contains("SUSPENDED"));
        final String msg = net.fails("PLATFORM_SUSPENDED", client(A_MSP), ctx -> net.accounts.issue(ctx,
                "{\"requestId\":\"i9\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":1}"));
        assertTrue(msg.contains("platform-a"), msg);
        net.fails("PLATFORM_SUSPENDED", client(Network.B_MSP), ctx -> net.conversions.convert(ctx,
                "{\"requestId\":\"c1\",\"userId\":\"platform-a.u1\",\"fromPlatformId\":\"platform-b\","
                        + "\"toPlatformId\":\"platform-a\",\"amount\":1}"));
        net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.platforms.suspend(ctx,
                "{\"requestId\":\"s2\",\"platformId\":\"platform-a\"}"));
        net.ok(operator(A_MSP), ctx -> net.platforms.resume(ctx, "{\"requestId\":\"s3\",\"platformId\":\"platform-a\"}"));
        net.issue(A, "platform-a.u1", 1);
        assertEquals(101, net.balance(A, "platform-a.u1"));
    }

    @Test
    void aPlatformWithoutItsCollectionCannotRegister() {
        final String msg = net.fails("VALIDATION_FAILED", operator(A_MSP), ctx -> net.platforms.register(ctx,
                REGISTER_A.replace("platform-a", "platform-z")));
        assertTrue(msg.contains("'ledger-platform-z'"), msg);
    }

    @Test
    void unknownPlatformIsNotFound() {
        assertTrue(net.fails("NOT_FOUND", client(A_MSP), ctx -> net.platforms.get(ctx,
                "{\"platformId\":\"nowhere\"}")).contains("'nowhere'"));
    }

    @Test
    void aPlatformsOwnPeerRefusesAnotherOrgClaimingItBeforeItIsRegistered() {
        final String registerC = REGISTER_A.replace("platform-a", "platform-c");
        // Genuine chaincode on C's peer: platform-c is C's own (POINTSNET_OWN_PLATFORMS), so B's admin is refused.
        final PlatformContract onPeerOfC = new PlatformContract(new LocalOrg(Network.C_MSP, Set.of("platform-c")));
        final String msg = net.fails("FORBIDDEN", operator(B_MSP), ctx -> onPeerOfC.register(ctx, registerC));
        assertTrue(msg.contains("platform-c") && msg.contains("PlatformCMSP"), msg);
        // Only C's peer can endorse the write into ledger-platform-c, so without it B's claim cannot be valid.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(B_MSP), Set.of(A_MSP, B_MSP),
                ctx -> net.platforms.register(ctx, registerC)).code());
        assertTrue(net.fails("NOT_FOUND", client(A_MSP), ctx -> net.platforms.get(ctx,
                "{\"platformId\":\"platform-c\"}")).contains("platform-c"));
        // A peer of another org does not stand in the way of the owner.
        final PlatformContract onPeerOfB = new PlatformContract(new LocalOrg(B_MSP, Set.of("platform-b")));
        net.ok(operator(Network.C_MSP), ctx -> onPeerOfB.register(ctx, registerC));
        assertTrue(net.query(ctx -> net.platforms.get(ctx, "{\"platformId\":\"platform-c\"}"))
                .contains("\"mspId\":\"PlatformCMSP\""));
    }

    @Test
    void noCoalitionCanDeleteOrRewriteARegisteredPlatformsDirectoryEntry() {
        net.ok(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        final String directory = Keys.directory("platform-a");
        // B and C are a majority of the chaincode-level policy, but registration bound the key to A's peer.
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(B_MSP), Set.of(B_MSP, Network.C_MSP),
                ctx -> {
                    ctx.getStub().delState(directory);
                    return "";
                }).code());
        assertEquals(ValidationCode.ENDORSEMENT_POLICY_FAILURE, net.submit(operator(B_MSP), Set.of(B_MSP, Network.C_MSP),
                ctx -> {
                    ctx.getStub().putStringState(directory, "{\"platformId\":\"platform-a\",\"mspId\":\"PlatformBMSP\"}");
                    return "";
                }).code());
        assertTrue(net.query(ctx -> net.platforms.list(ctx, "{}")).contains("\"mspId\":\"PlatformAMSP\""));
        // Re-registering the taken id is refused by A's genuine peer, whoever asks.
        final String msg = net.fails("FORBIDDEN", operator(B_MSP), ctx -> net.platforms.register(ctx,
                REGISTER_A.replace("\"r1\"", "\"takeover\"")));
        assertTrue(msg.contains("belongs to PlatformAMSP"), msg);
    }

    @Test
    void aDirectoryEntryWrittenByOthersDoesNotDecideWhoOwnsThePlatform() {
        // B and C pre-create A's directory entry naming B (their majority suffices for a key's first write).
        assertEquals(ValidationCode.VALID, net.submit(operator(B_MSP), Set.of(B_MSP, Network.C_MSP), ctx -> {
            ctx.getStub().putStringState(Keys.directory("platform-a"),
                    "{\"platformId\":\"platform-a\",\"mspId\":\"PlatformBMSP\"}");
            return "";
        }).code());
        // The entry names B, but there is no record in A's collection: the platform does not exist for anyone.
        net.fails("NOT_FOUND", client(B_MSP), ctx -> net.accounts.issue(ctx,
                "{\"requestId\":\"i1\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":1}"));
        // A registers its own platform; ownership comes from the record A's peer wrote.
        net.ok(operator(A_MSP), ctx -> net.platforms.register(ctx, REGISTER_A));
        net.fails("FORBIDDEN", client(B_MSP), ctx -> net.accounts.issue(ctx,
                "{\"requestId\":\"i2\",\"platformId\":\"platform-a\",\"userId\":\"platform-a.u1\",\"amount\":1}"));
        net.issue(A, "platform-a.u1", 5);
        assertEquals(5, net.balance(A, "platform-a.u1"));
    }
}
