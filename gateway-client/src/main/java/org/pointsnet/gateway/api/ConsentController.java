package org.pointsnet.gateway.api;

import java.util.Locale;
import org.pointsnet.gateway.consent.Consent;
import org.pointsnet.gateway.consent.ConsentPurpose;
import org.pointsnet.gateway.consent.ConsentStore;
import org.pointsnet.gateway.links.IdentityLinks;
import org.pointsnet.gateway.security.CallerContext;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's consents, with their own token only: list, grant, withdraw. A withdrawal holds at once on this gateway
 * and, for a link or sharing consent, is written on chain before the answer, so the linked platform's gateway stops
 * reading too (docs/architecture.md, "Identity links and consent").
 */
@RestController
@RequestMapping(path = "/api/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsentController {

    private final ConsentStore consents;
    private final IdentityLinks links;
    private final CallerContext caller;

    public ConsentController(final ConsentStore consents, final IdentityLinks links, final CallerContext caller) {
        this.consents = consents;
        this.links = links;
        this.caller = caller;
    }

    /** {@code {consents: [...]}}: every consent of the caller, granted and withdrawn, oldest first. */
    @GetMapping
    public ObjectNode list() {
        final String userId = person(caller);
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        final ArrayNode list = out.putArray("consents");
        consents.list(userId).forEach(c -> list.add(json(c)));
        return out;
    }

    /**
     * {@code {purpose, platformId?}}: grants a consent (the one that holds already, when there is one). Granting
     * SHARE_BALANCES for a platform the person is linked with turns sharing on, on chain.
     */
    @PostMapping
    public ObjectNode grant(@RequestBody(required = false) final String body) {
        final String userId = person(caller);
        final JsonRequest in = JsonRequest.parse(body, "purpose", "platformId");
        final ConsentPurpose purpose = purpose(in.string("purpose"));
        final String platformId = in.has("platformId") ? in.platformId("platformId") : null;
        if (purpose.needsPlatform() != (platformId != null)) {
            throw Validation.invalid(purpose.needsPlatform() ? "platformId is required for " + purpose
                : "platformId is not taken for " + purpose);
        }
        if (links.ownPlatformId().equals(platformId)) {
            throw Validation.invalid("platformId must name another platform than '" + links.ownPlatformId() + "'");
        }
        final Consent consent = consents.grant(userId, purpose, platformId);
        if (purpose == ConsentPurpose.SHARE_BALANCES) {
            links.share(userId, platformId, true, consent.digest());
        }
        return json(consent);
    }

    /**
     * Withdraws the caller's consent {@code id}: at once here; a SHARE_BALANCES withdrawal turns sharing off on chain
     * and a LINK_ACCOUNTS withdrawal removes the link, both before the answer. Withdrawing again repeats the chain
     * write (after a failure) and keeps the first withdrawal time.
     */
    @DeleteMapping("/{id}")
    public ObjectNode withdraw(@PathVariable final String id) {
        final String userId = person(caller);
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new ApiRequestException(ErrorCode.NOT_FOUND, "No such consent.");
        }
        final Consent consent = consents.withdraw(userId, id)
            .orElseThrow(() -> new ApiRequestException(ErrorCode.NOT_FOUND, "No such consent."));
        if (consent.purpose() == ConsentPurpose.SHARE_BALANCES) {
            links.share(userId, consent.platformId(), false, consent.digest());
        } else if (consent.purpose() == ConsentPurpose.LINK_ACCOUNTS
            && links.find(userId, consent.platformId()).isPresent()) {
            links.unlink(userId, consent.platformId());
        }
        return json(consent);
    }

    /** The end user a token acts for; a platform back end's token is refused (403): consents are the person's. */
    static String person(final CallerContext caller) {
        return caller.userId().orElseThrow(() -> new ApiRequestException(ErrorCode.FORBIDDEN,
            "Only the person's own token may do this."));
    }

    private static ConsentPurpose purpose(final String value) {
        try {
            return ConsentPurpose.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("purpose must be one of LINK_ACCOUNTS, SHARE_BALANCES, ANALYTICS");
        }
    }

    private static ObjectNode json(final Consent consent) {
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("consentId", consent.consentId());
        out.put("purpose", consent.purpose().name());
        if (consent.platformId() != null) {
            out.put("platformId", consent.platformId());
        }
        out.put("grantedAt", consent.grantedAt().toString());
        if (consent.withdrawnAt() != null) {
            out.put("withdrawnAt", consent.withdrawnAt().toString());
        }
        out.put("active", consent.active());
        out.put("digest", consent.digest());
        return out;
    }
}
