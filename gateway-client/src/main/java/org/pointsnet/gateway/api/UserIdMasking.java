package org.pointsnet.gateway.api;

import java.util.function.Predicate;
import org.pointsnet.contract.UserIdMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks, in a ledger answer, every user id that is not the caller's own ({@code userId}, {@code fromUserId},
 * {@code toUserId} members, at any depth): a user's history shows their counterparties only masked
 * ({@link UserIdMask}: the platform and six characters), and a platform back end sees other platforms' users masked.
 */
final class UserIdMasking {

    private UserIdMasking() {
    }

    /** {@code answer} with the user ids {@code own} refuses masked, in place; returns it. */
    static JsonNode maskOthers(final JsonNode answer, final Predicate<String> own) {
        if (answer instanceof ObjectNode object) {
            for (final String name : object.propertyNames()) {
                final JsonNode value = object.get(name);
                if (value.isString() && isUserIdMember(name) && !own.test(value.asString())) {
                    object.put(name, UserIdMask.mask(value.asString()));
                } else if (value.isContainer()) {
                    maskOthers(value, own);
                }
            }
        } else if (answer != null && answer.isArray()) {
            answer.forEach(element -> maskOthers(element, own));
        }
        return answer;
    }

    private static boolean isUserIdMember(final String name) {
        return "userId".equals(name) || name.endsWith("UserId");
    }
}
