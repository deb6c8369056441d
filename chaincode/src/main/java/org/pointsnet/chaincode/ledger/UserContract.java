package org.pointsnet.chaincode.ledger;

import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.model.RegisteredUser;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.ledger.tx.Users;
import org.pointsnet.chaincode.support.Json;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.UserId;

/**
 * Contract "user": the user registry. A platform registers the ids it creates in its own collection, so that every
 * credit can refuse an id nobody created (docs/ledger.md, "Users").
 */
@Contract(name = UserContract.NAME)
public final class UserContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.USER;

    /**
     * Registers a person's user id {@code <platformId>.<key>} in the named platform's collection; only that
     * platform's clients may (its peer must endorse the write anyway). Idempotent: an id already registered gets the
     * same answer and nothing is written. No receipt and no event: a registration moves no points, and the block
     * should carry no per-user data that is not needed.
     */
    @Transaction(name = Names.REGISTER, intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.USER + ":" + Names.REGISTER, requestJson, Set.of("userId"));
        final String userId = Ids.personUserId("userId", req.text("userId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("userId", UserId.owner(userId).orElseThrow());
        tx.caller().requireOperatorOf(platform, "user:Register");
        final Optional<RegisteredUser> existing = Users.find(tx.state(), userId);
        if (existing.isPresent()) {
            return Json.write(existing.get());
        }
        final RegisteredUser user = new RegisteredUser(userId, platform.platformId());
        tx.state().write(Keys.collection(platform.platformId()), Keys.user(userId), user);
        tx.state().flush();
        return Json.write(user);
    }
}
