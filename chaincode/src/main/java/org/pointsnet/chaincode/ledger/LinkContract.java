package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.FORBIDDEN;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.LinkOffer;
import org.pointsnet.chaincode.ledger.model.LinkSide;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.ledger.tx.Users;
import org.pointsnet.chaincode.support.Json;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;
import org.pointsnet.contract.LinkGrants;
import org.pointsnet.contract.UserId;

/**
 * Contract "link": identity links between one person's accounts on two platforms (docs/ledger.md, "Identity links").
 * Everything lives in the pair's link collection, which only the two platforms' orgs hold and whose writes need both
 * peers' endorsements; requests travel as transient data (key {@value #TRANSIENT_KEY}) and answers of submitted
 * functions name no user, so the block carries no user id, and no function emits an event. Nothing personal: two
 * pseudonyms, two consent hashes, flags and times.
 */
@Contract(name = LinkContract.NAME)
public final class LinkContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.LINK;
    /** The transient-data key of a link request (the argument is then {@code {}}). */
    public static final String TRANSIENT_KEY = "request";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * The offering side (B's client, for B's user) opens an offer that only {@code toPlatformId} can accept, with the
     * secret whose hash is {@code grantHash}, until {@code expiresAt} (at most {@link Limits#MAX_LINK_GRANT_SECONDS}
     * after the transaction time).
     */
    @Transaction(name = Names.OFFER, intent = Transaction.TYPE.SUBMIT)
    public String offer(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LINK + ":" + Names.OFFER, privateRequest(ctx, requestJson),
                Set.of("platformId", "userId", "toPlatformId", "grantHash", "expiresAt", "share", "consentHash"));
        final Tx tx = Tx.of(ctx);
        final Platform own = tx.platform("platformId", req.text("platformId"));
        tx.caller().requireOperatorOf(own, "link:Offer");
        final String userId = ownUser(tx, own, req.text("userId"));
        final Platform to = tx.platform("toPlatformId", req.text("toPlatformId"));
        Conversions.requireDistinct(own.platformId(), to.platformId());
        final String grantHash = sha256Hex("grantHash", req.text("grantHash"));
        final Instant expiresAt = instant("expiresAt", req.text("expiresAt"));
        if (!expiresAt.isAfter(tx.at()) || expiresAt.isAfter(tx.at().plusSeconds(Limits.MAX_LINK_GRANT_SECONDS))) {
            throw refusal(VALIDATION_FAILED, "expiresAt must be after the transaction time and at most "
                    + Limits.MAX_LINK_GRANT_SECONDS + " s later");
        }
        final String collection = Keys.linkCollection(own.platformId(), to.platformId());
        requireUnlinked(tx.state(), collection, userId);
        if (tx.state().raw(collection, Keys.linkOffer(grantHash)).isPresent()) {
            throw refusal(VALIDATION_FAILED, "this grant was offered before");
        }
        final LinkOffer offer = new LinkOffer(own.platformId(), userId, to.platformId(), expiresAt.toString(),
                req.optBoolean("share").orElse(false), sha256Hex("consentHash", req.text("consentHash")));
        tx.state().write(collection, Keys.linkOffer(grantHash), offer);
        tx.state().flush();
        return Json.write(sorted(Map.of("toPlatformId", to.platformId(), "expiresAt", offer.expiresAt())));
    }

    /**
     * The accepting side (A's client, for A's user) presents the grant secret of an open offer made to A; the link
     * is written on both sides and the offer deleted. The answer (part of the block) names no user.
     */
    @Transaction(name = Names.ACCEPT, intent = Transaction.TYPE.SUBMIT)
    public String accept(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LINK + ":" + Names.ACCEPT, privateRequest(ctx, requestJson),
                Set.of("platformId", "userId", "fromPlatformId", "grant", "share", "consentHash"));
        final Tx tx = Tx.of(ctx);
        final Platform own = tx.platform("platformId", req.text("platformId"));
        tx.caller().requireOperatorOf(own, "link:Accept");
        final String userId = ownUser(tx, own, req.text("userId"));
        final Platform from = tx.platform("fromPlatformId", req.text("fromPlatformId"));
        Conversions.requireDistinct(own.platformId(), from.platformId());
        final String grantHash = LinkGrants.hash(Ids.text("grant", req.text("grant"), Limits.MAX_ID));
        final String consentHash = sha256Hex("consentHash", req.text("consentHash"));
        final String collection = Keys.linkCollection(own.platformId(), from.platformId());
        final LinkOffer offer = tx.state().read(collection, Keys.linkOffer(grantHash), LinkOffer.class)
                .filter(o -> o.toPlatformId().equals(own.platformId()) && o.platformId().equals(from.platformId()))
                .orElseThrow(() -> refusal(NOT_FOUND, "no open link offer of '" + from.platformId()
                        + "' for this grant"));
        if (tx.at().isAfter(Instant.parse(offer.expiresAt()))) {
            throw refusal(NOT_FOUND, "the link offer expired at " + offer.expiresAt());
        }
        requireUnlinked(tx.state(), collection, userId);
        requireUnlinked(tx.state(), collection, offer.userId());
        final String at = tx.timestamp();
        final LinkSide mine = new LinkSide(userId, own.platformId(), offer.userId(), from.platformId(),
                req.optBoolean("share").orElse(false), consentHash, at, at);
        final LinkSide theirs = new LinkSide(offer.userId(), from.platformId(), userId, own.platformId(),
                offer.share(), offer.consentHash(), at, at);
        tx.state().write(collection, Keys.link(userId), mine);
        tx.state().write(collection, Keys.link(offer.userId()), theirs);
        tx.state().delete(collection, Keys.linkOffer(grantHash));
        tx.state().flush();
        // The answer goes into the block (the proposal response): no user id in it.
        return Json.write(sorted(Map.of("linkedPlatformId", from.platformId(), "since", at)));
    }

    /** Either side (its client, for its user) removes the link: both sides' records go. */
    @Transaction(name = Names.UNLINK, intent = Transaction.TYPE.SUBMIT)
    public String unlink(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LINK + ":" + Names.UNLINK, privateRequest(ctx, requestJson),
                Set.of("platformId", "userId", "linkedPlatformId"));
        final Tx tx = Tx.of(ctx);
        final Platform own = tx.platform("platformId", req.text("platformId"));
        tx.caller().requireOperatorOf(own, "link:Unlink");
        final String userId = ownUser(tx, own, req.text("userId"));
        final Platform linked = tx.platform("linkedPlatformId", req.text("linkedPlatformId"));
        final String collection = Keys.linkCollection(own.platformId(), linked.platformId());
        final LinkSide side = side(tx.state(), collection, userId, linked.platformId());
        tx.state().delete(collection, Keys.link(userId));
        tx.state().delete(collection, Keys.link(side.linkedUserId()));
        tx.state().flush();
        return Json.write(sorted(Map.of("linkedPlatformId", linked.platformId(), "unlinkedAt", tx.timestamp())));
    }

    /**
     * One side (its client, for its user) sets whether the other platform may read its user's balances, with the hash
     * of the consent record that says so; a withdrawal takes effect for the other side's next read.
     */
    @Transaction(name = Names.SHARE, intent = Transaction.TYPE.SUBMIT)
    public String share(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LINK + ":" + Names.SHARE, privateRequest(ctx, requestJson),
                Set.of("platformId", "userId", "linkedPlatformId", "share", "consentHash"));
        final Tx tx = Tx.of(ctx);
        final Platform own = tx.platform("platformId", req.text("platformId"));
        tx.caller().requireOperatorOf(own, "link:Share");
        final String userId = ownUser(tx, own, req.text("userId"));
        final Platform linked = tx.platform("linkedPlatformId", req.text("linkedPlatformId"));
        final boolean share = req.optBoolean("share").orElseThrow(
                () -> refusal(VALIDATION_FAILED, "link:Share request needs field 'share'"));
        final String consentHash = sha256Hex("consentHash", req.text("consentHash"));
        final String collection = Keys.linkCollection(own.platformId(), linked.platformId());
        final LinkSide side = side(tx.state(), collection, userId, linked.platformId())
                .sharing(share, consentHash, tx.timestamp());
        tx.state().write(collection, Keys.link(userId), side);
        tx.state().flush();
        return Json.write(sorted(Map.of("linkedPlatformId", linked.platformId(), "share", share,
                "updated", side.updated())));
    }

    /**
     * {@code {link, linked}}: the user's side of their link with {@code linkedPlatformId} and the other side's. Only
     * the two platforms' clients may ask (and only their peers hold the collection).
     */
    @Transaction(name = Names.GET, intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.LINK + ":" + Names.GET, privateRequest(ctx, requestJson),
                Set.of("userId", "linkedPlatformId"));
        final Tx tx = Tx.of(ctx);
        final String userId = Ids.personUserId("userId", req.text("userId"));
        final Platform own = tx.platform("userId", UserId.owner(userId).orElseThrow());
        final Platform linked = tx.platform("linkedPlatformId", req.text("linkedPlatformId"));
        if (!tx.caller().mspId().equals(own.mspId()) && !tx.caller().mspId().equals(linked.mspId())) {
            throw refusal(FORBIDDEN, "only '" + own.platformId() + "' and '" + linked.platformId()
                    + "' may read their links");
        }
        final String collection = Keys.linkCollection(own.platformId(), linked.platformId());
        final LinkSide side = side(tx.state(), collection, userId, linked.platformId());
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("link", side);
        answer.put("linked", tx.state().read(collection, Keys.link(side.linkedUserId()), LinkSide.class)
                .orElseThrow(() -> refusal(NOT_FOUND, "the link has no other side")));
        return Json.write(answer);
    }

    /**
     * The user a conversion from {@code fromPlatformId} to {@code toPlatformId} credits when it asks for "my account
     * there": the other side of the user's link, read from the pair's collection (both endorsers hold it), so no
     * caller can direct such a conversion to any other user.
     */
    static String linkedUserId(final LedgerState state, final String fromPlatformId, final String toPlatformId,
            final String userId) {
        return side(state, Keys.linkCollection(fromPlatformId, toPlatformId), userId, toPlatformId).linkedUserId();
    }

    /** A map's entries in key order: every endorser must return byte-identical answers (Map.of's order varies). */
    private static Map<String, Object> sorted(final Map<String, ?> entries) {
        return new TreeMap<>(entries);
    }

    private static LinkSide side(final LedgerState state, final String collection, final String userId,
            final String linkedPlatformId) {
        return state.read(collection, Keys.link(userId), LinkSide.class)
                .orElseThrow(() -> refusal(NOT_FOUND, "user '" + Ids.display(userId) + "' has no link with '"
                        + linkedPlatformId + "'"));
    }

    private static void requireUnlinked(final LedgerState state, final String collection, final String userId) {
        if (state.raw(collection, Keys.link(userId)).isPresent()) {
            throw refusal(VALIDATION_FAILED, "user '" + Ids.display(userId) + "' is already linked on this pair");
        }
    }

    /** A registered person's id of the caller's own platform. */
    private static String ownUser(final Tx tx, final Platform own, final String value) {
        final String userId = Ids.personUserId("userId", value);
        if (!UserId.owner(userId).orElseThrow().equals(own.platformId())) {
            throw refusal(FORBIDDEN, "userId '" + Ids.display(userId) + "' is not a user of '" + own.platformId()
                    + "'");
        }
        Users.requireRegistered(tx.state(), userId);
        return userId;
    }

    /** The request from the transient data when present (the genuine gateway sends it there), else the argument. */
    private static String privateRequest(final Context ctx, final String argument) {
        final Map<String, byte[]> transientData = ctx.getStub().getTransient();
        final byte[] request = transientData == null ? null : transientData.get(TRANSIENT_KEY);
        return request == null ? argument : new String(request, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(final String field, final String value) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw refusal(VALIDATION_FAILED, field + " must be a SHA-256 as 64 lower-case hex digits");
        }
        return value;
    }

    private static Instant instant(final String field, final String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refusal(VALIDATION_FAILED, field + " must be an ISO-8601 instant");
        }
    }
}
