package org.pointsnet.chaincode.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.model.Confirmation;
import org.pointsnet.chaincode.ledger.model.Settlement;
import org.pointsnet.chaincode.ledger.model.Statement;

/** The settlement rules that need no state: which payments settle net positions, and a payment's status. */
final class Statements {
    private Statements() {}

    /**
     * Payments that settle {@code positions} exactly, deterministically: per currency, payers (negative net) and payees
     * (positive net) each in platform id order, every payer paying the next payees until its debt is covered. At most
     * (payers + payees - 1) payments per currency; each platform's payments sum to its net position.
     */
    static List<Statement.Payment> payments(final List<Settlement.NetPosition> positions) {
        final Map<String, Map<String, BigDecimal>> payers = new TreeMap<>();
        final Map<String, Map<String, BigDecimal>> payees = new TreeMap<>();
        for (final Settlement.NetPosition p : positions) {
            final BigDecimal net = new BigDecimal(p.net());
            if (net.signum() < 0) {
                payers.computeIfAbsent(p.currency(), c -> new TreeMap<>()).put(p.platformId(), net.negate());
            } else if (net.signum() > 0) {
                payees.computeIfAbsent(p.currency(), c -> new TreeMap<>()).put(p.platformId(), net);
            }
        }
        final List<Statement.Payment> out = new ArrayList<>();
        payers.forEach((currency, owing) -> {
            final List<Map.Entry<String, BigDecimal>> due = new ArrayList<>(payees.getOrDefault(currency, Map.of())
                    .entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
            int next = 0;
            for (final Map.Entry<String, BigDecimal> payer : owing.entrySet()) {
                BigDecimal left = payer.getValue();
                while (left.signum() > 0 && next < due.size()) {
                    final Map.Entry<String, BigDecimal> payee = due.get(next);
                    final BigDecimal amount = left.min(payee.getValue());
                    out.add(new Statement.Payment(payer.getKey(), payee.getKey(), currency, Decimals.text(amount)));
                    left = left.subtract(amount);
                    final BigDecimal rest = payee.getValue().subtract(amount);
                    if (rest.signum() == 0) {
                        next++;
                    } else {
                        due.set(next, Map.entry(payee.getKey(), rest));
                    }
                }
                if (left.signum() != 0) {
                    // Net positions from Netting sum to zero per currency; anything else is a bug, never a payment.
                    throw new IllegalStateException("net positions in " + currency + " do not sum to zero");
                }
            }
        });
        return out;
    }

    /**
     * A payment's status from the two sides' confirmations of the current statement (null: not confirmed): OPEN until
     * both confirmed; CONFIRMED when both confirmed exactly the amount due; DISPUTED otherwise.
     */
    static Settlement.PaymentStatus status(final Statement.Payment payment, final Confirmation paid,
            final Confirmation received) {
        final String status;
        if (paid == null || received == null) {
            status = Settlement.PaymentStatus.OPEN;
        } else {
            final BigDecimal due = new BigDecimal(payment.amount());
            status = new BigDecimal(paid.amount()).compareTo(due) == 0
                    && new BigDecimal(received.amount()).compareTo(due) == 0
                    ? Settlement.PaymentStatus.CONFIRMED : Settlement.PaymentStatus.DISPUTED;
        }
        return new Settlement.PaymentStatus(payment.payerPlatformId(), payment.payeePlatformId(), payment.currency(),
                payment.amount(), status, paid == null ? null : paid.amount(),
                received == null ? null : received.amount());
    }
}
