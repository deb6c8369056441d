package org.pointsnet.admin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The hosts section: loopback by default; with namespaces, one address of the bridge's subnet per org. */
class HostsSpecTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Path LOOPBACK_SPEC = Path.of("..", "crypto-config", "network.yaml");
    private static final Path HOSTS_SPEC = Path.of("..", "crypto-config", "network-hosts.yaml");

    @Test
    void aSpecWithoutHostsRunsOnLoopback() {
        NetworkSpec spec = NetworkSpec.load(LOOPBACK_SPEC);
        assertEquals(HostsSpec.DEFAULT, spec.hosts());
        assertFalse(spec.hosts().namespaces());
    }

    @Test
    void theHostsSpecPutsEachOrgOnItsOwnAddressOfTheBenchmarkingRange() {
        NetworkSpec spec = NetworkSpec.load(HOSTS_SPEC);
        assertTrue(spec.hosts().namespaces());
        assertEquals("198.18.0.1/15", spec.hosts().bridge());
        spec.ordererOrg().orderers().forEach(node -> assertEquals("198.18.0.10", node.host()));
        assertEquals("198.18.1.10", spec.platform("platform-a").peer().host());
        assertEquals("198.18.1.10", spec.platform("platform-a").gateways().get(1).host());
        assertEquals("198.18.3.10", spec.platform("platform-c").projectionDatabase().orElseThrow().host());
        assertEquals("198.18.4.10", spec.joiningOrg("platform-d").gateway().host());
        // Joining keeps the hosts section.
        assertTrue(spec.withJoined(java.util.List.of("platform-d")).hosts().namespaces());
    }

    /**
     * The hosts spec is the loopback spec with each org's address: with every {@code host} value put back to
     * localhost and the {@code hosts} section dropped, the two files hold the same tree, so a node, port or org
     * added to one and not the other fails here.
     */
    @Test
    void theTwoSpecsDifferOnlyInTheirHosts() throws IOException {
        JsonNode hosts = YAML.readTree(HOSTS_SPEC.toFile());
        JsonNode loopback = YAML.readTree(LOOPBACK_SPEC.toFile());
        assertTrue(hosts.has("hosts") && !loopback.has("hosts"));
        ((ObjectNode) hosts).remove("hosts");
        assertFalse(hostsToLocalhost(hosts).isEmpty(), "every node of the hosts spec names its org's address");

        assertEquals(loopback, hosts);
        String text = Files.readString(HOSTS_SPEC, StandardCharsets.UTF_8);
        assertFalse(text.contains("host: localhost"), "every node of the hosts spec names its org's address");
    }

    /** Puts every {@code host} field under {@code node} to localhost; returns the addresses it replaced. */
    private static java.util.Set<String> hostsToLocalhost(JsonNode node) {
        java.util.Set<String> replaced = new java.util.TreeSet<>();
        if (node instanceof ObjectNode object) {
            for (String field : java.util.List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if ("host".equals(field) && value.isString()) {
                    replaced.add(value.asString());
                    object.put(field, "localhost");
                } else {
                    replaced.addAll(hostsToLocalhost(value));
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> replaced.addAll(hostsToLocalhost(element)));
        }
        return replaced;
    }

    @Test
    void rejectsAnOrgOnTwoHosts() {
        SpecException error = rejected("      host: 198.18.1.10\n      port: 7054",
            "      host: 198.18.9.10\n      port: 7054");
        assertContains(error, "platformOrgs[0].chaincodeServer.host: '198.18.9.10' differs from the org's host "
            + "'198.18.1.10'");
    }

    @Test
    void rejectsTwoOrgsOnOneHost() {
        SpecException error = rejected("198.18.2.10", "198.18.1.10");
        assertContains(error, "platformOrgs[1]: host '198.18.1.10' is already used by platformOrgs[0]");
    }

    @Test
    void rejectsAHostOutsideTheBridgesSubnetOrOnTheBridge() {
        assertContains(rejected("198.18.2.10", "10.0.0.2"),
            "platformOrgs[1]: host '10.0.0.2' is not an address of the bridge's subnet 198.18.0.1/15");
        assertContains(rejected("198.18.2.10", "198.18.0.1"),
            "platformOrgs[1]: host '198.18.0.1' is already used by hosts.bridge");
    }

    @Test
    void rejectsABadBridgeOrSimulation() {
        assertContains(rejected("bridge: 198.18.0.1/15", "bridge: 198.18.0.1"), "hosts.bridge: '198.18.0.1' must be");
        assertContains(rejected("simulation: namespaces", "simulation: vms"),
            "hosts.simulation: 'vms' must be loopback or namespaces");
    }

    private static SpecException rejected(String from, String to) {
        String text;
        try {
            text = Files.readString(HOSTS_SPEC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(text.contains(from), from);
        String changed = text.replace(from, to);
        return assertThrows(SpecException.class, () -> NetworkSpec.parse(changed, "hosts.yaml"));
    }

    private static void assertContains(SpecException error, String part) {
        assertTrue(error.getMessage().contains(part), error.getMessage());
    }
}
