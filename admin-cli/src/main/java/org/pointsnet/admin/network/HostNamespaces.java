package org.pointsnet.admin.network;

import java.util.ArrayList;
import java.util.List;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * The org hosts test-network.sh makes when the spec asks for {@code hosts.simulation: namespaces}: one Linux network
 * namespace per org ({@code pn-<platformId>}, the orderer org's {@code pn-<first label of its domain>}) holding the
 * org's address, and a veth pair to the bridge {@value #BRIDGE} in the root namespace. Names come from here only.
 */
final class HostNamespaces {

    /** The bridge in the root namespace that every org's veth joins. */
    static final String BRIDGE = "pn-br0";
    private static final String PREFIX = "pn-";

    private final NetworkSpec spec;

    HostNamespaces(NetworkSpec spec) {
        this.spec = spec;
    }

    boolean enabled() {
        return spec.hosts().namespaces();
    }

    /** The namespace the platform org's processes run in. */
    String of(PlatformOrgSpec org) {
        return PREFIX + org.platformId();
    }

    /** The namespace the orderers run in. */
    String ofOrderers() {
        OrdererOrgSpec org = spec.ordererOrg();
        return PREFIX + org.domain().split("\\.", 2)[0].toLowerCase(java.util.Locale.ROOT);
    }

    /** The bridge's prefix length, which every org address shares (e.g. 15 of 198.18.0.1/15). */
    private String prefixLength() {
        return spec.hosts().bridge().substring(spec.hosts().bridge().indexOf('/') + 1);
    }

    /**
     * Every host as {@code namespace|address/prefix|veth}: the orderer org, the platform orgs and the joining orgs
     * (made at {@code up} too, so {@code add-org} finds its host), in spec order.
     */
    List<String> hosts() {
        List<String> hosts = new ArrayList<>();
        hosts.add(host(ofOrderers(), spec.ordererOrg().orderers().get(0).host()));
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            hosts.add(host(of(org), org.peer().host()));
        }
        for (PlatformOrgSpec org : spec.joiningOrgs()) {
            hosts.add(host(of(org), org.peer().host()));
        }
        return hosts;
    }

    private String host(String namespace, String address) {
        return namespace + "|" + address + "/" + prefixLength() + "|" + veth(address);
    }

    /**
     * The root namespace's end of an org's veth pair: "pn" and the address in hex (interface names have at most 15
     * characters; a platform id may have 32), unique per address and the same at every {@code up}.
     */
    static String veth(String address) {
        StringBuilder name = new StringBuilder("pn");
        for (String octet : address.split("\\.")) {
            name.append(String.format("%02x", Integer.parseInt(octet)));
        }
        return name.toString();
    }
}
