package org.pointsnet.chaincode.ledger.tx;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.INSUFFICIENT_BALANCE;

import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;

/** Account balances: one key per (platform, user), so different users never touch the same key. */
public final class Accounts {
    private Accounts() {}

    /** The spendable balance (0 for an account never written). */
    public static long balance(final LedgerState state, final String platformId, final String userId) {
        return state.read(Keys.collection(platformId), Keys.account(userId), Quantity.class).map(Quantity::value)
                .orElse(0L);
    }

    /**
     * Adds {@code amount}; an overflowing balance is VALIDATION_FAILED. Every credit comes here, so this is where a
     * user id that its platform never registered is refused (USER_NOT_FOUND): the credited platform's peer, which must
     * endorse the write, checks it with its own code. The fee account is the platform's own and needs no registration.
     */
    public static void credit(final LedgerState state, final String platformId, final String userId,
            final long amount) {
        if (!Ids.FEE_ACCOUNT.equals(userId)) {
            Users.requireRegistered(state, userId);
        }
        final long balance = Amounts.add("balance of '" + userId + "' on '" + platformId + "'",
                balance(state, platformId, userId), amount);
        state.write(Keys.collection(platformId), Keys.account(userId), new Quantity(balance));
    }

    /** Takes {@code amount}, or INSUFFICIENT_BALANCE naming the account: a balance never goes negative. */
    public static void debit(final LedgerState state, final String platformId, final String userId,
            final long amount) {
        final long balance = balance(state, platformId, userId);
        if (balance < amount) {
            throw refusal(INSUFFICIENT_BALANCE, "user '" + userId + "' has " + balance + " on platform '"
                    + platformId + "', needs " + amount);
        }
        state.write(Keys.collection(platformId), Keys.account(userId), new Quantity(balance - amount));
    }

    /**
     * Credits a conversion fee to the platform's fee account as a blind delta under the tx id: every conversion into
     * a platform pays a fee, and a read-modify-write of one fee balance would make them all conflict.
     */
    public static void creditFee(final LedgerState state, final String platformId, final String txId,
            final long amount) {
        state.write(Keys.collection(platformId), Keys.feeCredit(txId), new Quantity(amount));
    }
}
