package org.pointsnet.admin.crypto;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.pointsnet.admin.spec.NetworkSpec;
import org.pointsnet.admin.spec.OrdererNodeSpec;
import org.pointsnet.admin.spec.OrdererOrgSpec;
import org.pointsnet.admin.spec.PlatformOrgSpec;
import org.pointsnet.contract.OperatorRole;

/**
 * Generates crypto material for every org in the spec, in cryptogen's folder layout.
 * An org whose folder exists is kept (re-running {@code up} must not rotate keys) unless
 * {@code force} is set. Each org is built in a staging folder and moved into place when
 * complete, so an interrupted run never leaves a half-written org that a later run keeps.
 */
public final class CryptoGenerator {

    private final NetworkSpec spec;
    private final Path out;
    private final boolean force;
    private final Consumer<String> progress;
    private final SecureRandom random = new SecureRandom();

    /** {@code progress} receives one line per org, never key material. */
    public CryptoGenerator(NetworkSpec spec, Path out, boolean force, Consumer<String> progress) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.out = Objects.requireNonNull(out, "out");
        this.force = force;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public void generate() {
        Validity validity = Validity.tenYearsFrom(Instant.now());
        for (OrgPlan plan : plans(spec, out)) {
            generate(plan, validity);
        }
    }

    static List<OrgPlan> plans(NetworkSpec spec, Path out) {
        List<OrgPlan> plans = new ArrayList<>();
        OrdererOrgSpec ordererOrg = spec.ordererOrg();
        List<OrgPlan.Node> orderers = new ArrayList<>();
        for (OrdererNodeSpec node : ordererOrg.orderers()) {
            orderers.add(new OrgPlan.Node(node.name(), node.host()));
        }
        plans.add(new OrgPlan(ordererOrg.name(), ordererOrg.domain(),
                out.resolve("ordererOrganizations").resolve(ordererOrg.domain()), "orderers", "orderer", orderers,
                List.of(new OrgPlan.User("Admin", "admin")), null, List.of()));
        for (PlatformOrgSpec org : spec.platformOrgs()) {
            plans.add(platformPlan(org, out));
        }
        return plans;
    }

    /**
     * Only this platform org's material ({@code org create} on that org's own machine): its CAs, keys and
     * certificates; no other org's key is created or needed.
     */
    public void generatePlatformOrg(PlatformOrgSpec org) {
        generate(platformPlan(org, out), Validity.tenYearsFrom(Instant.now()));
    }

    private static OrgPlan platformPlan(PlatformOrgSpec org, Path out) {
        return new OrgPlan(org.name(), org.domain(),
                out.resolve("peerOrganizations").resolve(org.domain()), "peers", "peer",
                org.peers().stream().map(peer -> new OrgPlan.Node(peer.name(), peer.host())).toList(),
                // User1 is the identity the org's REST gateway submits transactions with; Operator (a client with
                // the operator role) the one it signs platform-admin calls with. Admin is the org's channel and
                // lifecycle admin only: the chaincode refuses it platform-admin calls.
                List.of(new OrgPlan.User("Admin", "admin"), new OrgPlan.User("User1", "client"),
                    new OrgPlan.User("Operator", "client", Map.of(OperatorRole.ATTRIBUTE, OperatorRole.OPERATOR))),
                org.chaincodeServer().host(), gatewayHosts(org));
    }

    /** The public gateway host (the balancer's, with several instances) and each instance's host. */
    private static List<String> gatewayHosts(PlatformOrgSpec org) {
        List<String> hosts = new ArrayList<>(List.of(org.gateway().host()));
        org.gateways().forEach(instance -> hosts.add(instance.host()));
        return hosts.stream().distinct().toList();
    }

    private void generate(OrgPlan plan, Validity validity) {
        Path dir = plan.dir();
        if (Files.exists(dir) && !force) {
            keep(plan, validity);
            return;
        }
        Path staging = dir.resolveSibling("." + dir.getFileName() + ".staging");
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
        List<String> parts;
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            parts = new OrgGenerator(plan, staging, validity, random).generate();
            if (Files.exists(dir)) {
                deleteTree(old);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CryptoException(plan.name(), e);
        } finally {
            deleteQuietly(staging);
        }
        progress.accept("generated " + plan.name() + ": " + String.join(", ", parts));
    }

    /**
     * Keeps an existing org. A node the spec lists that the org's folder lacks (a peer added to a running member) is
     * issued by the org's existing CAs, so no existing key or certificate changes; any other missing file is refused.
     */
    private void keep(OrgPlan plan, Validity validity) {
        List<OrgPlan.Node> missing = new ArrayList<>();
        List<Path> nodeFiles = new ArrayList<>();
        for (OrgPlan.Node node : plan.nodes()) {
            nodeFiles.addAll(plan.nodeFiles(node));
            if (!plan.nodeFiles(node).stream().allMatch(Files::isRegularFile)) {
                missing.add(node);
            }
        }
        for (Path file : plan.expectedFiles()) {
            if (!nodeFiles.contains(file) && !Files.isRegularFile(file)) {
                throw new CryptoException(plan.name() + ": existing crypto material in " + plan.dir()
                    + " is incomplete (no " + plan.dir().relativize(file) + "); run with --force to regenerate it");
            }
        }
        if (!missing.isEmpty()) {
            try {
                for (OrgPlan.Node node : missing) {
                    deleteTree(plan.nodeDir(node)); // a node half written by an interrupted run
                }
            } catch (IOException e) {
                throw new CryptoException(plan.name(), e);
            }
            List<String> added = new OrgGenerator(plan, plan.dir(), validity, random).addNodes(missing);
            progress.accept("added to " + plan.name() + ": " + String.join(", ", added)
                + " (issued by its existing CAs)");
        }
        progress.accept("kept " + plan.name() + ": " + plan.dir());
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // Only a leftover staging folder; the next run deletes it before it starts.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
