package org.pointsnet.chaincode.ledger.tx;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.INSUFFICIENT_BALANCE;

import java.time.Instant;
import java.util.Optional;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.Account;
import org.pointsnet.chaincode.ledger.model.ExpiryRule;
import org.pointsnet.chaincode.ledger.model.Lots;
import org.pointsnet.chaincode.ledger.model.Quantity;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;

/**
 * Account balances: one key per (platform, user), so different users never touch the same key. The record also
 * holds the balance's expiring lots (docs/ledger.md, "Point expiry"), so a debit still reads one key.
 */
public final class Accounts {
    private Accounts() {}

    /** The account record (an empty one for an account never written). */
    public static Account account(final LedgerState state, final String platformId, final String userId) {
        return state.read(Keys.collection(platformId), Keys.account(userId), Account.class).orElse(Account.of(0));
    }

    /** The whole balance, expired lots not yet removed included (0 for an account never written). */
    public static long balance(final LedgerState state, final String platformId, final String userId) {
        return account(state, platformId, userId).value();
    }

    /** The platform's expiry rule, if it ever set one. */
    public static Optional<ExpiryRule> expiryRule(final LedgerState state, final String platformId) {
        return state.read(Keys.collection(platformId), Keys.expiryRule(), ExpiryRule.class);
    }

    /**
     * Adds {@code amount}, expiring by the credited platform's rule in force at the transaction time (never without
     * one, and never for the fee account, the platform's treasury); an overflowing balance is VALIDATION_FAILED.
     * Every credit comes here, so this is where a user id that its platform never registered is refused
     * (USER_NOT_FOUND): the credited platform's peer, which must endorse the write, checks it with its own code.
     */
    public static void credit(final Tx tx, final String platformId, final String userId, final long amount) {
        requireRegistered(tx.state(), userId);
        final long period = Ids.FEE_ACCOUNT.equals(userId) ? 0
                : expiryRule(tx.state(), platformId).map(ExpiryRule::periodSeconds).orElse(0L);
        final Instant expiresAt = period == 0 ? null : Lots.expiryOf(tx.at(), period);
        write(tx.state(), platformId, userId, Lots.credit(account(tx.state(), platformId, userId), amount,
                expiresAt));
    }

    /** Credits what a debit on the same platform took, each piece keeping its expiry (a transfer renews nothing). */
    public static void credit(final Tx tx, final String platformId, final String userId, final Lots.Taken taken) {
        requireRegistered(tx.state(), userId);
        write(tx.state(), platformId, userId, Lots.credit(account(tx.state(), platformId, userId), taken));
    }

    /**
     * Takes {@code amount} earliest expiry first, or INSUFFICIENT_BALANCE naming the account: a balance never goes
     * negative, and lots expired by the transaction time are not spent (they wait for the expiry transaction).
     */
    public static Lots.Taken debit(final Tx tx, final String platformId, final String userId, final long amount) {
        final Account account = account(tx.state(), platformId, userId);
        final long spendable = Lots.spendable(account, tx.at());
        if (spendable < amount) {
            final long expired = account.value() - spendable;
            throw refusal(INSUFFICIENT_BALANCE, "user '" + userId + "' has " + spendable + " on platform '"
                    + platformId + "'" + (expired > 0 ? " (" + expired + " more expired)" : "") + ", needs "
                    + amount);
        }
        final Lots.Debited debited = Lots.debit(account, amount, tx.at());
        write(tx.state(), platformId, userId, debited.account());
        return debited.taken();
    }

    /** Stores an account record. */
    public static void write(final LedgerState state, final String platformId, final String userId,
            final Account account) {
        state.write(Keys.collection(platformId), Keys.account(userId), account);
    }

    /**
     * Credits a conversion fee to the platform's fee account as a blind delta under the tx id: every conversion into
     * a platform pays a fee, and a read-modify-write of one fee balance would make them all conflict.
     */
    public static void creditFee(final LedgerState state, final String platformId, final String txId,
            final long amount) {
        state.write(Keys.collection(platformId), Keys.feeCredit(txId), new Quantity(amount));
    }

    private static void requireRegistered(final LedgerState state, final String userId) {
        if (!Ids.FEE_ACCOUNT.equals(userId)) {
            Users.requireRegistered(state, userId);
        }
    }
}
