package org.pointsnet.gateway.api;

import static org.pointsnet.gateway.api.Ledger.caller;
import static org.pointsnet.gateway.api.Ledger.requireCaller;
import static org.pointsnet.gateway.api.Ledger.requireUser;

import java.util.Map;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;
import org.pointsnet.contract.Limits;
import org.pointsnet.gateway.consent.ConsentPurpose;
import org.pointsnet.gateway.ledger.LedgerClient;
import org.pointsnet.gateway.links.IdentityLinks;
import org.pointsnet.gateway.quotes.InvalidQuoteException;
import org.pointsnet.gateway.quotes.LockedQuote;
import org.pointsnet.gateway.quotes.QuoteTokens;
import org.pointsnet.gateway.security.CallerContext;
import org.pointsnet.gateway.users.PlatformUsers;
import org.pointsnet.gateway.users.UserCredentials;
import org.pointsnet.gateway.users.UserIds;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Platforms, users, balances, history, issuances, burns, transfers, quotes, conversions, rewards, redemptions. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class PointsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final LedgerClient ledger;
    private final CallerContext caller;
    private final UserIds userIds;
    private final ObjectProvider<UserCredentials> credentials;
    private final ObjectProvider<PlatformUsers> users;
    private final QuoteTokens quotes;
    private final ObjectProvider<IdentityLinks> links;

    public PointsController(final LedgerClient ledger, final CallerContext caller, final UserIds userIds,
                            final ObjectProvider<UserCredentials> credentials, final QuoteTokens quotes,
                            final ObjectProvider<PlatformUsers> users, final ObjectProvider<IdentityLinks> links) {
        this.ledger = ledger;
        this.caller = caller;
        this.userIds = userIds;
        this.credentials = credentials;
        this.users = users;
        this.quotes = quotes;
        this.links = links;
    }

    @GetMapping("/platforms")
    public JsonNode platforms() {
        return Ledger.answer(LedgerFunction.LIST_PLATFORMS,
            ledger.evaluate(LedgerFunction.LIST_PLATFORMS, new LedgerRequest.NoArguments()));
    }

    /**
     * The caller's platform user as a network user id. With {@code password} (12 to 128 characters) the user can
     * also sign in to this gateway's login page and let the platform's app act for them (authorization code +
     * PKCE); the password is stored only as a hash and setting it again replaces it. The id is registered on the
     * ledger ({@code user:Register} in the platform's own collection) before it is returned: only registered ids can
     * receive points.
     */
    @PostMapping("/users")
    public ObjectNode user(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                           @RequestBody(required = false) final String body) {
        Validation.idempotencyKey(key);
        final JsonRequest in = JsonRequest.parse(body, "platformUserId", "password");
        final String platformUserId = Validation.visibleAscii("platformUserId", in.string("platformUserId"), 128);
        final String password = in.optionalText("password", MAX_PASSWORD);
        if (password != null && password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw Validation.invalid("password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        // A random pseudonym per person, kept sealed (PlatformUsers); deterministic only without the user store.
        final PlatformUsers registry = users.getIfAvailable();
        final String userId = registry != null ? registry.register(caller(caller), platformUserId)
            : userIds.userId(caller(caller), platformUserId);
        // On the ledger first (idempotent): credits refuse ids their platform never registered, and a user who can
        // sign in must be one the ledger knows.
        ledger.registerUser(userId);
        if (password != null) {
            final UserCredentials store = credentials.getIfAvailable();
            if (store == null) {
                throw Validation.invalid("This gateway does not sign users in (its tokens come from an external "
                    + "issuer): send no password.");
            }
            store.setPassword(userId, password);
        }
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("userId", userId);
        return out;
    }

    /**
     * The user's balances: with the user's own token on every platform; with a platform back end's token (its own
     * users only) on that platform only ({@link Ledger#readerScope}).
     */
    @GetMapping("/users/{userId}/balances")
    public JsonNode balances(@PathVariable final String userId) {
        final String only = Ledger.readerScope(caller, Validation.userId("userId", userId)).orElse(null);
        final LedgerRequest.Balances request = new LedgerRequest.Balances(userId, null, only);
        return Ledger.answer(LedgerFunction.GET_BALANCES, ledger.evaluate(LedgerFunction.GET_BALANCES, request));
    }

    /**
     * The user's receipts, newest first; a platform back end sees those on its own platform only. User ids other than
     * the caller's own are masked ({@link UserIdMasking}).
     */
    @GetMapping("/users/{userId}/history")
    public JsonNode history(@PathVariable final String userId,
                            @RequestParam(required = false) final String cursor,
                            @RequestParam(required = false) final String limit) {
        final String only = Ledger.readerScope(caller, Validation.userId("userId", userId)).orElse(null);
        final long pageSize = limit == null ? 50 : Validation.queryInteger("limit", limit, 1, 200);
        if (cursor != null) {
            Validation.visibleAscii("cursor", cursor, Validation.MAX_CURSOR);
        }
        final LedgerRequest.History request = new LedgerRequest.History(userId, pageSize, cursor, only);
        // Counterparties that are not the caller's own (another user; another platform's user) are masked.
        return UserIdMasking.maskOthers(Ledger.answer(LedgerFunction.GET_HISTORY,
            ledger.evaluate(LedgerFunction.GET_HISTORY, request)),
            id -> id.equals(userId) || only != null && id.startsWith(only + "."));
    }

    @PostMapping("/issuances")
    public ReceiptResponse issue(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                 @RequestBody(required = false) final String body) {
        return issueOrBurn(LedgerFunction.ISSUE, key, body);
    }

    @PostMapping("/burns")
    public ReceiptResponse burn(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                @RequestBody(required = false) final String body) {
        return issueOrBurn(LedgerFunction.BURN, key, body);
    }

    private ReceiptResponse issueOrBurn(final LedgerFunction function, final String key, final String body) {
        final String requestId = Ledger.requestId(caller, key);
        final boolean issue = function == LedgerFunction.ISSUE;
        final JsonRequest in = issue ? JsonRequest.parse(body, "userId", "amount", "reason", "category")
            : JsonRequest.parse(body, "userId", "amount", "reason");
        // The caller's platform before the body's fields: a request that acts for no platform is 403, not 400.
        final String platformId = caller(caller);
        final String userId = in.userId("userId");
        final long amount = in.amount("amount");
        final String reason = in.optionalText("reason", Limits.MAX_TEXT);
        // An earning category (issue only): amount is then the base amount, the chaincode applies the multiplier.
        final String category = issue && in.has("category")
            ? Validation.category("category", in.string("category")) : null;
        final LedgerRequest.IssueOrBurn request = new LedgerRequest.IssueOrBurn(requestId, platformId, userId,
            amount, reason, category);
        return ReceiptResponse.of(ledger.submit(function, request));
    }

    @PostMapping("/transfers")
    public ReceiptResponse transfer(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                    @RequestBody(required = false) final String body) {
        final String requestId = Ledger.requestId(caller, key);
        final JsonRequest in = JsonRequest.parse(body, "platformId", "fromUserId", "toUserId", "amount", "reason");
        final String platformId = in.platformId("platformId");
        final String from = in.userId("fromUserId");
        final String to = in.userId("toUserId");
        final long amount = in.amount("amount");
        final String reason = in.optionalText("reason", Limits.MAX_TEXT);
        if (from.equals(to)) {
            throw Validation.invalid("toUserId must differ from fromUserId");
        }
        requireCaller(caller, platformId);
        requireUser(caller, from);
        return ReceiptResponse.of(ledger.submit(LedgerFunction.TRANSFER,
            new LedgerRequest.Transfer(requestId, platformId, from, to, amount, reason)));
    }

    @GetMapping("/quotes")
    public JsonNode quote(@RequestParam(required = false) final String from,
                          @RequestParam(required = false) final String to,
                          @RequestParam(required = false) final String amount) {
        final LedgerRequest.Quote request = new LedgerRequest.Quote(Validation.platformId("from", from),
            Validation.platformId("to", to), Validation.queryInteger("amount", amount, 1, Limits.MAX_AMOUNT));
        final JsonNode quote = Ledger.answer(LedgerFunction.QUOTE, ledger.evaluate(LedgerFunction.QUOTE, request));
        if (quote instanceof ObjectNode object && quote.path("rules").isObject() && !quote.has("ruleVersion")) {
            final String version = ruleVersion(quote.get("rules"));
            object.put("ruleVersion", version);
            // The locked quote: POST /conversions with this id executes exactly these rules and amounts, or nothing.
            final LockedQuote locked = quotes.lock(request.fromPlatformId(), request.toPlatformId(),
                request.amount(), quote.path("amountOut").asLong(), version);
            object.put("quoteId", quotes.mint(locked));
            object.put("expiresAt", locked.expiresAt().toString());
        }
        return quote;
    }

    /**
     * API.md's {@code ruleVersion}: the versions of every rule the quote used, in one opaque string (e.g.
     * {@code "rateSource=UNIT_VALUE;fromPlatformVersion=1;toPlatformVersion=1;fromValueVersion=2;toValueVersion=1"});
     * it changes whenever any of them changes. The chaincode's {@code rules} object stays in the answer.
     */
    static String ruleVersion(final JsonNode rules) {
        final StringBuilder version = new StringBuilder();
        for (final Map.Entry<String, JsonNode> rule : rules.properties()) {
            if (rule.getValue().isValueNode() && !rule.getValue().isNull()) {
                if (!version.isEmpty()) {
                    version.append(';');
                }
                version.append(rule.getKey()).append('=').append(rule.getValue().asString());
            }
        }
        return version.toString();
    }

    @PostMapping("/conversions")
    public ReceiptResponse convert(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                   @RequestBody(required = false) final String body) {
        final String requestId = Ledger.requestId(caller, key);
        final JsonRequest in = JsonRequest.parse(body,
            "userId", "fromPlatformId", "toPlatformId", "amount", "toUserId", "minAmountOut", "quoteId",
            "toLinkedAccount");
        final String userId = in.userId("userId");
        final String fromPlatformId = in.platformId("fromPlatformId");
        final String toPlatformId = in.platformId("toPlatformId");
        final long amount = in.amount("amount");
        final String toUserId = in.optionalUserId("toUserId");
        final Long minAmountOut = in.optionalAmount("minAmountOut");
        final String quoteId = in.optionalString("quoteId");
        final boolean toLinkedAccount = in.optionalBoolean("toLinkedAccount");
        if (fromPlatformId.equals(toPlatformId)) {
            throw Validation.invalid("toPlatformId must differ from fromPlatformId");
        }
        if (toLinkedAccount && toUserId != null) {
            throw Validation.invalid("toUserId and toLinkedAccount exclude each other");
        }
        // The source platform's client initiates a conversion: its points leave.
        requireCaller(caller, fromPlatformId);
        requireUser(caller, userId);
        if (toLinkedAccount) {
            // "My account on B": the chaincode resolves it from the link; the person's link consent must hold here.
            links.getObject().requireConsent(userId, ConsentPurpose.LINK_ACCOUNTS, toPlatformId);
        }
        final Boolean linked = toLinkedAccount ? Boolean.TRUE : null;
        if (quoteId == null) {
            return ReceiptResponse.of(ledger.submit(LedgerFunction.CONVERT, new LedgerRequest.Convert(requestId,
                userId, fromPlatformId, toPlatformId, amount, toUserId, minAmountOut, null, null, null, linked)));
        }
        final LockedQuote locked = lockedQuote(quoteId, fromPlatformId, toPlatformId, amount);
        return ReceiptResponse.of(ledger.submit(LedgerFunction.CONVERT, new LedgerRequest.Convert(requestId, userId,
            fromPlatformId, toPlatformId, amount, toUserId, minAmountOut, locked.amountOut(), locked.rules(),
            locked.expiresAt().toString(), linked)));
    }

    /**
     * The quote {@code quoteId} locks, which must be this conversion's: 400 for an id this gateway did not issue (or
     * an altered one) or one of another conversion, QUOTE_EXPIRED (409) when its time is up by this gateway's clock.
     * The chaincode checks the rules and the amount against the ledger (RULES_CHANGED) and the expiry again against
     * the transaction time.
     */
    private LockedQuote lockedQuote(final String quoteId, final String from, final String to, final long amount) {
        final LockedQuote locked;
        try {
            locked = quotes.read(quoteId);
        } catch (InvalidQuoteException e) {
            throw Validation.invalid(e.getMessage());
        }
        if (!locked.fromPlatformId().equals(from) || !locked.toPlatformId().equals(to) || locked.amountIn() != amount) {
            throw Validation.invalid("quoteId is a quote of " + locked.amountIn() + " from '" + locked.fromPlatformId()
                + "' to '" + locked.toPlatformId() + "', not of this conversion");
        }
        if (quotes.now().isAfter(locked.expiresAt())) {
            throw new ApiRequestException(ErrorCode.QUOTE_EXPIRED,
                "The quote held until " + locked.expiresAt() + ": get a new quote.");
        }
        return locked;
    }

    @GetMapping("/rewards")
    public JsonNode rewards(@RequestParam(required = false) final String platformId) {
        final LedgerRequest.OfPlatform request =
            new LedgerRequest.OfPlatform(Validation.platformId("platformId", platformId));
        return Ledger.answer(LedgerFunction.LIST_REWARDS, ledger.evaluate(LedgerFunction.LIST_REWARDS, request));
    }

    @PostMapping("/redemptions")
    public ReceiptResponse redeem(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) final String key,
                                  @RequestBody(required = false) final String body) {
        final String requestId = Ledger.requestId(caller, key);
        final JsonRequest in = JsonRequest.parse(body, "userId", "platformId", "rewardId", "quantity");
        final String userId = in.userId("userId");
        final String platformId = in.platformId("platformId");
        final String rewardId = Validation.visibleAscii("rewardId", in.string("rewardId"), Limits.MAX_ID);
        final long quantity = in.integer("quantity", 1, 1_000_000);
        requireCaller(caller, platformId);
        requireUser(caller, userId);
        return ReceiptResponse.of(ledger.submit(LedgerFunction.REDEEM,
            new LedgerRequest.Redeem(requestId, platformId, userId, rewardId, quantity)));
    }
}
