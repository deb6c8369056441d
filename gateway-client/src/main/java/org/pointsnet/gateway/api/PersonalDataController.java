package org.pointsnet.gateway.api;

import org.pointsnet.gateway.links.IdentityLinks;
import org.pointsnet.gateway.links.LinkView;
import org.pointsnet.gateway.security.CallerContext;
import org.pointsnet.gateway.users.PersonalData;
import org.pointsnet.gateway.users.PlatformUsers;
import org.pointsnet.gateway.web.ApiRequestException;
import org.pointsnet.gateway.web.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's data on this gateway (issue 15, "Export and erase"): an end user exports and erases their own with
 * their own token ({@code /api/v1/me/personal-data}); the platform's back end does the same for one of its own users
 * on a data subject request ({@code /api/v1/users/{userId}/personal-data}, scope {@code platform.admin}). Erasing
 * first removes the person's identity links on chain (so no linked platform goes on reading through them), then
 * deletes the off-chain data, consent records included, and every token of the person; what stays on chain is
 * explained in docs/architecture.md, "Personal data at rest".
 */
@RestController
@RequestMapping("/api/v1")
public class PersonalDataController {

    private final PlatformUsers users;
    private final ObjectProvider<IdentityLinks> links;
    private final CallerContext caller;

    public PersonalDataController(final PlatformUsers users, final ObjectProvider<IdentityLinks> links,
                                  final CallerContext caller) {
        this.users = users;
        this.links = links;
        this.caller = caller;
    }

    /** Everything this gateway holds about the token's own user. */
    @GetMapping("/me/personal-data")
    public PersonalData exportOwn() {
        return users.export(self());
    }

    /** Erases the token's own user: afterwards the token (and every other of theirs) is refused. */
    @DeleteMapping("/me/personal-data")
    public ObjectNode eraseOwn() {
        return erased(self());
    }

    /** A platform back end's export of one of its own users. */
    @GetMapping("/users/{userId}/personal-data")
    public PersonalData export(@PathVariable final String userId) {
        return users.export(ownUser(userId));
    }

    /** A platform back end's erasure of one of its own users. */
    @DeleteMapping("/users/{userId}/personal-data")
    public ObjectNode erase(@PathVariable final String userId) {
        return erased(ownUser(userId));
    }

    private ObjectNode erased(final String userId) {
        // Links first: unlinking needs the ledger, and a failure here leaves everything in place for a retry.
        final IdentityLinks identityLinks = links.getIfAvailable();
        if (identityLinks != null) {
            for (final LinkView link : identityLinks.links(userId)) {
                identityLinks.unlink(userId, link.platformId());
            }
        }
        final boolean held = users.erase(userId);
        final ObjectNode out = JsonRequest.JSON.createObjectNode();
        out.put("userId", userId);
        out.put("erased", held);
        return out;
    }

    private String self() {
        return caller.userId().orElseThrow(() -> new ApiRequestException(ErrorCode.FORBIDDEN,
            "/api/v1/me is an end user's own record: it needs the user's own token."));
    }

    private String ownUser(final String userId) {
        Validation.userId("userId", userId);
        if (caller.userId().isPresent()) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN, "An end user reads and erases only their own record, "
                + "at /api/v1/me/personal-data.");
        }
        final String own = Ledger.caller(caller);
        if (!userId.startsWith(own + ".")) {
            throw new ApiRequestException(ErrorCode.FORBIDDEN,
                "A platform client handles only its own platform's users ('" + own + ".…').");
        }
        return userId;
    }
}
