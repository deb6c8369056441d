package org.pointsnet.chaincode.ledger.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.contract.Limits;

/**
 * Point expiry inside one account record (docs/ledger.md, "Point expiry"): pure functions of the record and the
 * transaction time, so every endorser computes the same result. A lot is expired at a time {@code t} when
 * {@code expiresAt ≤ t}; expired lots are never spent, only removed by an expiry transaction.
 */
public final class Lots {
    private static final long DAY_SECONDS = 86_400;

    private Lots() {}

    /**
     * The expiry of points credited at {@code at} under a period of {@code periodSeconds} (positive): {@code at +
     * period} rounded up to the next whole UTC day when the period is a day or longer (one lot per day of credits),
     * else up to the next whole second.
     */
    public static Instant expiryOf(final Instant at, final long periodSeconds) {
        final Instant due = at.plusSeconds(periodSeconds);
        final ChronoUnit unit = periodSeconds >= DAY_SECONDS ? ChronoUnit.DAYS : ChronoUnit.SECONDS;
        final Instant floor = due.truncatedTo(unit);
        return floor.equals(due) ? due : floor.plus(1, unit);
    }

    /** What a debit took: the lots' pieces (with their expiry) and the part that never expires. */
    public record Taken(List<Lot> lots, long never) {
        /** Copies the list. */
        public Taken {
            lots = List.copyOf(lots);
        }
    }

    /** A record after an expiry, and the lots it removed. */
    public record Expired(Account account, List<Lot> removed, long amount) {
        /** Copies the list. */
        public Expired {
            removed = List.copyOf(removed);
        }
    }

    /** The points of {@code account} expired at {@code at} (still in the balance until an expiry removes them). */
    public static long expired(final Account account, final Instant at) {
        long sum = 0;
        for (final Lot lot : account.lots()) {
            if (isExpired(lot, at)) {
                sum = Amounts.add("expired points", sum, lot.amount());
            }
        }
        return sum;
    }

    /** What a transaction at {@code at} may spend: the balance without expired lots. */
    public static long spendable(final Account account, final Instant at) {
        return Amounts.subtract("spendable balance", account.value(), expired(account, at));
    }

    /** Whether {@code lot} is expired at {@code at}. */
    public static boolean isExpired(final Lot lot, final Instant at) {
        return !Instant.parse(lot.expiresAt()).isAfter(at);
    }

    /**
     * Adds {@code amount} (positive) that expires at {@code expiresAt}, or never when null. Overflow is
     * VALIDATION_FAILED.
     */
    public static Account credit(final Account account, final long amount, final Instant expiresAt) {
        final long value = Amounts.add("balance", account.value(), amount);
        if (expiresAt == null) {
            return new Account(value, account.lots());
        }
        final String at = expiresAt.toString();
        final List<Lot> lots = new ArrayList<>(account.lots());
        int i = 0;
        while (i < lots.size() && Instant.parse(lots.get(i).expiresAt()).isBefore(expiresAt)) {
            i++;
        }
        if (i < lots.size() && lots.get(i).expiresAt().equals(at)) {
            lots.set(i, new Lot(at, Amounts.add("lot", lots.get(i).amount(), amount)));
        } else {
            lots.add(i, new Lot(at, amount));
        }
        while (lots.size() > Limits.MAX_LOTS) {
            mergeClosest(lots);
        }
        return new Account(value, lots);
    }

    /** Adds what a debit elsewhere took, keeping each piece's expiry (a transfer does not renew points). */
    public static Account credit(final Account account, final Taken taken) {
        Account out = taken.never() > 0 ? credit(account, taken.never(), null) : account;
        for (final Lot lot : taken.lots()) {
            out = credit(out, lot.amount(), Instant.parse(lot.expiresAt()));
        }
        return out;
    }

    /** An account after a debit, and what the debit took. */
    public record Debited(Account account, Taken taken) {}

    /**
     * Takes {@code amount} ({@code ≤ spendable(account, at)}, checked by the caller) earliest expiry first, skipping
     * expired lots; the part that never expires goes last.
     */
    public static Debited debit(final Account account, final long amount, final Instant at) {
        if (amount > spendable(account, at)) {
            throw new IllegalArgumentException("debit " + amount + " of " + spendable(account, at) + " spendable");
        }
        long left = amount;
        final List<Lot> kept = new ArrayList<>();
        final List<Lot> taken = new ArrayList<>();
        for (final Lot lot : account.lots()) {
            if (left == 0 || isExpired(lot, at)) {
                kept.add(lot);
                continue;
            }
            final long part = Math.min(left, lot.amount());
            left -= part;
            taken.add(new Lot(lot.expiresAt(), part));
            if (part < lot.amount()) {
                kept.add(new Lot(lot.expiresAt(), lot.amount() - part));
            }
        }
        return new Debited(new Account(Amounts.subtract("balance", account.value(), amount), kept),
                new Taken(taken, left));
    }

    /** Removes every lot expired at {@code at} from the record and its balance. */
    public static Expired expire(final Account account, final Instant at) {
        final List<Lot> kept = new ArrayList<>();
        final List<Lot> removed = new ArrayList<>();
        long amount = 0;
        for (final Lot lot : account.lots()) {
            if (isExpired(lot, at)) {
                removed.add(lot);
                amount = Amounts.add("expired points", amount, lot.amount());
            } else {
                kept.add(lot);
            }
        }
        return new Expired(new Account(Amounts.subtract("balance", account.value(), amount), kept), removed,
                amount);
    }

    /**
     * Keeps the list within the cap: the two neighbouring lots closest in expiry merge into the later one (the first
     * such pair on a tie), so points live at most that gap longer and never shorter than their rule says.
     */
    private static void mergeClosest(final List<Lot> lots) {
        int best = 0;
        Duration gap = null;
        for (int i = 0; i + 1 < lots.size(); i++) {
            final Duration d = Duration.between(Instant.parse(lots.get(i).expiresAt()),
                    Instant.parse(lots.get(i + 1).expiresAt()));
            if (gap == null || d.compareTo(gap) < 0) {
                gap = d;
                best = i;
            }
        }
        final Lot later = lots.get(best + 1);
        lots.set(best + 1, new Lot(later.expiresAt(), Amounts.add("lot", lots.get(best).amount(), later.amount())));
        lots.remove(best);
    }
}
