package org.pointsnet.chaincode.ledger.tx;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.USER_NOT_FOUND;

import java.util.Optional;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.DirectoryEntry;
import org.pointsnet.chaincode.ledger.model.RegisteredUser;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.contract.UserId;

/**
 * The user registry: a person's user id {@code <platformId>.<key>} exists when the platform it names registered it in
 * its own collection ({@code user~<userId>}), which only that platform's peer can write. One key per user, written
 * once and read by credits only, so it adds no contention.
 */
public final class Users {
    private Users() {}

    /** The registration of a well-formed person's id; empty when its platform is unknown or never registered it. */
    public static Optional<RegisteredUser> find(final LedgerState state, final String userId) {
        final Optional<String> owner = UserId.owner(userId);
        // A platform without a directory entry has no collection to read (the peer would fail on it).
        if (owner.isEmpty() || state.readPublic(Keys.directory(owner.get()), DirectoryEntry.class).isEmpty()) {
            return Optional.empty();
        }
        return state.read(Keys.collection(owner.get()), Keys.user(userId), RegisteredUser.class);
    }

    /** Refuses a credit to a user id that its platform never registered. */
    public static void requireRegistered(final LedgerState state, final String userId) {
        if (find(state, userId).isEmpty()) {
            throw refusal(USER_NOT_FOUND, "user '" + Ids.display(userId) + "' was never registered by its platform");
        }
    }
}
