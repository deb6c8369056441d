package org.pointsnet.gateway.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.LedgerCalls.json;
import static org.pointsnet.gateway.e2e.LedgerCalls.submitUntilNoConflict;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pointsnet.gateway.e2e.LedgerCalls.Outcome;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.e2e.RogueCalls.LedgerKey;
import org.pointsnet.gateway.fabric.FabricConnection;

import tools.jackson.databind.JsonNode;

/**
 * Settlement on chain through the live network, its settlement steps driven by the built admin-cli jar as each
 * member's admin runs it: conversions among every platform of the spec, each side closes the day, one member stores
 * the statement; the report's gross obligations match the conversions, the net positions sum to zero; payer and payee
 * confirm one payment (CONFIRMED) and disagree on another (DISPUTED); a member cannot write another member's
 * confirmation, neither through the genuine chaincode nor with its own rogue code on its own peer.
 *
 * <p>A period closes only once it has ended in each platform's time zone, and peers accept proposal timestamps only
 * within 15 minutes of their clock ({@code peer.authentication.timewindow}). So the test runs on a fresh channel of its
 * own, where it registers the platforms with a UTC offset whose midnight comes {@link #LEAD} later, shortly after the
 * conversions, and waits for it.
 *
 * <p>Ordered last, after OrgJoinEndToEndIT: the platforms are those of the runtime folder, so in the full suite the
 * three founders and platform-d, which joined the live network just before (issue 14 asks for four).
 */
@Tag("network")
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementEndToEndIT {

    private static final String CURRENCY = "CNY";
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Path ROOT = Path.of(System.getProperty("pointsnet.root", "..")).toAbsolutePath().normalize();
    private static final LedgerNetwork NETWORK = LedgerNetwork.fromSystemProperty();
    private static final String CHANNEL = "settle" + RUN;
    /**
     * Time from choosing the zone to the end of the platforms' day: for registering the platforms, then, for all of
     * them at once, a user, an issuance and a conversion (4 s for three platforms on a machine at load 26; the rest is
     * margin). Every second of it beyond the setup is waited for; the test prints how much was left.
     */
    private static final Duration LEAD = Duration.ofSeconds(40);

    private static final Map<String, FabricConnection> CLIENTS = new LinkedHashMap<>();
    private static List<String> platforms;
    /** The end of the platforms' day: local midnight in {@link #zone}. */
    private static Instant midnight;
    private static ZoneOffset zone;
    private static String period;

    /** Exit code, stdout and stderr of one admin-cli run. */
    private record Cli(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void connect() throws Exception {
        try (Stream<Path> dirs = Files.list(NETWORK.runtime().resolve("platforms"))) {
            platforms = dirs.filter(d -> Files.exists(d.resolve("gateway.env")))
                .map(d -> d.getFileName().toString()).sorted().toList();
        }
        NetworkStatus.runScript(300, "channel", "create", CHANNEL);
        for (final String platform : platforms) {
            CLIENTS.put(platform, NETWORK.connect(platform, Role.CLIENT, CHANNEL));
        }
        // The UTC offset whose midnight is LEAD from now (whole seconds; offsets span -12:00..+12:00).
        midnight = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        int offset = (int) ((86_400 - midnight.getEpochSecond() % 86_400) % 86_400);
        if (offset > 43_200) {
            offset -= 86_400;
        }
        zone = ZoneOffset.ofTotalSeconds(offset);
        period = LocalDate.ofInstant(midnight.minusSeconds(1), zone).toString();
        for (int i = 0; i < platforms.size(); i++) {
            final String platform = platforms.get(i);
            try (FabricConnection operator = NETWORK.connect(platform, Role.OPERATOR, CHANNEL)) {
                submitUntilNoConflict(operator, "platform:Register", json("requestId", "settle-reg-" + platform,
                    "platformId", platform, "name", "Settle " + platform, "symbol", "PT" + i, "decimals", 0,
                    "unitValue", i == 1 ? "0.02" : "0.01", "currency", CURRENCY, "timeZone", zone.getId()),
                    platforms.stream().map(SettlementEndToEndIT::msp).toArray(String[]::new)).outcome().requireValid("registering " + platform + " on " + CHANNEL);
            }
        }
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(FabricConnection::close);
    }

    private static Cli admin(final String... args) throws Exception {
        // As test-network.sh runs it: a short-lived JVM, C1 only (about 1 s less per run on 2 cores).
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
            ROOT.resolve("admin-cli").resolve("target").resolve("admin-cli.jar").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--runtime", NETWORK.runtime().toString(), "--channel", CHANNEL));
        final Process process = new ProcessBuilder(command).start();
        final byte[] out = process.getInputStream().readAllBytes();
        final byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "admin-cli " + args[0] + " did not finish");
        return new Cli(process.exitValue(), new String(out, UTF_8), new String(err, UTF_8));
    }

    private static Cli ok(final String... args) throws Exception {
        final Cli cli = admin(args);
        assertEquals(0, cli.exitCode(), "admin-cli " + String.join(" ", args) + ": " + cli.err());
        assertFalse(cli.err().contains("\tat "), cli.err());
        return cli;
    }

    private static JsonNode report(final String platform) throws Exception {
        return LedgerCalls.JSON.readTree(ok("settlement", "report", "--org", platform, "--period", period, "--json")
            .out());
    }

    private static String msp(final String platform) {
        return NETWORK.mspId(platform);
    }

    // First: the platforms' day ends shortly after the class set them up.
    @Test
    @Order(1)
    void closeStoreConfirmAndDisputeAPeriodThroughTheAdminCli() throws Exception {
        // Each platform i converts 100·(i+1) of its points to platform i+1 (a ring), booked into the day ending soon;
        // the platforms at once (each its own user; a conflict on a shared key is endorsed again).
        final Map<String, BigDecimal> expectedGross = new TreeMap<>();
        FaultBurst.inParallel(platforms, from -> {
            final String user = from + ".settle-" + RUN;
            LedgerCalls.registerUser(CLIENTS.get(from), user);
            submitUntilNoConflict(CLIENTS.get(from), "account:Issue", json("requestId", "settle-issue-" + user,
                "platformId", from, "userId", user, "amount", 10_000)).outcome().requireValid("issuing to " + user);
            return user;
        });
        // A conversion is endorsed by both platforms' peers: each must have the issuance before it simulates.
        final Map<String, FabricConnection> byMsp = CLIENTS.entrySet().stream().collect(
            java.util.stream.Collectors.toMap(e -> msp(e.getKey()), Map.Entry::getValue));
        PeerHeights.awaitInSync(byMsp, CHANNEL);
        final List<JsonNode> receipts = FaultBurst.inParallel(IntStream.range(0, platforms.size()).boxed().toList(),
            i -> {
                final String from = platforms.get(i);
                final String to = platforms.get((i + 1) % platforms.size());
                final Outcome converted = submitUntilNoConflict(CLIENTS.get(from), "conversion:Convert", json(
                    "requestId", "settle-" + RUN + "-" + i, "userId", from + ".settle-" + RUN, "fromPlatformId", from,
                    "toPlatformId", to, "amount", 100L * (i + 1)), msp(from), msp(to)).outcome();
                converted.requireValid("converting " + from + " to " + to);
                return converted.json();
            });
        System.out.printf("settlement: conversions done %d s before the platforms' day ends at %s%n",
            Duration.between(Instant.now(), midnight).toSeconds(), midnight);
        for (int i = 0; i < platforms.size(); i++) {
            final JsonNode receipt = receipts.get(i);
            final JsonNode obligation = receipt.path("detail").path("obligation");
            assertEquals(period, obligation.path("period").asString(), "booked into " + period + " (day ending at "
                + midnight + "; the machine took longer than " + LEAD + "): " + receipt);
            expectedGross.merge(platforms.get(i) + ">" + platforms.get((i + 1) % platforms.size()),
                new BigDecimal(obligation.path("value").asString()), BigDecimal::add);
        }
        PeerHeights.awaitInSync(byMsp, CHANNEL);
        // Closing needs the day to have ended in the platforms' zone.
        while (Instant.now().isBefore(midnight.plusSeconds(5))) {
            Thread.sleep(1_000);
        }

        // Storing the statement before everyone closed: the ledger refuses (exit code 3), naming the platform.
        final Cli early = admin("settlement", "statement", "--org", platforms.get(0), "--period", period);
        assertEquals(3, early.exitCode(), early.err());
        assertTrue(early.err().contains("has not closed period '" + period + "'"), early.err());

        for (final String platform : platforms) {
            final Cli closed = ok("settlement", "close", "--org", platform, "--period", period);
            assertTrue(closed.out().startsWith("CLOSE_PERIOD committed"), closed.out());
            assertTrue(closed.err().contains("committed settlement:ClosePeriod in block"), closed.err());
        }
        ok("settlement", "statement", "--org", platforms.get(0), "--period", period);

        final String reader = platforms.get(platforms.size() - 1);
        final JsonNode report = report(reader);
        final JsonNode statement = report.path("statement");
        final Map<String, BigDecimal> gross = new TreeMap<>();
        statement.path("obligations").forEach(o -> gross.put(o.path("debtorPlatformId").asString() + ">"
            + o.path("creditorPlatformId").asString(), new BigDecimal(o.path("value").asString())));
        BigDecimal sum = BigDecimal.ZERO;
        for (final JsonNode position : statement.path("netPositions")) {
            sum = sum.add(new BigDecimal(position.path("net").asString()));
        }
        final BigDecimal netSum = sum;
        assertAll("statement of " + period + ": " + report,
            () -> assertEquals(platforms.get(0), statement.path("storedBy").asString()),
            () -> assertEquals(platforms.size(), statement.path("version").asLong()),
            () -> assertTrue(report.path("statementMatchesLedger").asBoolean(false), "matches the ledger"),
            () -> assertEquals(expectedGross.keySet(), gross.keySet(), "pairs"),
            () -> expectedGross.forEach((pair, value) -> assertEquals(0, value.compareTo(gross.get(pair)), pair)),
            () -> assertEquals(0, netSum.signum(), "net positions sum to zero"),
            () -> assertTrue(report.path("payments").size() >= 2, "at least two payments"));

        // Payment 1: payer and payee confirm the amount due → CONFIRMED.
        final JsonNode first = report.path("payments").get(0);
        final String payer = first.path("payerPlatformId").asString();
        final String payee = first.path("payeePlatformId").asString();
        final String amount = first.path("amount").asString();
        ok("settlement", "confirm", "--org", payer, "--period", period, "--counterparty", payee, "--currency", CURRENCY,
            "--amount", amount);
        assertEquals("OPEN", payment(report(reader), payer, payee).path("status").asString());
        ok("settlement", "confirm", "--org", payee, "--period", period, "--counterparty", payer, "--currency", CURRENCY,
            "--amount", amount);
        assertEquals("CONFIRMED", payment(report(reader), payer, payee).path("status").asString());

        // Payment 2: the payee records less than the payer says it paid → DISPUTED.
        final JsonNode second = report.path("payments").get(1);
        final String payer2 = second.path("payerPlatformId").asString();
        final String payee2 = second.path("payeePlatformId").asString();
        final String amount2 = second.path("amount").asString();
        ok("settlement", "confirm", "--org", payer2, "--period", period, "--counterparty", payee2, "--currency",
            CURRENCY, "--amount", amount2);
        ok("settlement", "confirm", "--org", payee2, "--period", period, "--counterparty", payer2, "--currency",
            CURRENCY, "--amount", "0.01");
        final JsonNode disputed = payment(report(reader), payer2, payee2);
        assertEquals("DISPUTED", disputed.path("status").asString(), disputed.toString());
        assertEquals("0.01", disputed.path("receivedAmount").asString());

        // The people's table shows both.
        final Cli table = ok("settlement", "report", "--org", reader, "--period", period);
        assertTrue(table.out().contains("CONFIRMED") && table.out().contains("DISPUTED"), table.out());

        // payer2 tries to turn the dispute into a confirmation by writing payee2's record.
        // (1) Through the genuine chaincode: payee2's peer refuses payer2's operator acting as payee2.
        try (FabricConnection payerOperator = NETWORK.connect(payer2, Role.OPERATOR, CHANNEL)) {
            final Outcome genuine = LedgerCalls.submit(payerOperator, "settlement:Confirm", json("requestId",
                "forge-" + RUN, "platformId", payee2, "period", period, "counterpartyPlatformId", payer2, "currency",
                CURRENCY, "amount", amount2), msp(payee2));
            assertTrue(genuine.code() == null && genuine.endorsementError().contains("FORBIDDEN"), genuine.toString());
        }
        // (2) With rogue code on its own peer, writing ledger-<payee2> endorsed by itself only: invalid.
        final LedgerKey record = LedgerKey.ofPlatform(payee2, "confirm", period, payer2, CURRENCY);
        final String forged = json("period", period, "platformId", payee2, "counterpartyPlatformId", payer2, "role",
            "PAYEE", "currency", CURRENCY, "amount", amount2, "statementVersion", statement.path("version").asLong());
        try (RogueChaincode rogue = RogueChaincode.swapIn(payer2)) {
            final Outcome forgery = RogueCalls.put(CLIENTS.get(payer2), record, forged.getBytes(UTF_8), msp(payer2));
            assertNotEquals(TxValidationCode.VALID, forgery.code(), forgery.toString());
        }
        final JsonNode after = payment(report(reader), payer2, payee2);
        assertEquals("DISPUTED", after.path("status").asString(), after.toString());
        assertEquals("0.01", after.path("receivedAmount").asString());

        // The ledger's own invariant holds on every platform.
        final Cli reconcile = ok("reconcile", "--org", reader);
        assertTrue(reconcile.out().endsWith("balanced\n"), reconcile.out());
    }

    /**
     * The member commands issue 14 lists, each run from the jar against the live channel and checked on the ledger
     * through another command: rules (fee, limits, a rate both sides approve), a conversion's fee swept, rewards,
     * suspend and resume, a second registration refused (exit 3), reconcile.
     */
    @Test
    @Order(2)
    void memberCommandsChangeTheLedgerThroughTheJar() throws Exception {
        final String own = platforms.get(0);
        final String other = platforms.get(1);
        final String tag = RUN + "-cmd";
        assertCommitted(ok("rules", "set-fee", "--org", own, "--request-id", tag + "-fee", "--basis-points", "50",
            "--max-fee", "100"), tag + "-fee");
        assertCommitted(ok("rules", "set-limits", "--org", own, "--request-id", tag + "-limits", "--daily-per-user",
            "5000", "--pair", other + "=4000"), tag + "-limits");
        final long version = nextRateVersion(own, other);
        assertCommitted(ok("rules", "set-rate", "--org", own, "--request-id", tag + "-rate", "--to", other,
            "--rate-version", Long.toString(version), "--rate", "2"), tag + "-rate");
        assertCommitted(ok("rules", "approve-rate", "--org", other, "--request-id", tag + "-approve", "--from", own,
            "--rate-version", Long.toString(version), "--rate", "2"), tag + "-approve");
        final JsonNode rules = LedgerCalls.JSON.readTree(ok("rules", "show", "--org", own, "--platform", own,
            "--json").out());
        assertEquals(50, rules.path("fee").path("basisPoints").asLong(), rules.toString());
        assertEquals(5000, rules.path("limits").path("dailyPerUser").asLong(), rules.toString());
        final JsonNode otherRules = LedgerCalls.JSON.readTree(ok("rules", "show", "--org", other, "--platform", other,
            "--json").out());
        assertEquals(version, rate(otherRules, own, other).path("agreedVersion").asLong(), otherRules.toString());
        // The platform's own value rule: the same values again, a new version in force at once (amounts unchanged).
        assertCommitted(ok("rules", "set-value", "--org", own, "--request-id", tag + "-value", "--unit-value", "0.01",
            "--multiplier", "1"), tag + "-value");
        final JsonNode value = LedgerCalls.evaluate(CLIENTS.get(own), "value:GetValue", json("platformId", own));
        assertEquals(2, value.path("versions").path(0).path("version").asLong(), value.toString());

        // A conversion into `own` pays `own`'s new fee; the credit it leaves is what `fees sweep` finds and sweeps.
        final JsonNode receipt = submitUntilNoConflict(CLIENTS.get(other), "conversion:Convert", json("requestId",
            tag + "-convert", "userId", other + ".settle-" + RUN, "fromPlatformId", other, "toPlatformId", own,
            "amount", 1000), msp(other), msp(own)).outcome().json();
        assertTrue(receipt.path("detail").path("quote").path("fee").asLong() > 0, receipt.toString());
        PeerHeights.awaitInSync(Map.of(msp(own), CLIENTS.get(own), msp(other), CLIENTS.get(other)), CHANNEL);
        final Cli sweep = ok("fees", "sweep", "--org", own, "--request-id", tag + "-sweep");
        assertTrue(sweep.err().contains("fee credits to sweep on " + own), sweep.err());
        assertCommitted(sweep, tag + "-sweep");
        assertEquals("nothing to sweep on " + own + "\n", ok("fees", "sweep", "--org", own).out());

        assertCommitted(ok("rewards", "put", "--org", own, "--request-id", tag + "-mug", "--reward-id", "mug-" + RUN,
            "--name", "Mug", "--points", "500", "--stock", "10"), tag + "-mug");
        final JsonNode rewards = LedgerCalls.JSON.readTree(ok("rewards", "list", "--org", own, "--json").out());
        assertTrue(rewards.toString().contains("\"mug-" + RUN + "\""), rewards.toString());

        assertCommitted(ok("platform", "suspend", "--org", own, "--request-id", tag + "-suspend", "--reason",
            "audit"), tag + "-suspend");
        assertEquals("SUSPENDED", status(own), "after suspend");
        assertCommitted(ok("platform", "resume", "--org", own, "--request-id", tag + "-resume", "--reason",
            "audit done"), tag + "-resume");
        assertEquals("ACTIVE", status(own), "after resume");

        final Cli again = admin("platform", "register", "--org", own, "--request-id", tag + "-register", "--name",
            "Again", "--symbol", "AG", "--unit-value", "0.01", "--currency", CURRENCY, "--time-zone", "UTC");
        assertEquals(3, again.exitCode(), again.out() + again.err());
        assertTrue(again.err().contains("admin-cli: error: platform:Register refused: ")
            && again.err().contains("'" + own + "' is already registered"), again.err());

        final Cli reconcile = ok("reconcile", "--org", other);
        assertTrue(reconcile.out().endsWith("balanced\n"), reconcile.out());
    }

    private static void assertCommitted(final Cli cli, final String requestId) {
        assertTrue(cli.out().contains(" committed: request " + requestId + ", tx "), cli.out() + cli.err());
    }

    private static long nextRateVersion(final String from, final String to) throws Exception {
        long latest = 0;
        for (final String side : List.of(from, to)) {
            final JsonNode rules = LedgerCalls.JSON.readTree(ok("rules", "show", "--org", side, "--platform", side,
                "--json").out());
            final JsonNode rate = rate(rules, from, to);
            latest = Math.max(latest, Math.max(rate.path("approvedVersion").asLong(0),
                rate.path("agreedVersion").asLong(0)));
        }
        return latest + 1;
    }

    private static JsonNode rate(final JsonNode rules, final String from, final String to) {
        for (final JsonNode r : rules.path("rates")) {
            if (r.path("fromPlatformId").asString().equals(from) && r.path("toPlatformId").asString().equals(to)) {
                return r;
            }
        }
        return LedgerCalls.JSON.createObjectNode();
    }

    private static String status(final String platform) throws Exception {
        for (final JsonNode p : LedgerCalls.JSON.readTree(ok("platform", "list", "--org", platform, "--json").out())) {
            if (p.path("platformId").asString().equals(platform)) {
                return p.path("status").asString();
            }
        }
        throw new AssertionError(platform + " not listed");
    }

    private static JsonNode payment(final JsonNode report, final String payer, final String payee) {
        for (final JsonNode p : report.path("payments")) {
            if (p.path("payerPlatformId").asString().equals(payer) && p.path("payeePlatformId").asString().equals(payee)) {
                return p;
            }
        }
        throw new AssertionError("no payment " + payer + " → " + payee + " in " + report);
    }
}
