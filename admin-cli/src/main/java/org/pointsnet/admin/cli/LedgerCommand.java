package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.pointsnet.admin.ledger.ConnectionSettings;
import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.admin.ledger.LedgerException;
import org.pointsnet.admin.ledger.LedgerOpener;
import org.pointsnet.admin.ledger.LedgerSession;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command that calls the ledger as one member's operator: opens the session, runs, prints a table (or the JSON
 * answer with --json) on stdout and progress lines on stderr; failures go to the one {@link ErrorReporter}.
 */
public abstract class LedgerCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOptions options;

    @Option(names = "--request-id", paramLabel = "<id>",
            description = "Idempotency key of a write (default: a new cli-<uuid>); repeating a write with the same id"
                + " changes nothing and prints the first receipt.")
    private String requestId;

    private LedgerOpener opener = LedgerOpener.FABRIC;
    private ConnectionSettings settings;

    /** Set by the command line's factory (tests pass one that needs no network). */
    void opener(LedgerOpener opener) {
        this.opener = opener;
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        settings = options.settings();
        try (LedgerSession session = opener.open(settings, line -> {
            err.println("admin-cli: " + line);
            err.flush();
        })) {
            int code = run(session);
            spec.commandLine().getOut().flush();
            return code;
        }
    }

    /** Runs against the ledger; returns the exit code. */
    protected abstract int run(LedgerCalls ledger);

    /** The acting member's connection settings (set once the command runs). */
    protected final ConnectionSettings settings() {
        return settings;
    }

    /** The acting member's platform id. */
    protected final String org() {
        return options.org();
    }

    protected final boolean json() {
        return options.json();
    }

    /** This write's request id. */
    protected final String requestId() {
        if (requestId == null) {
            requestId = "cli-" + UUID.randomUUID();
        }
        return requestId;
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** A progress line on stderr. */
    protected final void progress(String line) {
        spec.commandLine().getErr().println("admin-cli: " + line);
        spec.commandLine().getErr().flush();
    }

    /** Parses a ledger answer. */
    protected static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new LedgerException(LedgerException.Kind.FAILED, "the ledger answered something other than JSON",
                e);
        }
    }

    /** Prints a submit's receipt: the JSON, or one line for people. */
    protected final int printReceipt(String receiptJson) {
        if (json()) {
            out().println(receiptJson);
        } else {
            JsonNode receipt = parse(receiptJson);
            out().println(receipt.path("type").asString("?") + " committed: request " + receipt.path("requestId")
                .asString("?") + ", tx " + receipt.path("txId").asString("?") + ", platform "
                + receipt.path("platformId").asString("?"));
        }
        return 0;
    }

    /** Prints an evaluate's answer: the JSON, or a table of {@code columns} of each element of the array. */
    protected final int printRows(String answer, String... columns) {
        if (json()) {
            out().println(answer);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : parse(answer)) {
            List<String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(Table.cell(item.path(column)));
            }
            rows.add(row);
        }
        Table.print(out(), List.of(columns), rows);
        return 0;
    }
}
