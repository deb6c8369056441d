package org.pointsnet.gateway.links;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.LinkGrants;
import org.pointsnet.gateway.consent.Consent;
import org.pointsnet.gateway.consent.ConsentPurpose;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.fabric.ChaincodeRejectedException;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.trust.TrustedMsps;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of identity links. The hand-over: the person, signed in at B, asks B's gateway for a link grant
 * for A; B's gateway writes an offer (the grant's hash, B's pseudonym, B's consent hash) into the A–B link
 * collection with both peers' endorsements and gives the secret to the person only; the person, signed in at A,
 * presents it to A's gateway, which accepts the offer on chain. Neither gateway sees the other's token, and each
 * learns only the other side's pseudonym. Every link write travels as transient data with exactly the two
 * platforms' peers as endorsers, so no third platform sees a user id, a key or an event of it.
 */
public final class IdentityLinks {

    /** How long a grant stays good: the person moves from one app to the other at once. */
    public static final Duration GRANT_VALIDITY = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.shared();

    private final LedgerClient ledger;
    private final ConsentStore consents;
    private final TrustedMsps msps;
    private final String ownPlatformId;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdentityLinks(final LedgerClient ledger, final ConsentStore consents, final TrustedMsps msps,
                         final String ownPlatformId, final Clock clock) {
        this.ledger = ledger;
        this.consents = consents;
        this.msps = msps;
        this.ownPlatformId = ownPlatformId;
        this.clock = clock;
    }

    /** This gateway's platform. */
    public String ownPlatformId() {
        return ownPlatformId;
    }

    /** Offers to link {@code userId} with their account on {@code toPlatformId}: needs LINK_ACCOUNTS there. */
    public LinkGrant offer(final String userId, final String toPlatformId) {
        final List<String> endorsers = endorsers(toPlatformId);
        final Consent consent = requireConsent(userId, ConsentPurpose.LINK_ACCOUNTS, toPlatformId);
        final boolean share = consents.active(userId, ConsentPurpose.SHARE_BALANCES, toPlatformId).isPresent();
        final byte[] secret = new byte[32];
        random.nextBytes(secret);
        final String grant = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        final Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(GRANT_VALIDITY);
        ledger.submitPrivately(LedgerFunction.OFFER_LINK, new LedgerRequest.OfferLink(ownPlatformId, userId,
            toPlatformId, LinkGrants.hash(grant), expiresAt.toString(), share, consent.digest()), endorsers);
        return new LinkGrant(grant, ownPlatformId, toPlatformId, expiresAt);
    }

    /** Accepts {@code fromPlatformId}'s grant for {@code userId}: needs LINK_ACCOUNTS with that platform here. */
    public LinkView accept(final String userId, final String fromPlatformId, final String grant) {
        final List<String> endorsers = endorsers(fromPlatformId);
        final Consent consent = requireConsent(userId, ConsentPurpose.LINK_ACCOUNTS, fromPlatformId);
        final boolean share = consents.active(userId, ConsentPurpose.SHARE_BALANCES, fromPlatformId).isPresent();
        ledger.submitPrivately(LedgerFunction.ACCEPT_LINK, new LedgerRequest.AcceptLink(ownPlatformId, userId,
            fromPlatformId, grant, share, consent.digest()), endorsers);
        return find(userId, fromPlatformId).orElseThrow(() -> new ApiRequestException(
            ErrorCode.LEDGER_UNAVAILABLE, "The link was made but cannot be read yet."));
    }

    /** Removes {@code userId}'s link with {@code linkedPlatformId} (404 when there is none). */
    public void unlink(final String userId, final String linkedPlatformId) {
        ledger.submitPrivately(LedgerFunction.UNLINK, new LedgerRequest.Unlink(ownPlatformId, userId,
            linkedPlatformId), endorsers(linkedPlatformId));
    }

    /** Sets on chain whether this side shares the user's balances with the linked platform, when linked. */
    public void share(final String userId, final String linkedPlatformId, final boolean share,
                      final String consentDigest) {
        if (find(userId, linkedPlatformId).isPresent()) {
            ledger.submitPrivately(LedgerFunction.SHARE_LINK, new LedgerRequest.ShareLink(ownPlatformId, userId,
                linkedPlatformId, share, consentDigest), endorsers(linkedPlatformId));
        }
    }

    /** The user's link with {@code linkedPlatformId}, read from this platform's peer; empty when none. */
    public Optional<LinkView> find(final String userId, final String linkedPlatformId) {
        final String answer;
        try {
            answer = ledger.evaluate(LedgerFunction.GET_LINK, new LedgerRequest.GetLink(userId, linkedPlatformId));
        } catch (ChaincodeRejectedException e) {
            if (e.errorCode().filter(org.pointsnet.contract.ErrorCode.NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        final JsonNode node = JSON.readTree(answer);
        final JsonNode mine = node.path("link");
        return Optional.of(new LinkView(linkedPlatformId, mine.path("linkedUserId").asString(),
            mine.path("since").asString(), mine.path("share").asBoolean(),
            node.path("linked").path("share").asBoolean()));
    }

    /** Every link of the user, with each other platform this gateway knows. */
    public List<LinkView> links(final String userId) {
        final List<LinkView> links = new ArrayList<>();
        for (final String platformId : msps.platformIds()) {
            if (!platformId.equals(ownPlatformId)) {
                find(userId, platformId).ifPresent(links::add);
            }
        }
        return links;
    }

    /**
     * The linked account's user id on {@code platformId} when the person may see its data here: their own
     * LINK_ACCOUNTS consent holds on this platform and the other side shares (its SHARE_BALANCES consent, on chain).
     * 404 without a link; 403 CONSENT_REQUIRED otherwise.
     */
    public String readableLinkedUser(final String userId, final String platformId) {
        final LinkView link = find(userId, platformId).orElseThrow(() -> new ApiRequestException(
            ErrorCode.NOT_FOUND, "No link with '" + platformId + "'."));
        requireConsent(userId, ConsentPurpose.LINK_ACCOUNTS, platformId);
        if (!link.sharedWithUs()) {
            throw new ApiRequestException(ErrorCode.CONSENT_REQUIRED,
                "The person does not share their balances on '" + platformId + "' with '" + ownPlatformId
                    + "' (consent SHARE_BALANCES on '" + platformId + "').");
        }
        return link.linkedUserId();
    }

    /** The user's consent for {@code purpose} with {@code platformId} that holds now; 403 CONSENT_REQUIRED if none. */
    public Consent requireConsent(final String userId, final ConsentPurpose purpose, final String platformId) {
        return consents.active(userId, purpose, platformId).orElseThrow(() -> new ApiRequestException(
            ErrorCode.CONSENT_REQUIRED, "This needs the person's consent " + purpose
                + (platformId == null ? "" : " for '" + platformId + "'") + ": POST /api/v1/consents."));
    }

    /** This platform's and {@code otherPlatformId}'s MSPs: the two link collection members, both must endorse. */
    private List<String> endorsers(final String otherPlatformId) {
        if (otherPlatformId.equals(ownPlatformId)) {
            throw ApiRequestException.invalid("platformId must name another platform than '" + ownPlatformId + "'");
        }
        final String other = msps.mspOf(otherPlatformId).orElseThrow(() -> new ApiRequestException(
            ErrorCode.NOT_FOUND, "Platform '" + otherPlatformId + "' is not known here."));
        final String own = msps.mspOf(ownPlatformId).orElseThrow(() -> new IllegalStateException(
            "this gateway's platform '" + ownPlatformId + "' is not in its trust configuration"));
        return List.of(own, other);
    }
}
