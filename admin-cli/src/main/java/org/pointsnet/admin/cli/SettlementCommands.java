package org.pointsnet.admin.cli;

import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code admin-cli settlement}: closing and settling a period (docs/ledger.md, "Settlement"). */
@Command(name = "settlement",
        mixinStandardHelpOptions = true,
        description = {"Settlement periods: close the member's side, store the statement once every party closed,"
            + " confirm payments, read the report."},
        subcommands = {SettlementCommands.Close.class, SettlementCommands.StoreStatement.class,
            SettlementCommands.Report.class, SettlementCommands.Confirm.class})
public final class SettlementCommands extends CommandGroup {

    /** {@code settlement close}. */
    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Closes the period on the member's side (settlement:ClosePeriod): no conversion books into it"
                + " on this side any more. The period must have ended in the platform's time zone.")
    static final class Close extends LedgerCommand {
        @Option(names = "--period", required = true, description = "YYYY-MM-DD or YYYY-MM.")
        private String period;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.CLOSE_PERIOD,
                new LedgerRequest.ClosePeriod(requestId(), org(), period)));
        }
    }

    /** {@code settlement statement}. */
    @Command(name = "statement", mixinStandardHelpOptions = true,
            description = "Stores the period's statement on chain (settlement:StoreStatement) over the conversions the"
                + " ledger nets now; every party to them must have closed the period.")
    static final class StoreStatement extends LedgerCommand {
        @Option(names = "--period", required = true, description = "YYYY-MM-DD or YYYY-MM.")
        private String period;

        @Override
        protected int run(LedgerCalls ledger) {
            progress("reading the netting of " + period);
            JsonNode report = parse(ledger.evaluate(LedgerFunction.GET_PERIOD, new LedgerRequest.Period(period)));
            List<LedgerRequest.NettedConversion> conversions = new ArrayList<>();
            for (JsonNode c : report.path("conversions")) {
                conversions.add(new LedgerRequest.NettedConversion(c.path("txId").asString(),
                    c.path("debtorPlatformId").asString(), c.path("creditorPlatformId").asString()));
            }
            progress(conversions.size() + " conversions netted, " + report.path("disputes").size() + " disputed");
            return printReceipt(ledger.submit(LedgerFunction.STORE_STATEMENT,
                new LedgerRequest.StoreStatement(requestId(), org(), period, conversions)));
        }
    }

    /** {@code settlement confirm}. */
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Records what the member paid to (payer) or received from (payee) --counterparty under the"
                + " stored statement (settlement:Confirm). Both sides confirming the amount due: CONFIRMED; different"
                + " amounts: DISPUTED.")
    static final class Confirm extends LedgerCommand {
        @Option(names = "--period", required = true, description = "YYYY-MM-DD or YYYY-MM.")
        private String period;
        @Option(names = "--counterparty", required = true, paramLabel = "<platformId>",
                description = "The other side of the payment.")
        private String counterparty;
        @Option(names = "--currency", required = true, description = "Currency of the payment.")
        private String currency;
        @Option(names = "--amount", required = true, description = "Amount paid or received, exact decimal.")
        private String amount;

        @Override
        protected int run(LedgerCalls ledger) {
            return printReceipt(ledger.submit(LedgerFunction.CONFIRM_SETTLEMENT, new LedgerRequest.ConfirmSettlement(
                requestId(), org(), period, counterparty, currency, amount)));
        }
    }

    /** {@code settlement report}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "The period's gross obligations per pair, net positions, disputes, and the stored statement's"
                + " payments: confirmed, open, disputed (settlement:GetPeriod).")
    static final class Report extends LedgerCommand {
        @Option(names = "--period", required = true, description = "YYYY-MM-DD or YYYY-MM.")
        private String period;

        @Override
        protected int run(LedgerCalls ledger) {
            String answer = ledger.evaluate(LedgerFunction.GET_PERIOD, new LedgerRequest.Period(period));
            if (json()) {
                out().println(answer);
                return 0;
            }
            JsonNode r = parse(answer);
            JsonNode statement = r.path("statement");
            out().println("period " + Table.cell(r.path("period")) + ", closed by " + Table.cell(r.path("closedBy")));
            out().println(statement.isObject()
                ? "statement stored by " + Table.cell(statement.path("storedBy")) + ", version "
                    + Table.cell(statement.path("version")) + ", matches the ledger: "
                    + Table.cell(r.path("statementMatchesLedger"))
                : "statement: not stored yet");
            out().println();
            out().println("gross obligations (live)");
            table(r.path("obligations"), "debtorPlatformId", "creditorPlatformId", "currency", "points", "value");
            out().println();
            out().println("net positions (live)");
            table(r.path("netPositions"), "platformId", "currency", "net");
            out().println();
            out().println("payments (statement)");
            table(r.path("payments"), "payerPlatformId", "payeePlatformId", "currency", "amount", "status",
                "paidAmount", "receivedAmount");
            out().println();
            out().println("disputes");
            table(r.path("disputes"), "txId", "debtorPlatformId", "creditorPlatformId", "reason");
            return 0;
        }

        private void table(JsonNode items, String... columns) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode item : items) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(Table.cell(item.path(column)));
                }
                rows.add(row);
            }
            Table.print(out(), List.of(columns), rows);
        }
    }
}
