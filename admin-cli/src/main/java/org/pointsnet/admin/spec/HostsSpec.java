package org.pointsnet.admin.spec;

/**
 * How {@code test-network.sh} gives the orgs their hosts on one machine. {@code loopback}: every node listens on
 * this machine's loopback (the hosts of the spec must be loopback names). {@code namespaces}: every org's host is a
 * Linux network namespace {@code pn-<org>} holding that org's one address (the {@code host} of all its nodes), joined
 * by veth pairs to a bridge in the root namespace that holds {@code bridge} (address/prefix length, e.g.
 * {@code 198.18.0.1/15}; every org address lies in it), so nodes reach each other only through those addresses.
 *
 * @param simulation {@link #LOOPBACK} or {@link #NAMESPACES}
 * @param bridge     the root namespace's address on the bridge with its prefix length; empty for loopback
 */
public record HostsSpec(String simulation, String bridge) {

    public static final String LOOPBACK = "loopback";
    public static final String NAMESPACES = "namespaces";
    /** A spec without a hosts section: everything on loopback, as before hosts could be simulated. */
    public static final HostsSpec DEFAULT = new HostsSpec(LOOPBACK, "");

    /** Whether each org runs in its own network namespace. */
    public boolean namespaces() {
        return NAMESPACES.equals(simulation);
    }
}
