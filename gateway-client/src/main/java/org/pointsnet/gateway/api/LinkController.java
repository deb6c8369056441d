package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.ConsentController.person;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.UserId;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.links.IdentityLinks;
import org.pointsnet.gateway.links.LinkGrant;
import org.pointsnet.gateway.links.LinkView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity links (docs/architecture.md, "Identity links and consent"): a grant at one platform, its acceptance at
 * the other, the person's linked accounts and their balances, unlinking. No answer names the other side's user id.
 */
@RestController
@RequestMapping(path = "/api/v1/links", produces = MediaType.APPLICATION_JSON_VALUE)
public class LinkController {

    private final IdentityLinks links;
    private final LedgerClient ledger;
    private final CallerContext caller;

    public LinkController(final IdentityLinks links, final LedgerClient ledger, final CallerContext caller) {
        this.links = links;
        this.ledger = ledger;
        this.caller = caller;
    }

    /**
     * {@code {platformId}}: a one-time grant (valid {@link IdentityLinks#GRANT_VALIDITY}) that the person presents to
     * {@code platformId}'s gateway to link the two accounts. Needs LINK_ACCOUNTS for that platform.
     */
    @PostMapping("/grants")
    public ObjectNode grant(@RequestBody(required = false) final String body) {
        final String userId = person(caller);
        final String toPlatformId = JsonRequest.parse(body, "platformId").platformId("platformId");
        final LinkGrant grant = links.offer(userId, toPlatformId);
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("grant", grant.grant());
        out.put("platformId", grant.platformId());
        out.put("toPlatformId", grant.toPlatformId());
        out.put("expiresAt", grant.expiresAt().toString());
        return out;
    }

    /** {@code {platformId, grant}}: links the caller's account with theirs on {@code platformId} (its grant). */
    @PostMapping
    public ObjectNode link(@RequestBody(required = false) final String body) {
        final String userId = person(caller);
        final JsonRequest in = JsonRequest.parse(body, "platformId", "grant");
        final String platformId = in.platformId("platformId");
        final String grant = in.string("grant");
        if (!grant.matches("[A-Za-z0-9_-]{43}")) {
            throw Validation.invalid("grant must be the 43-character grant the other platform issued");
        }
        return json(links.accept(userId, platformId, grant));
    }

    /** {@code {links: [...]}}: the caller's links, one per other platform. */
    @GetMapping
    public ObjectNode list() {
        final String userId = person(caller);
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        final ArrayNode list = out.putArray("links");
        links.links(userId).forEach(link -> list.add(json(link)));
        return out;
    }

    /**
     * Removes the link with {@code platformId}: the person with their token, or this platform's back end for one of
     * its users ({@code ?userId=}).
     */
    @DeleteMapping("/{platformId}")
    public ObjectNode unlink(@PathVariable final String platformId,
                             @RequestParam(name = "userId", required = false) final String userIdParam) {
        Validation.platformId("platformId", platformId);
        final String userId;
        if (caller.userId().isPresent()) {
            userId = caller.userId().get();
            if (userIdParam != null && !userIdParam.equals(userId)) {
                throw new ApiRequestException(ErrorCode.FORBIDDEN, "A user token acts only for its own user.");
            }
        } else {
            final String own = Ledger.caller(caller);
            userId = Validation.userId("userId", userIdParam == null ? "" : userIdParam);
            if (!UserId.owner(userId).map(own::equals).orElse(false)) {
                throw new ApiRequestException(ErrorCode.FORBIDDEN,
                    "A platform client unlinks only its own platform's users ('" + own + ".…').");
            }
        }
        links.unlink(userId, platformId);
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("platformId", platformId);
        out.put("linked", false);
        return out;
    }

    /**
     * The caller's balance on this platform and on every linked platform that shares with it, and their total value
     * in this platform's currency (exact decimals; balances in other currencies are listed, not added). Linked
     * platforms without the consents are listed under {@code withheld}.
     */
    @GetMapping("/balances")
    public ObjectNode balances() {
        final String userId = person(caller);
        final List<JsonNode> accounts = new ArrayList<>();
        accounts.addAll(balances(userId, links.ownPlatformId(), false));
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        final ArrayNode withheld = JsonRequest.JSON.createArrayNode();
        for (final LinkView link : links.links(userId)) {
            try {
                accounts.addAll(balances(links.readableLinkedUser(userId, link.platformId()), link.platformId(), true));
            } catch (ApiRequestException e) {
                if (e.code() != ErrorCode.CONSENT_REQUIRED) {
                    throw e;
                }
                withheld.add(link.platformId());
            }
        }
        return total(out, userId, accounts, withheld);
    }

    /** The caller's balance on linked platform {@code platformId}: 403 CONSENT_REQUIRED unless both consents hold. */
    @GetMapping("/{platformId}/balances")
    public ObjectNode linkedBalance(@PathVariable final String platformId) {
        final String userId = person(caller);
        Validation.platformId("platformId", platformId);
        final String linkedUser = links.readableLinkedUser(userId, platformId);
        return total(JsonRequest.JSON.createObjectNode(), userId, balances(linkedUser, platformId, true),
            JsonRequest.JSON.createArrayNode());
    }

    private List<JsonNode> balances(final String userId, final String platformId, final boolean linked) {
        final JsonNode answer = Ledger.answer(LedgerFunction.GET_BALANCES, ledger.evaluate(
            LedgerFunction.GET_BALANCES, new LedgerRequest.Balances(userId, null, platformId)));
        final List<JsonNode> out = new ArrayList<>();
        for (final JsonNode balance : answer.path("balances")) {
            final ObjectNode account = ((ObjectNode) balance).deepCopy();
            account.put("linked", linked);
            out.add(account);
        }
        if (out.isEmpty()) {
            final ObjectNode empty = JsonRequest.JSON.createObjectNode();
            empty.put("platformId", platformId);
            empty.put("balance", 0);
            empty.put("linked", linked);
            out.add(empty);
        }
        return out;
    }

    private ObjectNode total(final ObjectNode out, final String userId, final List<JsonNode> accounts,
                             final ArrayNode withheld) {
        final String currency = accounts.stream().map(a -> a.path("currency").asString(""))
            .filter(c -> !c.isEmpty()).findFirst().orElse(null);
        BigDecimal total = BigDecimal.ZERO;
        for (final JsonNode account : accounts) {
            if (currency != null && currency.equals(account.path("currency").asString(""))) {
                total = total.add(new BigDecimal(account.path("value").asString("0")));
            }
        }
        out.put("userId", userId);
        out.putArray("accounts").addAll(accounts);
        out.set("withheld", withheld);
        out.put("totalValue", total.signum() == 0 ? "0" : total.stripTrailingZeros().toPlainString());
        if (currency != null) {
            out.put("currency", currency);
        }
        return out;
    }

    private static ObjectNode json(final LinkView link) {
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("platformId", link.platformId());
        out.put("linked", true);
        out.put("since", link.since());
        out.put("shared", link.shared());
        out.put("sharedWithUs", link.sharedWithUs());
        return out;
    }
}
