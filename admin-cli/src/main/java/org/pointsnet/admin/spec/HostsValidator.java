package org.pointsnet.admin.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the {@code hosts} section against the orgs: with {@code namespaces}, every org is one host, so all nodes
 * of an org name the same IPv4 address, inside the bridge's subnet, and no two orgs (nor the bridge) share one.
 */
final class HostsValidator {

    private final List<String> problems;

    HostsValidator(List<String> problems) {
        this.problems = problems;
    }

    void validate(NetworkSpec spec) {
        HostsSpec hosts = spec.hosts();
        if (hosts == null) {
            problems.add("hosts: must have a value");
            return;
        }
        if (!HostsSpec.LOOPBACK.equals(hosts.simulation()) && !hosts.namespaces()) {
            problems.add("hosts.simulation: '" + hosts.simulation() + "' must be " + HostsSpec.LOOPBACK + " or "
                + HostsSpec.NAMESPACES);
            return;
        }
        if (!hosts.namespaces()) {
            return;
        }
        Optional<Subnet> bridge = Subnet.parse(hosts.bridge());
        if (bridge.isEmpty()) {
            problems.add("hosts.bridge: '" + hosts.bridge() + "' must be an IPv4 address with a prefix length of 8 to"
                + " 30, e.g. 198.18.0.1/15");
            return;
        }
        Map<String, String> owners = new HashMap<>();
        owners.put(bridge.get().address(), "hosts.bridge");
        org("ordererOrg", ordererHosts(spec.ordererOrg()), bridge.get(), owners);
        for (int i = 0; i < spec.platformOrgs().size(); i++) {
            org("platformOrgs[" + i + "]", platformHosts(spec.platformOrgs().get(i)), bridge.get(), owners);
        }
        for (int i = 0; i < spec.joiningOrgs().size(); i++) {
            org("joiningOrgs[" + i + "]", platformHosts(spec.joiningOrgs().get(i)), bridge.get(), owners);
        }
    }

    /** One org: its nodes' hosts (field to host) are one address of the bridge's subnet that no one else has. */
    private void org(String field, Map<String, String> hosts, Subnet bridge, Map<String, String> owners) {
        String first = hosts.values().iterator().next();
        for (Map.Entry<String, String> node : hosts.entrySet()) {
            if (!node.getValue().equals(first)) {
                problems.add(field + "." + node.getKey() + ": '" + node.getValue() + "' differs from the org's host '"
                    + first + "' (with hosts.simulation namespaces an org is one host)");
                return;
            }
        }
        if (!bridge.holds(first)) {
            problems.add(field + ": host '" + first + "' is not an address of the bridge's subnet " + bridge);
            return;
        }
        String owner = owners.putIfAbsent(first, field);
        if (owner != null) {
            problems.add(field + ": host '" + first + "' is already used by " + owner);
        }
    }

    private static Map<String, String> ordererHosts(OrdererOrgSpec org) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (int i = 0; i < org.orderers().size(); i++) {
            hosts.put("orderers[" + i + "].host", org.orderers().get(i).host());
        }
        return hosts;
    }

    private static Map<String, String> platformHosts(PlatformOrgSpec org) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (int i = 0; i < org.peers().size(); i++) {
            hosts.put("peers[" + i + "].host", org.peers().get(i).host());
        }
        hosts.put("chaincodeServer.host", org.chaincodeServer().host());
        hosts.put("gateway.host", org.gateway().host());
        List<EndpointSpec> gateways = new ArrayList<>(org.gateways());
        for (int i = 0; i < gateways.size(); i++) {
            hosts.put("gateways[" + i + "].host", gateways.get(i).host());
        }
        org.projectionDatabase().ifPresent(db -> hosts.put("projectionDatabase.host", db.host()));
        return hosts;
    }

    /** An IPv4 address with its prefix length. */
    record Subnet(String address, int prefixLength) {

        static Optional<Subnet> parse(String text) {
            if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                return Optional.empty();
            }
            String[] parts = text.split("/");
            int length = Integer.parseInt(parts[1]);
            if (length < 8 || length > 30 || toInt(parts[0]).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Subnet(parts[0], length));
        }

        /** Whether {@code host} is an IPv4 address of this subnet, neither its network nor its broadcast address. */
        boolean holds(String host) {
            Optional<Long> ip = toInt(host);
            long mask = (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
            long network = toInt(address).orElseThrow() & mask;
            return ip.isPresent() && (ip.get() & mask) == network && ip.get() != network
                && ip.get() != (network | (~mask & 0xFFFFFFFFL));
        }

        private static Optional<Long> toInt(String host) {
            if (host == null || !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return Optional.empty();
            }
            long value = 0;
            for (String octet : host.split("\\.")) {
                int part = Integer.parseInt(octet);
                if (part > 255) {
                    return Optional.empty();
                }
                value = value << 8 | part;
            }
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return address + "/" + prefixLength;
        }
    }
}
