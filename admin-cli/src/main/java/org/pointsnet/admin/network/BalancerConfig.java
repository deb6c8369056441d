package org.pointsnet.admin.network;

import java.nio.file.Path;
import java.util.List;
import org.pointsnet.admin.spec.EndpointSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The HAProxy configuration of an org with several gateways: it listens on the org's public gateway address and passes
 * TLS through (mode tcp) to the instances, so clients verify the gateways' own certificate, issued by the org's TLS
 * CA for the balancer's host. An instance gets traffic while {@code GET /health/ready} over HTTPS (verified against
 * that CA) answers 200; when no instance is ready, every instance still gets it (unchecked backup servers, a refused
 * connection redispatched to the next), so clients see a gateway's own 503 problem rather than a refused connection.
 */
final class BalancerConfig {

    /** The rendered file in the org's runtime folder. */
    static final String FILE = "haproxy.cfg";
    /** HAProxy's stats socket (show stat, show servers state), owner-only. */
    static final String SOCKET = "haproxy.sock";
    /**
     * Health checks: every INTER while an instance is steadily up (each check is a readiness probe: peer, chaincode,
     * orderers, database, so not more often), every FASTINTER once a check failed (a dead instance is out about
     * INTER + FASTINTER after its death), every DOWNINTER while it is down. Out after FALL failed checks, back in
     * after RISE good ones.
     */
    static final String INTER = "5s";
    static final String FASTINTER = "1s";
    static final String DOWNINTER = "2s";
    static final int FALL = 2;
    static final int RISE = 2;

    private final PlatformOrgSpec org;
    private final Path caCert;
    private final Path dir;

    BalancerConfig(PlatformOrgSpec org, Path caCert, Path dir) {
        this.org = org;
        this.caCert = caCert;
        this.dir = dir;
    }

    /** Node name of instance {@code index} (1-based), as test-network.sh names it: the first keeps the plain name. */
    static String instanceName(String platformId, int index) {
        return index == 1 ? "gateway-" + platformId : "gateway-" + platformId + "-" + index;
    }

    String render() {
        String sni = "gateway." + org.domain();
        StringBuilder out = new StringBuilder()
            .append("# Rendered by admin-cli network render from the spec: the load balancer in front of ")
            .append(org.platformId()).append("'s gateways.\n")
            .append("global\n")
            .append("    stats socket ").append(dir.resolve(SOCKET)).append(" mode 600 level admin\n")
            // Server state changes (UP/DOWN) at notice and above; no line per connection.
            .append("    log stdout format raw local0 notice\n")
            .append("\n")
            .append("defaults\n")
            .append("    mode tcp\n")
            .append("    log global\n")
            .append("    timeout connect 5s\n")
            // A conversion waits for its commit: up to the gateway's own commit timeouts.
            .append("    timeout client 3m\n")
            .append("    timeout server 3m\n")
            .append("    timeout check 5s\n")
            .append("\n")
            .append("frontend gateway\n")
            .append("    bind ").append(Addresses.listen(org.gateway().host(), org.gateway().port())).append('\n')
            .append("    default_backend gateways\n")
            .append("\n")
            .append("backend gateways\n")
            .append("    balance roundrobin\n")
            .append("    option allbackups\n")
            .append("    option redispatch\n")
            .append("    retries 2\n")
            .append("    option httpchk\n")
            .append("    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host ").append(sni).append('\n')
            .append("    http-check expect status 200\n")
            // No on-marked-down shutdown-sessions: a gateway briefly not ready finishes what it has; a dead one's
            // connections end with its process anyway.
            .append("    default-server inter ").append(INTER).append(" fastinter ").append(FASTINTER)
            .append(" downinter ").append(DOWNINTER).append(" fall ").append(FALL).append(" rise ")
            .append(RISE).append(" check check-ssl verify required ca-file ").append(caCert)
            .append(" check-sni ").append(sni).append(" verifyhost ").append(sni).append('\n');
        List<EndpointSpec> instances = org.gateways();
        for (int i = 1; i <= instances.size(); i++) {
            EndpointSpec instance = instances.get(i - 1);
            out.append("    server ").append(instanceName(org.platformId(), i)).append(' ')
                .append(Addresses.dial(instance.host(), instance.port())).append('\n');
        }
        for (int i = 1; i <= instances.size(); i++) {
            EndpointSpec instance = instances.get(i - 1);
            // Last resort, unchecked: used only while no instance is ready; a refused connection is redispatched.
            out.append("    server ").append(instanceName(org.platformId(), i)).append("-last-resort ")
                .append(Addresses.dial(instance.host(), instance.port())).append(" backup no-check\n");
        }
        return out.toString();
    }
}
