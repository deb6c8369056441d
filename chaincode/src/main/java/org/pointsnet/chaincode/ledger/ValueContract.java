package org.pointsnet.chaincode.ledger;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.NOT_FOUND;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pointsnet.chaincode.ledger.core.Amounts;
import org.pointsnet.chaincode.ledger.core.Decimals;
import org.pointsnet.chaincode.ledger.core.Ids;
import org.pointsnet.chaincode.ledger.model.CategoryRules;
import org.pointsnet.chaincode.ledger.model.CategoryVersion;
import org.pointsnet.chaincode.ledger.model.Platform;
import org.pointsnet.chaincode.ledger.request.Request;
import org.pointsnet.chaincode.ledger.state.Keys;
import org.pointsnet.chaincode.ledger.state.LedgerState;
import org.pointsnet.chaincode.ledger.tx.Mutation;
import org.pointsnet.chaincode.ledger.tx.Tx;
import org.pointsnet.chaincode.support.Json;
import org.pointsnet.contract.LedgerFunction.Names;
import org.pointsnet.contract.Limits;

/**
 * Contract "value": a platform's earning categories and their multipliers (seed §5.1's category multiplier, one per
 * category) and its own value rule (unit value and multiplier), each versioned: a change is a new version in force
 * from a stated time, and an issuance in a category, or a conversion, names the version it used.
 */
@Contract(name = ValueContract.NAME)
public final class ValueContract implements ContractInterface {
    /** Contract name, the prefix of qualified function names. */
    public static final String NAME = Names.VALUE;

    /** Sets the platform's categories as a new version from {@code effectiveFrom} (its own operator). */
    @Transaction(name = Names.SET_CATEGORIES, intent = Transaction.TYPE.SUBMIT)
    public String setCategories(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_CATEGORIES, requestJson,
                Set.of("requestId", "platformId", "effectiveFrom", "categories"));
        record Input(String effectiveFrom, TreeMap<String, String> multipliers) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> {
            final List<Request> categories = r.objects("categories", Set.of("category", "multiplier"));
            if (categories.isEmpty() || categories.size() > Limits.MAX_CATEGORIES) {
                throw refusal(VALIDATION_FAILED, "categories must name 1.." + Limits.MAX_CATEGORIES + " categories");
            }
            final TreeMap<String, String> multipliers = new TreeMap<>();
            for (final Request c : categories) {
                final String category = c.text("category");
                if (!Limits.CATEGORY.matcher(category).matches()) {
                    throw refusal(VALIDATION_FAILED, "category '" + Ids.display(category) + "' must match "
                            + Limits.CATEGORY.pattern());
                }
                final String m = Decimals.text(Decimals.positive("categories[].multiplier", c.text("multiplier")));
                if (multipliers.put(category, m) != null) {
                    throw refusal(VALIDATION_FAILED, "categories names '" + category + "' twice");
                }
            }
            final String from = r.optText("effectiveFrom").map(ValueContract::instant).orElse(null);
            return new Input(from, multipliers);
        }, (tx, platform, in) -> {
            final Instant from = in.effectiveFrom() == null ? tx.at() : Instant.parse(in.effectiveFrom());
            RuleSchedule.requireNotBefore(from, tx.at(), "issuances already made stay at the version they used");
            final CategoryRules old = rules(tx.state(), platform.platformId());
            final CategoryVersion added = new CategoryVersion(old.lastVersion() + 1, from.toString(),
                    in.multipliers());
            tx.state().write(Keys.collection(platform.platformId()), Keys.categoryRules(),
                    new CategoryRules(platform.platformId(), RuleSchedule.stillNeeded(old.versions(), added, tx.at(),
                            Limits.MAX_CATEGORIES,
                            "more than " + Limits.MAX_CATEGORIES + " category versions scheduled")));
            return Mutation.Outcome.of("SET_CATEGORIES", added);
        });
    }

    /** The platform's category versions: the one in force and those scheduled. */
    @Transaction(name = Names.GET_CATEGORIES, intent = Transaction.TYPE.EVALUATE)
    public String getCategories(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_CATEGORIES, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        final Platform platform = tx.platform("platformId", req.text("platformId"));
        return Json.write(rules(tx.state(), platform.platformId()));
    }

    /**
     * Sets the platform's own value rule (unit value and multiplier) as a new version from {@code effectiveFrom}
     * (its own operator): quotes and conversions from then on price with it, and name the version they used.
     */
    @Transaction(name = Names.SET_VALUE, intent = Transaction.TYPE.SUBMIT)
    public String setValue(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.SET_VALUE, requestJson,
                Set.of("requestId", "platformId", "effectiveFrom", "unitValue", "multiplier"));
        record Input(String effectiveFrom, String unitValue, String multiplier) {}
        return Mutation.of(ctx, req).adminOnly().run((tx, platform, r) -> new Input(
                r.optText("effectiveFrom").map(ValueContract::instant).orElse(null),
                PlatformValues.bounded("unitValue", r.text("unitValue")),
                PlatformValues.bounded("multiplier", r.text("multiplier"))), (tx, platform, in) -> {
                    final Instant from = in.effectiveFrom() == null ? tx.at() : Instant.parse(in.effectiveFrom());
                    return Mutation.Outcome.of("SET_VALUE", PlatformValues.change(tx.state(), platform, tx.at(), from,
                            in.unitValue(), in.multiplier()));
                });
    }

    /** The platform's value-rule versions: the one in force and those scheduled. */
    @Transaction(name = Names.GET_VALUE, intent = Transaction.TYPE.EVALUATE)
    public String getValue(final Context ctx, final String requestJson) {
        final Request req = Request.parse(Names.GET_VALUE, requestJson, Set.of("platformId"));
        final Tx tx = Tx.of(ctx);
        return Json.write(PlatformValues.rules(tx.state(), tx.platform("platformId", req.text("platformId"))));
    }

    /** The stored versions, or none. */
    static CategoryRules rules(final LedgerState state, final String platformId) {
        return state.read(Keys.collection(platformId), Keys.categoryRules(), CategoryRules.class)
                .orElse(new CategoryRules(platformId, List.of()));
    }

    /**
     * The points an issuance of {@code baseAmount} in {@code category} credits at {@code at}: floor(base ×
     * multiplier), with the version used. NOT_FOUND for a category not in the version in force.
     */
    static Credited credit(final LedgerState state, final Platform platform, final String category,
            final long baseAmount, final Instant at) {
        final CategoryVersion version = rules(state, platform.platformId()).inForce(at).orElseThrow(() -> refusal(
                NOT_FOUND, "platform '" + platform.platformId() + "' has no earning categories in force at " + at));
        final String multiplier = version.multipliers().get(category);
        if (multiplier == null) {
            throw refusal(NOT_FOUND, "platform '" + platform.platformId() + "' has no earning category '"
                    + Ids.display(category) + "' in version " + version.version());
        }
        final BigDecimal points = BigDecimal.valueOf(baseAmount).multiply(new BigDecimal(multiplier))
                .setScale(0, RoundingMode.FLOOR);
        if (points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(Limits.MAX_AMOUNT)) > 0) {
            throw refusal(VALIDATION_FAILED, "base amount " + baseAmount + " × " + multiplier + " credits "
                    + points.toPlainString() + " points; must be 1.." + Limits.MAX_AMOUNT);
        }
        return new Credited(Amounts.requirePositive("amount", points.longValueExact()), multiplier, version.version());
    }

    /**
     * What a category issuance credits.
     *
     * @param points floor(base × multiplier)
     * @param multiplier the multiplier used
     * @param version the category version used
     */
    record Credited(long points, String multiplier, long version) {}

    private static String instant(final String value) {
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw refusal(VALIDATION_FAILED, "effectiveFrom '" + Ids.display(value) + "' must be an ISO-8601 instant");
        }
    }
}
