package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pointsnet.gateway.e2e.FabricCli.JSON;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.gateway.support.TestPki;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9, attack 2 (docs/ledger.md, "Governance"): platforms B and C together, acting through their own admins with
 * Fabric's own tools, cannot take over platform A. Each attack worked against the earlier MAJORITY policies (a
 * committed definition, accepted channel updates); the channel's ALL policies (network/configtx.yaml) refuse them:
 * <ul>
 * <li>a new definition of the chaincode that hands collection {@code ledger-platform-a}'s endorsement to B's peer,
 * approved by B and C and committed with their peers' endorsements;</li>
 * <li>a channel config update, signed by B's and C's admins, that removes PlatformAMSP's org;</li>
 * <li>one that replaces PlatformAMSP's org by an org with the same MSP id under a root CA of their own.</li>
 * </ul>
 * Each refused attack changes nothing on the channel, so the other end-to-end tests are unaffected; what remains are
 * B's and C's own approvals of a definition that will never be committed (theirs to replace by approving again).
 */
@Tag("network")
class GovernanceEndToEndIT {

    private static final String A = "platform-a";
    private static final String B = "platform-b";
    private static final String C = "platform-c";
    private static final List<String> PLATFORMS = List.of(A, B, C);
    private static final String A_COLLECTION = "ledger-" + A;
    private static final Duration PEERS_CATCH_UP = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private FabricCli cli;
    private String mspA;

    @BeforeEach
    void findTheNetwork() throws Exception {
        cli = FabricCli.find(work);
        mspA = LedgerNetwork.fromSystemProperty().mspId(A);
        for (final String platform : PLATFORMS) {
            cli.asAdminOk(platform, "peer", "channel", "getinfo", "-c", cli.channel());
        }
    }

    @Test
    void twoPlatformsCannotCommitADefinitionThatGivesThemAThirdPlatformsCollection() throws Exception {
        final String name = cli.network("PN_CC_NAME");
        final JsonNode committed = committedDefinition(A);
        final long sequence = committed.path("sequence").asLong();
        final JsonNode collectionBefore = staticCollection(committed, A_COLLECTION);
        assertEquals(List.of(mspA + " PEER"), endorsers(collectionBefore), "precondition: A's peer alone endorses");

        // B's and C's definition of the next sequence: the same collections, except that B's peer endorses A's.
        final ArrayNode collections = (ArrayNode) JSON.readTree(Files.readString(
            Path.of(cli.network("PN_CC_COLLECTIONS")), StandardCharsets.UTF_8));
        final String mspB = LedgerNetwork.fromSystemProperty().mspId(B);
        boolean changed = false;
        for (final JsonNode collection : collections) {
            if (A_COLLECTION.equals(collection.path("name").asString())) {
                ((ObjectNode) collection.path("endorsementPolicy")).put("signaturePolicy", "OR('" + mspB + ".peer')");
                changed = true;
            }
        }
        assertTrue(changed, "no " + A_COLLECTION + " in " + cli.network("PN_CC_COLLECTIONS"));
        final Path evilCollections = work.resolve("collections-b-endorses-a.json");
        Files.writeString(evilCollections, JSON.writeValueAsString(collections), StandardCharsets.UTF_8);
        // A version label of its own per run: approving the same uncommitted definition twice is refused.
        final List<String> definition = new ArrayList<>(List.of("-C", cli.channel(), "-n", name,
            "-v", cli.network("PN_CC_VERSION") + "-gov-" + System.currentTimeMillis(),
            "--sequence", Long.toString(sequence + 1), "--collections-config", evilCollections.toString()));
        if (!"MAJORITY".equals(cli.network("PN_CC_POLICY"))) {
            definition.addAll(List.of("--signature-policy", cli.network("PN_CC_POLICY")));
        }

        // Approving is each org's own business: both approvals commit.
        for (final String platform : List.of(B, C)) {
            final List<String> approve = new ArrayList<>(List.of("peer", "lifecycle", "chaincode", "approveformyorg"));
            approve.addAll(cli.ordererArgs());
            approve.addAll(definition);
            approve.addAll(List.of("--package-id", cli.packageId(platform)));
            cli.asAdminOk(platform, approve.toArray(String[]::new));
        }
        final List<String> readiness = new ArrayList<>(List.of("peer", "lifecycle", "chaincode", "checkcommitreadiness"));
        readiness.addAll(definition);
        readiness.addAll(List.of("-O", "json"));
        final JsonNode approvals = JSON.readTree(cli.asAdminOk(B, readiness.toArray(String[]::new))).path("approvals");
        assertEquals("false", approvals.path(mspA).toString(), "A did not approve: " + approvals);
        assertEquals("true", approvals.path(mspB).toString(), "B approved: " + approvals);
        assertEquals("true", approvals.path(LedgerNetwork.fromSystemProperty().mspId(C)).toString(),
            "C approved: " + approvals);

        // The commit, endorsed by B's and C's peers (A's peer would refuse: its org did not approve).
        final List<String> commit = new ArrayList<>(List.of("peer", "lifecycle", "chaincode", "commit"));
        commit.addAll(cli.ordererArgs());
        commit.addAll(definition);
        commit.addAll(cli.peerArgs(B));
        commit.addAll(cli.peerArgs(C));
        final FabricCli.Result result = cli.asAdmin(B, commit.toArray(String[]::new));
        assertNotEquals(0, result.exitCode(), "the commit without A must be refused:\n" + result.output());
        assertTrue(result.output().contains("ENDORSEMENT_POLICY_FAILURE"),
            "refused by the lifecycle endorsement policy:\n" + result.output());
        System.out.println("governance: commit by B and C refused: " + errorLine(result));

        // Every peer, once it holds the block of that transaction, still has the old definition.
        final long height = height(B);
        for (final String platform : PLATFORMS) {
            awaitHeight(platform, height);
            final JsonNode after = committedDefinition(platform);
            assertEquals(sequence, after.path("sequence").asLong(), platform + "'s peer: " + after);
            assertEquals(committed.path("version").asString(), after.path("version").asString(), platform);
            final JsonNode collectionAfter = staticCollection(after, A_COLLECTION);
            assertEquals(collectionBefore, collectionAfter, platform + "'s peer: " + A_COLLECTION + " changed");
            assertEquals(List.of(mspA + " PEER"), endorsers(collectionAfter), platform + "'s peer");
        }
    }

    @Test
    void twoPlatformsCannotRemoveAThirdFromTheChannel() throws Exception {
        final JsonNode before = cli.fetchConfig(B);
        final String groupA = orgGroupOf(before, mspA);
        final ObjectNode updated = (ObjectNode) before.deepCopy();
        applicationOrgs(updated).remove(groupA);

        final FabricCli.Result result = signByBAndSubmitByC(before, updated, "remove-a");

        assertRefusedByTheApplicationAdminsPolicy(result);
        System.out.println("governance: removal of " + groupA + " refused: " + errorLine(result));
        assertConfigUnchanged(before);
    }

    /**
     * The replacement keeps PlatformAMSP's policies and anchor peer but trusts the attackers' root CA (also as TLS
     * root and for every NodeOU), so that certificates they issue would act as A's admins, peers and clients. It
     * comes under another group name in the same update as the removal: under A's own group name it would be a
     * change of A's MSP value, whose mod_policy is A's own Admins.
     */
    @Test
    void twoPlatformsCannotReplaceAThirdsMspWithOneUnderTheirOwnCa() throws Exception {
        final JsonNode before = cli.fetchConfig(B);
        final String groupA = orgGroupOf(before, mspA);
        final KeyPair keys = TestPki.keyPair();
        final String ca = Base64.getEncoder().encodeToString(Identities.toPemString(
                TestPki.selfSignedCa(keys, "CN=ca." + A + ".pointsnet.local,O=" + A + ".pointsnet.local"))
            .getBytes(StandardCharsets.US_ASCII));

        final ObjectNode updated = (ObjectNode) before.deepCopy();
        final ObjectNode orgs = applicationOrgs(updated);
        final ObjectNode replacement = (ObjectNode) orgs.path(groupA).deepCopy();
        final ObjectNode msp = (ObjectNode) replacement.path("values").path("MSP").path("value").path("config");
        assertEquals(mspA, msp.path("name").asString());
        msp.putArray("root_certs").add(ca);
        msp.putArray("intermediate_certs");
        msp.putArray("tls_root_certs").add(ca);
        msp.putArray("tls_intermediate_certs");
        for (final JsonNode identifier : msp.path("fabric_node_ous")) {
            if (identifier.isObject() && identifier.has("certificate")) {
                ((ObjectNode) identifier).put("certificate", ca);
            }
        }
        resetVersions(replacement);
        orgs.remove(groupA);
        orgs.set(groupA + "Reissued", replacement);

        final FabricCli.Result result = signByBAndSubmitByC(before, updated, "reissue-a");

        assertRefusedByTheApplicationAdminsPolicy(result);
        System.out.println("governance: replacement of " + groupA + " refused: " + errorLine(result));
        assertConfigUnchanged(before);
        final JsonNode rootCerts = cli.fetchConfig(A).path("channel_group").path("groups").path("Application")
            .path("groups").path(groupA).path("values").path("MSP").path("value").path("config").path("root_certs");
        assertFalse(rootCerts.toString().contains(ca), "A's MSP trusts the attackers' CA: " + rootCerts);
    }

    /** B's admin signs the update, C's admin signs and submits it to the orderer (as {@code peer channel update} does). */
    private FabricCli.Result signByBAndSubmitByC(final JsonNode before, final JsonNode updated, final String name)
        throws Exception {
        final Path envelope = cli.configUpdateEnvelope(before, updated, name);
        cli.asAdminOk(B, "peer", "channel", "signconfigtx", "-f", envelope.toString());
        final List<String> update = new ArrayList<>(List.of("peer", "channel", "update", "-f", envelope.toString(),
            "-c", cli.channel()));
        update.addAll(cli.ordererArgs());
        return cli.asAdmin(C, update.toArray(String[]::new));
    }

    private static void assertRefusedByTheApplicationAdminsPolicy(final FabricCli.Result result) {
        assertNotEquals(0, result.exitCode(), "the orderer must refuse the update:\n" + result.output());
        assertTrue(result.output().contains("/Channel/Application not satisfied"),
            "refused because the Application group's Admins policy is not satisfied:\n" + result.output());
    }

    /** The CLI's "Error: ..." line. */
    private static String errorLine(final FabricCli.Result result) {
        return result.output().lines().filter(line -> line.startsWith("Error: ")).findFirst().orElse(result.output());
    }

    /** The orderer's current channel config is {@code before}: same sequence, same groups, PlatformAMSP's org as it was. */
    private void assertConfigUnchanged(final JsonNode before) throws Exception {
        final JsonNode after = cli.fetchConfig(A);
        assertEquals(before.path("sequence").asString(), after.path("sequence").asString(), "config sequence");
        final String groupA = orgGroupOf(after, mspA);
        assertEquals(applicationOrgs(before).path(groupA), applicationOrgs(after).path(groupA), "A's org changed");
        assertEquals(before, after, "channel config changed");
    }

    private static ObjectNode applicationOrgs(final JsonNode config) {
        return (ObjectNode) config.path("channel_group").path("groups").path("Application").path("groups");
    }

    /** The name of the Application org group whose MSP has this id; fails when there is none. */
    private static String orgGroupOf(final JsonNode config, final String mspId) {
        for (final Map.Entry<String, JsonNode> org : applicationOrgs(config).properties()) {
            if (mspId.equals(org.getValue().path("values").path("MSP").path("value").path("config").path("name")
                .asString())) {
                return org.getKey();
            }
        }
        return fail("no org with MSP id " + mspId + " in the channel: "
            + applicationOrgs(config).propertyNames());
    }

    /** A group new to the channel starts at version 0, with every value and policy in it. */
    private static void resetVersions(final ObjectNode group) {
        group.put("version", "0");
        for (final String kind : List.of("values", "policies")) {
            for (final JsonNode item : group.path(kind)) {
                ((ObjectNode) item).put("version", "0");
            }
        }
        for (final JsonNode child : group.path("groups")) {
            resetVersions((ObjectNode) child);
        }
    }

    /** {@code peer lifecycle chaincode querycommitted -O json} on the platform's own peer. */
    private JsonNode committedDefinition(final String platform) throws Exception {
        return JSON.readTree(cli.asAdminOk(platform, "peer", "lifecycle", "chaincode", "querycommitted",
            "-C", cli.channel(), "-n", cli.network("PN_CC_NAME"), "-O", "json"));
    }

    /** The static config of one collection in a querycommitted answer (Go's JSON of the protobuf, oneofs included). */
    private static JsonNode staticCollection(final JsonNode definition, final String collection) {
        for (final JsonNode config : definition.path("collections").path("config")) {
            final JsonNode found = config.path("Payload").path("StaticCollectionConfig");
            if (collection.equals(found.path("name").asString())) {
                return found;
            }
        }
        return fail("no collection " + collection + " in " + definition);
    }

    /** "MSPID ROLE" of each principal of a collection's signature endorsement policy. */
    private static List<String> endorsers(final JsonNode collection) throws Exception {
        final JsonNode identities = collection.path("endorsement_policy").path("Type").path("SignaturePolicy")
            .path("identities");
        assertTrue(identities.isArray() && !identities.isEmpty(), "no signature policy: " + collection);
        final List<String> principals = new ArrayList<>();
        for (final JsonNode identity : identities) {
            final MSPRole role = MSPRole.parseFrom(Base64.getDecoder().decode(identity.path("principal").asString()));
            principals.add(role.getMspIdentifier() + " " + role.getRole());
        }
        return principals;
    }

    private long height(final String platform) throws Exception {
        final String info = cli.asAdminOk(platform, "peer", "channel", "getinfo", "-c", cli.channel());
        return JSON.readTree(info.substring(info.indexOf('{'))).path("height").asLong();
    }

    private void awaitHeight(final String platform, final long height) throws Exception {
        final long deadline = System.nanoTime() + PEERS_CATCH_UP.toNanos();
        long seen;
        while ((seen = height(platform)) < height) {
            if (System.nanoTime() > deadline) {
                fail(platform + "'s peer is at height " + seen + ", not " + height + ", after " + PEERS_CATCH_UP);
            }
            Thread.sleep(500);
        }
    }
}
