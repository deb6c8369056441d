package org.pointsnet.admin.spec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed spec and collects every problem, each naming its field, so one run
 * reports all mistakes at once. Single use: create one per spec.
 */
final class SpecValidator {

    private static final Pattern PLATFORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    /** Fabric's channel name rule. */
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    /** Fabric's chaincode name rule. */
    private static final Pattern CHAINCODE_NAME = Pattern.compile("[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*");
    /** The version goes into the package label, which Fabric limits to these characters. */
    private static final Pattern CHAINCODE_VERSION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.+-]*");
    /**
     * Org names become YAML anchors in configtx.yaml and MSP ids go into policy strings and
     * environment files, so both stay plain identifiers.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
        "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final List<String> problems = new ArrayList<>();
    /** "host:port" to the field that took it first. */
    private final Map<String, String> ports = new HashMap<>();
    private final Map<String, String> orgNames = new HashMap<>();
    private final Map<String, String> mspIds = new HashMap<>();
    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, String> platformIds = new HashMap<>();

    List<String> validate(NetworkSpec spec) {
        matches("channel", spec.channel(), CHANNEL);
        chaincode(spec.chaincode());
        ordererOrg(spec.ordererOrg());
        if (required("platformOrgs", spec.platformOrgs())) {
            if (spec.platformOrgs().isEmpty()) {
                problems.add("platformOrgs: at least one platform org is required");
            }
            for (int i = 0; i < spec.platformOrgs().size(); i++) {
                platformOrg("platformOrgs[" + i + "]", spec.platformOrgs().get(i));
            }
        }
        // Planned orgs take their names, ids and ports now, so joining never collides with a member.
        if (required("joiningOrgs", spec.joiningOrgs())) {
            for (int i = 0; i < spec.joiningOrgs().size(); i++) {
                platformOrg("joiningOrgs[" + i + "]", spec.joiningOrgs().get(i));
            }
        }
        if (problems.isEmpty()) {
            // Only on an otherwise valid spec: the check walks every org's nodes.
            new HostsValidator(problems).validate(spec);
        }
        return List.copyOf(problems);
    }

    private void chaincode(ChaincodeSpec chaincode) {
        if (!required("chaincode", chaincode)) {
            return;
        }
        matches("chaincode.name", chaincode.name(), CHAINCODE_NAME);
        matches("chaincode.version", chaincode.version(), CHAINCODE_VERSION);
        notBlank("chaincode.endorsementPolicy", chaincode.endorsementPolicy());
    }

    private void ordererOrg(OrdererOrgSpec org) {
        if (!required("ordererOrg", org)) {
            return;
        }
        orgIdentity("ordererOrg", org.name(), org.mspId(), org.domain());
        if (!required("ordererOrg.orderers", org.orderers())) {
            return;
        }
        if (org.orderers().isEmpty()) {
            problems.add("ordererOrg.orderers: at least one orderer is required");
        }
        Map<String, String> nodeNames = new HashMap<>();
        for (int i = 0; i < org.orderers().size(); i++) {
            String field = "ordererOrg.orderers[" + i + "]";
            OrdererNodeSpec node = org.orderers().get(i);
            if (!required(field, node)) {
                continue;
            }
            if (matches(field + ".name", node.name(), DNS_LABEL)) {
                unique(nodeNames, field + ".name", node.name().toLowerCase(Locale.ROOT));
            }
            if (host(field + ".host", node.host())) {
                port(field + ".port", node.host(), node.port());
                port(field + ".adminPort", node.host(), node.adminPort());
                port(field + ".operationsPort", node.host(), node.operationsPort());
            }
        }
    }

    private void platformOrg(String field, PlatformOrgSpec org) {
        if (!required(field, org)) {
            return;
        }
        orgIdentity(field, org.name(), org.mspId(), org.domain());
        if (matches(field + ".platformId", org.platformId(), PLATFORM_ID)) {
            unique(platformIds, field + ".platformId", org.platformId());
        }
        peers(field, org);
        endpoint(field + ".chaincodeServer", org.chaincodeServer());
        endpoint(field + ".gateway", org.gateway());
        org.projectionDatabase().ifPresent(db -> endpoint(field + ".projectionDatabase", db));
        gatewayInstances(field, org);
    }

    /** {@code peer} (one) or {@code peers} (a list of one or more, names unique in the org), never both. */
    private void peers(String field, PlatformOrgSpec org) {
        boolean single = org.singlePeer() != null && org.singlePeer().isPresent();
        if (org.peerList() == null) {
            problems.add(field + ".peers: must be a list");
            return;
        }
        boolean listed = !org.peerList().isEmpty();
        if (single && listed) {
            problems.add(field + ": list the org's peers either as peer (one) or as peers, not both");
            return;
        }
        if (!single && !listed) {
            problems.add(field + ".peer: is required (or a peers list)");
            return;
        }
        Map<String, String> names = new HashMap<>();
        List<PeerSpec> peers = org.peers();
        for (int i = 0; i < peers.size(); i++) {
            String at = single ? field + ".peer" : field + ".peers[" + i + "]";
            PeerSpec peer = peers.get(i);
            if (!required(at, peer)) {
                continue;
            }
            if (matches(at + ".name", peer.name(), DNS_LABEL)) {
                unique(names, at + ".name", peer.name().toLowerCase(Locale.ROOT));
            }
            if (host(at + ".host", peer.host())) {
                port(at + ".port", peer.host(), peer.port());
                port(at + ".chaincodeListenPort", peer.host(), peer.chaincodeListenPort());
                port(at + ".operationsPort", peer.host(), peer.operationsPort());
            }
        }
    }

    /** Several gateways behind the balancer on {@code gateway}: they share one PostgreSQL (H2 is one process's). */
    private void gatewayInstances(String field, PlatformOrgSpec org) {
        if (org.gateways() == null) {
            problems.add(field + ".gateways: must be a list");
            return;
        }
        if (org.gateways().size() == 1) {
            problems.add(field + ".gateways: list two or more gateway instances (one gateway: use gateway alone)");
        }
        for (int i = 0; i < org.gateways().size(); i++) {
            endpoint(field + ".gateways[" + i + "]", org.gateways().get(i));
        }
        if (org.balanced() && org.projectionDatabase().isEmpty()) {
            problems.add(field + ".gateways: several gateways of an org share their state in PostgreSQL; "
                + "name it in projectionDatabase");
        }
    }

    private void orgIdentity(String field, String name, String mspId, String domain) {
        if (matches(field + ".name", name, IDENTIFIER)) {
            unique(orgNames, field + ".name", name);
        }
        if (matches(field + ".mspId", mspId, IDENTIFIER)) {
            unique(mspIds, field + ".mspId", mspId);
        }
        if (notBlank(field + ".domain", domain)) {
            if (isDnsName(domain)) {
                unique(domains, field + ".domain", domain.toLowerCase(Locale.ROOT));
            } else {
                problems.add(field + ".domain: '" + domain + "' is not a valid DNS name");
            }
        }
    }

    private void endpoint(String field, EndpointSpec endpoint) {
        if (required(field, endpoint) && host(field + ".host", endpoint.host())) {
            port(field + ".port", endpoint.host(), endpoint.port());
        }
    }

    private boolean host(String field, String host) {
        if (!notBlank(field, host)) {
            return false;
        }
        if (!isDnsName(host) && !isIpLiteral(host)) {
            problems.add(field + ": '" + host + "' is neither a DNS name nor an IP address");
            return false;
        }
        return true;
    }

    private void port(String field, String host, int port) {
        if (port < 1 || port > 65535) {
            problems.add(field + ": " + port + " is not a port (1-65535)");
            return;
        }
        String owner = ports.putIfAbsent(hostKey(host) + ":" + port, field);
        if (owner != null) {
            problems.add(field + ": port " + port + " on host " + host + " is already used by " + owner);
        }
    }

    /** localhost and 127.0.0.1 are one interface: both names bind the same socket. */
    private static String hostKey(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        return key.equals("localhost") ? "127.0.0.1" : key;
    }

    private void unique(Map<String, String> seen, String field, String value) {
        String owner = seen.putIfAbsent(value, field);
        if (owner != null) {
            problems.add(field + ": '" + value + "' is already used by " + owner);
        }
    }

    private boolean matches(String field, String value, Pattern pattern) {
        if (!notBlank(field, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(field + ": '" + value + "' must match " + pattern.pattern());
            return false;
        }
        return true;
    }

    private boolean notBlank(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.isBlank()) {
            problems.add(field + ": must not be blank");
            return false;
        }
        return true;
    }

    private boolean required(String field, Object value) {
        if (value == null) {
            problems.add(field + ": is required");
            return false;
        }
        return true;
    }

    static boolean isDnsName(String name) {
        if (name.length() > 253 || IPV4.matcher(name).matches()) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpLiteral(String host) {
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        if (!host.contains(":")) {
            return false;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal, never looked up in DNS.
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
