package org.pointsnet.admin.cli;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.ledger.GatewayHealth;
import org.pointsnet.admin.ledger.LedgerCalls;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.contract.LedgerRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code admin-cli reconcile}: per platform, the ledger's supply against the sum of its balances (the ledger's own
 * invariant) and, with --gateway, the org's gateway's last projection reconciliation. Exit code 5 on any difference.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Per platform: the ledger's supply against the sum of its balances (account:AuditSupply);"
            + " with --gateway also the member gateway's last reconciliation of its projection (/health/ready).",
            "Exit code 5 when anything differs."})
public final class ReconcileCommand extends LedgerCommand {

    /** Exit code when a supply and its balances, or a gateway's projection and the ledger, differ. */
    public static final int DIFFERENCE = 5;

    @Option(names = "--platform", paramLabel = "<platformId>", description = "Only this platform (default: all).")
    private String platform;

    @Option(names = "--gateway", description = "Also read the org's gateway's last reconciliation (PN_GATEWAY_URL).")
    private boolean gateway;

    @Option(names = "--gateway-url", paramLabel = "<url>",
            description = "The gateway to read instead (implies --gateway).")
    private URI gatewayUrl;

    @Override
    protected int run(LedgerCalls ledger) {
        JsonNode supplies = parse(ledger.evaluate(LedgerFunction.AUDIT_SUPPLY, new LedgerRequest.OfPlatform(platform)));
        boolean differs = false;
        List<List<String>> rows = new ArrayList<>();
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        var ledgerRows = report.putArray("ledger");
        for (JsonNode row : supplies) {
            BigInteger supply = new BigInteger(row.path("supply").asString(row.path("supply").toString()));
            BigInteger balances = new BigInteger(row.path("balances").asString(row.path("balances").toString()));
            BigInteger difference = balances.subtract(supply);
            differs |= difference.signum() != 0;
            rows.add(List.of(row.path("platformId").asString(), supply.toString(), balances.toString(),
                difference.toString()));
            ledgerRows.addObject().put("platformId", row.path("platformId").asString())
                .put("supply", supply.toString()).put("balances", balances.toString())
                .put("difference", difference.toString());
        }
        JsonNode projection = null;
        URI url = gatewayUrl != null ? gatewayUrl : gateway ? settings().gatewayUrl() : null;
        if (gateway && url == null) {
            throw org.pointsnet.admin.ledger.LedgerException.usage("the settings of " + org()
                + " name no gateway (PN_GATEWAY_URL); pass --gateway-url");
        }
        if (url != null) {
            progress("reading the last reconciliation of " + url);
            projection = GatewayHealth.reconciliation(url, settings().tlsCaCert());
            differs |= !projection.path("balanced").asBoolean(false);
            report.set("gateway", projection);
        }
        report.put("differs", differs);
        if (json()) {
            out().println(report.toString());
        } else {
            Table.print(out(), List.of("platformId", "supply", "balances", "difference"), rows);
            if (projection != null) {
                out().println("gateway " + url + ": " + (projection.isMissingNode() ? "no reconciliation yet"
                    : "balanced " + Table.cell(projection.path("balanced")) + ", difference "
                        + Table.cell(projection.path("difference")) + " as of block "
                        + Table.cell(projection.path("asOfBlock"))));
            }
            out().println(differs ? "DIFFERENCE" : "balanced");
        }
        return differs ? DIFFERENCE : 0;
    }
}
