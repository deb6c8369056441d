package org.pointsnet.admin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointsnet.admin.AdminCli;
import org.pointsnet.admin.ledger.LedgerConnection;
import org.pointsnet.admin.ledger.LedgerException;
import org.pointsnet.admin.ledger.LedgerSession;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine;

/** Every ledger command with arguments, against a ledger that records the calls and answers from a script. */
class LedgerCommandsTest {

    private static final String RECEIPT = "{\"type\":\"T\",\"requestId\":\"r1\",\"txId\":\"tx1\","
        + "\"platformId\":\"platform-a\"}";

    @TempDir
    Path runtime;

    /** What the fake ledger was asked: "function json". */
    private final List<String> calls = new ArrayList<>();
    /** What it answers per function; a LedgerException is thrown. */
    private final Map<LedgerFunction, Object> answers = new HashMap<>();
    private final List<String> progress = new ArrayList<>();

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void settings() throws IOException {
        Path env = runtime.resolve("platforms").resolve("platform-a").resolve("gateway.env");
        Files.createDirectories(env.getParent());
        Files.writeString(env, String.join("\n", "# rendered", "POINTSNET_FABRIC_MSPID='PlatformAMSP'",
            "POINTSNET_FABRIC_PEERENDPOINT='localhost:7051'", "POINTSNET_FABRIC_PEERHOSTOVERRIDE='peer0.a'",
            "POINTSNET_FABRIC_TLSCACERT='/x/ca.pem'", "POINTSNET_FABRIC_ADMINCERTPATH='/x/cert.pem'",
            "POINTSNET_FABRIC_ADMINKEYPATH='/x/key.pem'", "POINTSNET_FABRIC_CHANNEL='points'",
            "POINTSNET_FABRIC_CHAINCODE='points'", ""));
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--org", "platform-a", "--runtime", runtime.toString()));
        return raw(all.toArray(String[]::new));
    }

    private Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = AdminCli.commandLine((settings, lines) -> {
            lines.accept("connected as " + settings.mspId() + " on " + settings.channel());
            return new LedgerSession() {
                @Override
                public String submit(LedgerFunction function, LedgerRequest request) {
                    return answer(function, LedgerConnection.json(function, LedgerFunction.Kind.SUBMIT, request));
                }

                @Override
                public String evaluate(LedgerFunction function, LedgerRequest request) {
                    return answer(function, LedgerConnection.json(function, LedgerFunction.Kind.EVALUATE, request));
                }

                @Override
                public void close() {
                    progress.add("closed");
                }
            };
        });
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private String answer(LedgerFunction function, String json) {
        calls.add(function + " " + json);
        Object answer = answers.getOrDefault(function, RECEIPT);
        if (answer instanceof LedgerException e) {
            throw e;
        }
        return (String) answer;
    }

    private void ok(Run run, String call) {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(calls.contains(call), calls + " lacks " + call);
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void platformCommands() {
        Run register = run("platform", "register", "--request-id", "r1", "--name", "Alpha", "--symbol", "AP",
            "--unit-value", "0.01", "--currency", "CNY", "--time-zone", "Asia/Shanghai");
        ok(register, "platform:Register {\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"name\":\"Alpha\","
            + "\"symbol\":\"AP\",\"decimals\":0,\"unitValue\":\"0.01\",\"currency\":\"CNY\",\"timeZone\":\"Asia/Shanghai\"}");
        assertEquals("T committed: request r1, tx tx1, platform platform-a\n", register.out());
        assertTrue(register.err().contains("admin-cli: connected as PlatformAMSP on points"), register.err());
        assertTrue(run("platform", "list", "--channel", "other").err().contains("on other"));
        ok(run("platform", "suspend", "--request-id", "r2", "--reason", "audit"),
            "platform:Suspend {\"requestId\":\"r2\",\"platformId\":\"platform-a\",\"reason\":\"audit\"}");
        ok(run("platform", "resume", "--request-id", "r3", "--reason", "done"),
            "platform:Resume {\"requestId\":\"r3\",\"platformId\":\"platform-a\",\"reason\":\"done\"}");
        answers.put(LedgerFunction.LIST_PLATFORMS, "[{\"platformId\":\"platform-a\",\"name\":\"Alpha\",\"status\":"
            + "\"ACTIVE\"}]");
        Run list = run("platform", "list");
        ok(list, "platform:List {}");
        assertTrue(list.out().startsWith("platformId  name   symbol  currency  unitValue  status  mspId\n"
            + "platform-a  Alpha  -"), list.out());
        Run json = run("platform", "list", "--json");
        assertEquals("[{\"platformId\":\"platform-a\",\"name\":\"Alpha\",\"status\":\"ACTIVE\"}]\n", json.out());
        assertEquals(List.of("closed", "closed", "closed", "closed", "closed", "closed"), progress);
    }

    @Test
    void rulesCommands() {
        ok(run("rules", "set-rate", "--request-id", "r1", "--to", "platform-b", "--rate-version", "2", "--rate", "1.5"),
            "conversion:ApproveRate {\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"fromPlatformId\":\"platform-a\","
                + "\"toPlatformId\":\"platform-b\",\"version\":2,\"rate\":\"1.5\"}");
        ok(run("rules", "approve-rate", "--request-id", "r2", "--from", "platform-b", "--rate-version", "3", "--rate", "0.5"),
            "conversion:ApproveRate {\"requestId\":\"r2\",\"platformId\":\"platform-a\",\"fromPlatformId\":\"platform-b\","
                + "\"toPlatformId\":\"platform-a\",\"version\":3,\"rate\":\"0.5\"}");
        ok(run("rules", "set-fee", "--request-id", "r3", "--basis-points", "50", "--max-fee", "100"),
            "conversion:SetFeeRule {\"requestId\":\"r3\",\"platformId\":\"platform-a\",\"basisPoints\":50,\"minFee\":0,"
                + "\"maxFee\":100}");
        ok(run("rules", "set-limits", "--request-id", "r4", "--daily-per-user", "500", "--pair", "platform-c=900",
            "--pair", "platform-b=800"), "conversion:SetLimits {\"requestId\":\"r4\",\"platformId\":\"platform-a\","
                + "\"dailyPerUser\":500,\"pairDailyLimits\":[{\"toPlatformId\":\"platform-b\",\"dailyLimit\":800},"
                + "{\"toPlatformId\":\"platform-c\",\"dailyLimit\":900}]}");
        answers.put(LedgerFunction.GET_RULES, "{\"platformId\":\"platform-b\",\"fee\":{\"basisPoints\":50},"
            + "\"rates\":[{\"toPlatformId\":\"platform-a\",\"agreedVersion\":1}]}");
        Run show = run("rules", "show", "--platform", "platform-b");
        ok(show, "conversion:GetRules {\"platformId\":\"platform-b\"}");
        assertTrue(show.out().contains("fee      {\"basisPoints\":50}") && show.out().contains("agreedVersion=1"),
            show.out());
    }

    @Test
    void valueModelAndExpiryCommands() {
        ok(run("rules", "set-categories", "--request-id", "r1", "--category", "hotels=1", "--category", "flights=2.5",
            "--effective-from", "2026-12-01T00:00:00Z"), "value:SetCategories {\"requestId\":\"r1\",\"platformId\":"
                + "\"platform-a\",\"effectiveFrom\":\"2026-12-01T00:00:00Z\",\"categories\":[{\"category\":\"flights\","
                + "\"multiplier\":\"2.5\"},{\"category\":\"hotels\",\"multiplier\":\"1\"}]}");
        ok(run("rules", "set-categories", "--request-id", "r2", "--category", "flights=3"),
            "value:SetCategories {\"requestId\":\"r2\",\"platformId\":\"platform-a\",\"categories\":[{\"category\":"
                + "\"flights\",\"multiplier\":\"3\"}]}");
        ok(run("rules", "set-expiry", "--request-id", "r3", "--period-seconds", "31536000"),
            "expiry:SetRule {\"requestId\":\"r3\",\"platformId\":\"platform-a\",\"periodSeconds\":31536000}");
        Run json = run("rules", "set-expiry", "--request-id", "r4", "--period-seconds", "0", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(RECEIPT + "\n", json.out());
        ok(run("rules", "set-value", "--request-id", "r5", "--unit-value", "0.02", "--multiplier", "1.5",
            "--effective-from", "2026-12-01T00:00:00Z"), "value:SetValue {\"requestId\":\"r5\",\"platformId\":"
                + "\"platform-a\",\"effectiveFrom\":\"2026-12-01T00:00:00Z\",\"unitValue\":\"0.02\",\"multiplier\":"
                + "\"1.5\"}");
        Run value = run("rules", "set-value", "--request-id", "r6", "--unit-value", "0.01", "--multiplier", "1",
            "--json");
        assertEquals(0, value.exitCode(), value.err());
        assertEquals(RECEIPT + "\n", value.out());
    }

    @Test
    void rewardAndFeeCommands() {
        ok(run("rewards", "put", "--request-id", "r1", "--reward-id", "mug", "--name", "Mug", "--points", "500",
            "--stock", "10"), "reward:PutReward {\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"rewardId\":\"mug\","
                + "\"name\":\"Mug\",\"points\":500,\"stock\":10}");
        answers.put(LedgerFunction.LIST_REWARDS, "[{\"rewardId\":\"mug\",\"name\":\"Mug\",\"points\":500,\"stock\":9}]");
        Run list = run("rewards", "list");
        ok(list, "reward:ListRewards {\"platformId\":\"platform-a\"}");
        assertTrue(list.out().contains("mug       Mug   500     9"), list.out());

        answers.put(LedgerFunction.GET_FEE_CREDITS, "[{\"txId\":\"f1\",\"amount\":3},{\"txId\":\"f2\",\"amount\":4}]");
        Run sweep = run("fees", "sweep", "--request-id", "r2");
        ok(sweep, "account:SweepFees {\"requestId\":\"r2\",\"platformId\":\"platform-a\",\"txIds\":[\"f1\",\"f2\"]}");
        assertTrue(sweep.err().contains("2 fee credits to sweep on platform-a"), sweep.err());
        ok(run("fees", "sweep", "--request-id", "r3", "--tx-id", "f9"),
            "account:SweepFees {\"requestId\":\"r3\",\"platformId\":\"platform-a\",\"txIds\":[\"f9\"]}");
        answers.put(LedgerFunction.GET_FEE_CREDITS, "[]");
        calls.clear();
        Run nothing = run("fees", "sweep");
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals("nothing to sweep on platform-a\n", nothing.out());
        assertEquals(1, calls.size(), calls.toString());
    }

    @Test
    void supplyFoldFoldsWhatIsListed() {
        answers.put(LedgerFunction.GET_SUPPLY_DELTAS, "[{\"day\":\"2026-12-01\",\"txId\":\"t1\",\"delta\":5},"
            + "{\"day\":\"2026-12-01\",\"txId\":\"t2\",\"delta\":-2}]");
        Run fold = run("supply", "fold", "--request-id", "r1");
        ok(fold, "account:FoldSupply {\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"deltas\":["
            + "{\"day\":\"2026-12-01\",\"txId\":\"t1\"},{\"day\":\"2026-12-01\",\"txId\":\"t2\"}]}");
        assertTrue(fold.err().contains("2 supply deltas to fold on platform-a"), fold.err());
        answers.put(LedgerFunction.GET_SUPPLY_DELTAS, "[]");
        calls.clear();
        Run nothing = run("supply", "fold");
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals("nothing to fold on platform-a\n", nothing.out());
        assertEquals(1, calls.size(), calls.toString());
    }

    @Test
    void settlementCommands() {
        ok(run("settlement", "close", "--request-id", "r1", "--period", "2026-11-29"),
            "settlement:ClosePeriod {\"requestId\":\"r1\",\"platformId\":\"platform-a\",\"period\":\"2026-11-29\"}");
        answers.put(LedgerFunction.GET_PERIOD, "{\"period\":\"2026-11-29\",\"closedBy\":[\"platform-a\",\"platform-b\"],"
            + "\"obligations\":[{\"debtorPlatformId\":\"platform-a\",\"creditorPlatformId\":\"platform-b\","
            + "\"currency\":\"CNY\",\"points\":120,\"value\":\"1.2\"}],\"netPositions\":[{\"platformId\":\"platform-a\","
            + "\"currency\":\"CNY\",\"net\":\"-1.2\"},{\"platformId\":\"platform-b\",\"currency\":\"CNY\",\"net\":\"1.2\"}],"
            + "\"disputes\":[],\"conversions\":[{\"txId\":\"t1\",\"debtorPlatformId\":\"platform-a\","
            + "\"creditorPlatformId\":\"platform-b\"}],\"statement\":{\"storedBy\":\"platform-b\",\"version\":1},"
            + "\"statementMatchesLedger\":true,\"payments\":[{\"payerPlatformId\":\"platform-a\",\"payeePlatformId\":"
            + "\"platform-b\",\"currency\":\"CNY\",\"amount\":\"1.2\",\"status\":\"OPEN\",\"paidAmount\":\"1.2\","
            + "\"receivedAmount\":null}]}");
        Run statement = run("settlement", "statement", "--request-id", "r2", "--period", "2026-11-29");
        ok(statement, "settlement:StoreStatement {\"requestId\":\"r2\",\"platformId\":\"platform-a\",\"period\":"
            + "\"2026-11-29\",\"conversions\":[{\"txId\":\"t1\",\"debtorPlatformId\":\"platform-a\","
            + "\"creditorPlatformId\":\"platform-b\"}]}");
        assertTrue(statement.err().contains("1 conversions netted, 0 disputed"), statement.err());
        ok(run("settlement", "confirm", "--request-id", "r3", "--period", "2026-11-29", "--counterparty", "platform-b",
            "--currency", "CNY", "--amount", "1.2"), "settlement:Confirm {\"requestId\":\"r3\",\"platformId\":"
                + "\"platform-a\",\"period\":\"2026-11-29\",\"counterpartyPlatformId\":\"platform-b\",\"currency\":"
                + "\"CNY\",\"amount\":\"1.2\"}");
        Run report = run("settlement", "report", "--period", "2026-11-29");
        ok(report, "settlement:GetPeriod {\"period\":\"2026-11-29\"}");
        assertTrue(report.out().contains("statement stored by platform-b, version 1, matches the ledger: true"),
            report.out());
        assertTrue(report.out().contains("platform-a       platform-b       CNY       1.2     OPEN    1.2         -"),
            report.out());
        Run json = run("settlement", "report", "--period", "2026-11-29", "--json");
        assertTrue(json.out().startsWith("{\"period\":\"2026-11-29\""), json.out());
    }

    @Test
    void reconcileExitsFiveOnADifference() {
        answers.put(LedgerFunction.AUDIT_SUPPLY, "[{\"platformId\":\"platform-a\",\"supply\":100,\"balances\":100},"
            + "{\"platformId\":\"platform-b\",\"supply\":50,\"balances\":50}]");
        Run balanced = run("reconcile");
        ok(balanced, "account:AuditSupply {}");
        assertTrue(balanced.out().endsWith("balanced\n"), balanced.out());
        answers.put(LedgerFunction.AUDIT_SUPPLY, "[{\"platformId\":\"platform-a\",\"supply\":100,\"balances\":90}]");
        Run differs = run("reconcile", "--platform", "platform-a", "--json");
        assertEquals(ReconcileCommand.DIFFERENCE, differs.exitCode(), differs.err());
        assertEquals("{\"ledger\":[{\"platformId\":\"platform-a\",\"supply\":\"100\",\"balances\":\"90\","
            + "\"difference\":\"-10\"}],\"differs\":true}\n", differs.out());
        Run noGateway = run("reconcile", "--gateway");
        assertEquals(ErrorReporter.USAGE, noGateway.exitCode());
        assertTrue(noGateway.err().contains("PN_GATEWAY_URL"), noGateway.err());
    }

    @Test
    void aRefusalIsExitThreeAndOneLineNamingTheFunctionAndCode() {
        answers.put(LedgerFunction.CONFIRM_SETTLEMENT, new LedgerException(LedgerException.Kind.REFUSED,
            "settlement:Confirm refused: FORBIDDEN: caller is not platform-b", null));
        Run run = run("settlement", "confirm", "--period", "2026-11-29", "--counterparty", "platform-b", "--currency",
            "CNY", "--amount", "1");
        assertEquals(ErrorReporter.REFUSED, run.exitCode());
        assertTrue(run.err().endsWith("admin-cli: error: settlement:Confirm refused: FORBIDDEN: caller is not "
            + "platform-b\n"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        answers.put(LedgerFunction.LIST_PLATFORMS, new LedgerException(LedgerException.Kind.UNAVAILABLE,
            "platform:List failed: UNAVAILABLE io exception", null));
        assertEquals(ErrorReporter.UNAVAILABLE, run("platform", "list").exitCode());
        Run verbose = run("platform", "list", "--verbose");
        assertTrue(verbose.err().contains("\tat "), verbose.err());
    }

    @Test
    void badArgumentsAreUsageErrorsAndTheLedgerIsNeverCalled() {
        String[][] bad = {
            {"platform", "suspend"},
            {"rules", "set-fee", "--basis-points", "many", "--max-fee", "1"},
            {"rules", "set-categories"},
            {"rules", "set-categories", "--category", "flights"},
            {"rules", "set-expiry"},
            {"rules", "set-expiry", "--period-seconds", "a year"},
            {"rules", "set-value"},
            {"rules", "set-value", "--unit-value", "0.01"},
            {"rewards", "put", "--reward-id", "x"},
            {"settlement", "confirm", "--period", "2026-11-29"},
            {"settlement", "report"},
            {"fees", "sweeep"},
            {"reconcile", "--gateway-url"},
        };
        for (String[] args : bad) {
            Run run = run(args);
            assertEquals(ErrorReporter.USAGE, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("admin-cli: "), run.err());
        }
        Run noOrg = raw("platform", "list");
        assertEquals(ErrorReporter.USAGE, noOrg.exitCode());
        assertTrue(noOrg.err().contains("--org"), noOrg.err());
        Run noSettings = raw("platform", "list", "--org", "platform-z", "--runtime", runtime.toString());
        assertEquals(ErrorReporter.USAGE, noSettings.exitCode());
        assertTrue(noSettings.err().contains("platforms/platform-z/gateway.env"), noSettings.err());
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void everyCommandHasHelp() {
        String[][] commands = {{"platform", "register"}, {"platform", "suspend"}, {"platform", "resume"},
            {"platform", "list"}, {"rules", "set-rate"}, {"rules", "approve-rate"}, {"rules", "set-fee"},
            {"rules", "set-limits"}, {"rules", "show"}, {"rules", "set-categories"}, {"rules", "set-expiry"},
            {"rules", "set-value"}, {"rewards", "put"}, {"rewards", "list"}, {"fees", "sweep"},
            {"settlement", "close"}, {"settlement", "statement"}, {"settlement", "report"}, {"settlement", "confirm"},
            {"reconcile"}};
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            Run help = raw(args.toArray(String[]::new));
            assertEquals(0, help.exitCode(), String.join(" ", command));
            assertTrue(help.out().contains("--org=<platformId>") && help.out().contains("--json"), help.out());
        }
    }
}
