package org.pointsnet.admin.network;

import java.io.IOException;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pointsnet.admin.crypto.CryptoLayout;
import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;

/**
 * Renders everything test-network.sh needs from the network spec: configtx.yaml, one
 * environment file per node, chaincode server, gateway and org admin, the chaincode
 * package's connection.json, and network.env listing what there is.
 */
public final class NetworkRenderer {

    private final NetworkSpec spec;
    private final Path repoRoot;
    private final RuntimeLayout runtime;
    private final CryptoLayout crypto;
    private final Consumer<String> progress;

    public NetworkRenderer(NetworkSpec spec, Path repoRoot, RuntimeLayout runtime, Consumer<String> progress) {
        this.spec = spec;
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.runtime = new RuntimeLayout(runtime.root().toAbsolutePath().normalize());
        this.crypto = new CryptoLayout(this.runtime.crypto());
        this.progress = progress;
    }

    public void render() throws IOException {
        Path base = repoRoot.resolve("network").resolve("configtx.yaml");
        String configtx = new ConfigtxRenderer(spec, crypto).render(Files.readString(base, StandardCharsets.UTF_8));
        Files.createDirectories(runtime.config());
        Files.writeString(runtime.config().resolve("configtx.yaml"), configtx, StandardCharsets.UTF_8);
        progress.accept("rendered " + runtime.config().resolve("configtx.yaml"));
        Files.writeString(runtime.collectionsConfig(), new CollectionsConfig(spec).render(), StandardCharsets.UTF_8);
        progress.accept("rendered " + runtime.collectionsConfig());

        NodeEnvironments envs = new NodeEnvironments(spec, repoRoot, runtime, crypto);
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        List<String> orderers = new ArrayList<>();
        for (OrdererNodeSpec node : ordererOrg.orderers()) {
            String fqdn = node.fqdn(ordererOrg.domain());
            orderers.add(fqdn);
            envs.orderer(node).write(runtime.orderer(fqdn).resolve("node.env"));
        }
        envs.ordererAdmin().write(runtime.root().resolve("orderer-admin.env"));
        envs.ordererOrgAdmin().write(runtime.ordererOrgAdminEnv());
        List<String> platforms = new ArrayList<>();
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            platforms.add(org.platformId());
            renderNodes(envs, org);
        }
        EnvFile network = new EnvFile()
            .put("PN_CHANNEL", spec.channel())
            .put("PN_PROFILE", ConfigtxRenderer.PROFILE)
            .put("PN_CC_NAME", spec.chaincode().name())
            .put("PN_CC_VERSION", spec.chaincode().version())
            .put("PN_CC_POLICY", spec.chaincode().endorsementPolicy())
            .put("PN_CC_COLLECTIONS", runtime.collectionsConfig())
            .putArray("PN_ORDERERS", orderers)
            .putArray("PN_PLATFORMS", platforms)
            // How the orgs' hosts are simulated; with namespaces, the hosts test-network.sh makes before any node.
            .put("PN_HOSTS_SIMULATION", spec.hosts().simulation());
        HostNamespaces namespaces = new HostNamespaces(spec);
        if (namespaces.enabled()) {
            network.put("PN_BRIDGE", HostNamespaces.BRIDGE)
                .put("PN_BRIDGE_ADDRESS", spec.hosts().bridge())
                .putArray("PN_HOSTS", namespaces.hosts());
        }
        network.write(runtime.networkEnv());
        progress.accept("rendered " + runtime.networkEnv());
    }

    /**
     * {@code org create}: one joining org's node configuration (peer, admin, chaincode server, gateway; its
     * gateway trusts every member and itself) and its org definition folder, the configtxgen definition with a
     * copy of its public MSP (CA certificates and NodeOU config, no key), which travels to the members.
     */
    public void renderJoiningOrg(String platformId) throws IOException {
        PlatformOrgSpec org = spec.joiningOrg(platformId);
        NetworkSpec joined = spec.withJoined(List.of(platformId));
        renderNodes(new NodeEnvironments(joined, repoRoot, runtime, crypto), org);
        Path definition = runtime.orgDefinition(platformId);
        Path msp = definition.resolve("msp");
        PublicMsp.copy(CryptoLayout.orgMsp(crypto.peerOrg(org)), msp);
        // Relative, so the folder can travel: configtxgen resolves MSPDir against the file's folder.
        Files.writeString(definition.resolve("configtx.yaml"),
            ConfigtxRenderer.orgDefinition(org, Path.of("msp")), StandardCharsets.UTF_8);
        progress.accept("rendered " + platformId + ": org definition " + definition
            + " (hand this folder to the channel's members)");
    }

    private void renderNodes(NodeEnvironments envs, PlatformOrgSpec org) throws IOException {
        Path dir = runtime.platform(org.platformId());
        for (int i = 0; i < org.peers().size(); i++) {
            envs.peer(org, i).write(dir.resolve("peer" + PlatformOrgSpec.peerSuffix(i) + ".env"));
        }
        envs.peerAdmin(org).write(dir.resolve("admin.env"));
        envs.chaincodeServer(org).write(dir.resolve("chaincode.env"));
        envs.gateway(org).write(dir.resolve("gateway.env"));
        if (org.balanced()) {
            for (int i = 1; i <= org.gateways().size(); i++) {
                envs.gatewayInstance(org, i).write(dir.resolve("gateway-" + i + ".env"));
            }
            Files.writeString(dir.resolve(BalancerConfig.FILE),
                new BalancerConfig(org, crypto.gatewayTls(org).resolve("ca.crt"), dir).render(),
                StandardCharsets.UTF_8);
            progress.accept("rendered " + org.platformId() + ": " + org.gateways().size()
                + " gateway instances behind HAProxy (" + dir.resolve(BalancerConfig.FILE) + ")");
        }
        new ChaincodePackageFiles(spec.chaincode(), crypto).write(org, runtime.chaincodePackage(org.platformId()));
        progress.accept("rendered " + org.platformId() + ": " + (org.peers().size() == 1 ? "peer"
            : org.peers().size() + " peers") + ", admin, chaincode server, gateway");
    }
}
