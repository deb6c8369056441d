package org.pointsnet.chaincode.ledger.core;

import static org.pointsnet.chaincode.support.Refusals.refusal;
import static org.pointsnet.contract.ErrorCode.VALIDATION_FAILED;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Local days and settlement periods, from the transaction timestamp only (never the clock). */
public final class Periods {
    /** Settlement period of one local day, labelled "2025-03-14". */
    public static final String DAY = "DAY";
    /** Settlement period of one local month, labelled "2025-03". */
    public static final String MONTH = "MONTH";

    private Periods() {}

    /** Parses an IANA zone id or offset such as "Asia/Shanghai" or "+08:00". */
    public static ZoneId zone(final String field, final String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException | NullPointerException e) {
            throw refusal(VALIDATION_FAILED, field + " '" + Ids.display(value) + "' is not a time zone id");
        }
    }

    /** Checks a settlement period kind. */
    public static String kind(final String field, final String value) {
        if (!DAY.equals(value) && !MONTH.equals(value)) {
            throw refusal(VALIDATION_FAILED, field + " must be DAY or MONTH, got '" + Ids.display(value) + "'");
        }
        return value;
    }

    /** The ISO local date of {@code at} in {@code zone}. */
    public static String day(final Instant at, final String zone) {
        return LocalDate.ofInstant(at, ZoneId.of(zone)).toString();
    }

    /** The ISO local date after {@code day}. */
    public static String nextDay(final String day) {
        return LocalDate.parse(day).plusDays(1).toString();
    }

    /** The settlement period label of {@code at}: its local day or month. */
    public static String period(final Instant at, final String zone, final String kind) {
        return MONTH.equals(kind) ? YearMonth.from(LocalDate.ofInstant(at, ZoneId.of(zone))).toString() : day(at, zone);
    }

    /** True when period {@code label} (a day or a month) ended before the local day of {@code at}. */
    public static boolean ended(final String label, final Instant at, final String zone) {
        final LocalDate today = LocalDate.ofInstant(at, ZoneId.of(zone));
        return label.length() == 7 ? YearMonth.parse(label).isBefore(YearMonth.from(today))
                : LocalDate.parse(label).isBefore(today);
    }

    /** Checks a period label as queries take it: "2025-03-14" or "2025-03". */
    public static String label(final String field, final String value) {
        try {
            if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).toString();
            }
            if (value != null && value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value).toString();
            }
        } catch (DateTimeException e) {
            // falls through to the refusal
        }
        throw refusal(VALIDATION_FAILED, field + " '" + Ids.display(value) + "' must be YYYY-MM-DD or YYYY-MM");
    }
}
