package org.pointsnet.admin.network;

import java.nio.file.Path;
import java.util.List;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PeerSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * Writes the configtx.yaml that configtxgen reads: the organizations of the spec, then
 * the committed base (capabilities, policies, orderer settings), then the channel
 * profile. Text, not a YAML tree, because the base relies on anchors and merge keys
 * that a YAML library would flatten.
 */
public final class ConfigtxRenderer {

    /** The profile name test-network.sh passes to configtxgen. */
    public static final String PROFILE = "PointsChannel";

    private final NetworkSpec spec;
    private final CryptoLayout crypto;

    public ConfigtxRenderer(NetworkSpec spec, CryptoLayout crypto) {
        this.spec = spec;
        this.crypto = crypto;
    }

    public String render(String base) {
        return organizations() + "\n" + base.strip() + "\n\n" + profile();
    }

    private String organizations() {
        StringBuilder yaml = new StringBuilder("Organizations:\n");
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        String id = ordererOrg.mspId();
        yaml.append("  - &").append(ordererOrg.name()).append('\n')
            .append("    Name: ").append(ordererOrg.name()).append('\n')
            .append("    ID: ").append(id).append('\n')
            .append("    MSPDir: ").append(crypto.ordererOrg(ordererOrg).resolve("msp")).append('\n')
            .append(policies(id, "OR('" + id + ".member')", "OR('" + id + ".member')",
                    "OR('" + id + ".admin')", null))
            .append("    OrdererEndpoints:\n");
        for (OrdererNodeSpec node : ordererOrg.orderers()) {
            yaml.append("      - ").append(Addresses.dial(node.host(), node.port())).append('\n');
        }
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            yaml.append(platformOrg(org, crypto.peerOrg(org).resolve("msp")));
        }
        return yaml.toString();
    }

    /**
     * A platform org's configtxgen definition alone, its MSP read from {@code mspDir}: what {@code org create}
     * hands to the consortium and {@code configtxgen -printOrg} turns into the org's channel config group, so a
     * joining org gets exactly the policies and anchor peer of the founding ones.
     */
    public static String orgDefinition(PlatformOrgSpec org, Path mspDir) {
        return "Organizations:\n" + platformOrg(org, mspDir);
    }

    private static String platformOrg(PlatformOrgSpec org, Path mspDir) {
        String msp = org.mspId();
        // Every peer of the org is an anchor: other orgs' peers find the org through whichever of them is up.
        StringBuilder anchors = new StringBuilder();
        for (PeerSpec peer : org.peers()) {
            anchors.append("      - Host: ").append(Addresses.dialHost(peer.host())).append('\n')
                .append("        Port: ").append(peer.port()).append('\n');
        }
        return "  - &" + org.name() + "\n"
            + "    Name: " + org.name() + "\n"
            + "    ID: " + msp + "\n"
            + "    MSPDir: " + mspDir + "\n"
            + policies(msp,
                "OR('" + msp + ".admin', '" + msp + ".peer', '" + msp + ".client')",
                "OR('" + msp + ".admin', '" + msp + ".client')",
                "OR('" + msp + ".admin')",
                "OR('" + msp + ".peer')")
            // Anchor peers go into the genesis block (or the org's join update), so no separate update is needed.
            + "    AnchorPeers:\n"
            + anchors;
    }

    private static String policies(String mspId, String readers, String writers, String admins, String endorsement) {
        StringBuilder yaml = new StringBuilder("    Policies:\n");
        policy(yaml, "Readers", readers);
        policy(yaml, "Writers", writers);
        policy(yaml, "Admins", admins);
        if (endorsement != null) {
            policy(yaml, "Endorsement", endorsement);
        }
        return yaml.toString();
    }

    private static void policy(StringBuilder yaml, String name, String rule) {
        yaml.append("      ").append(name).append(":\n")
            .append("        Type: Signature\n")
            .append("        Rule: \"").append(rule).append("\"\n");
    }

    private String profile() {
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        StringBuilder yaml = new StringBuilder("Profiles:\n")
            .append("  ").append(PROFILE).append(":\n")
            .append("    <<: *ChannelDefaults\n")
            .append("    Orderer:\n")
            .append("      <<: *OrdererDefaults\n")
            .append("      Organizations:\n")
            .append("        - *").append(ordererOrg.name()).append('\n')
            .append("      EtcdRaft:\n")
            .append("        Options: *RaftOptions\n")
            .append("        Consenters:\n");
        for (OrdererNodeSpec node : ordererOrg.orderers()) {
            String tlsCert = crypto.ordererNode(ordererOrg, node).resolve("tls").resolve("server.crt").toString();
            yaml.append("          - Host: ").append(Addresses.dialHost(node.host())).append('\n')
                .append("            Port: ").append(node.port()).append('\n')
                .append("            ClientTLSCert: ").append(tlsCert).append('\n')
                .append("            ServerTLSCert: ").append(tlsCert).append('\n');
        }
        yaml.append("    Application:\n")
            .append("      <<: *ApplicationDefaults\n")
            .append("      Organizations:\n");
        List<PlatformOrgSpec> orgs = spec.platformOrgs();
        for (PlatformOrgSpec org : orgs) {
            yaml.append("        - *").append(org.name()).append('\n');
        }
        return yaml.toString();
    }
}
