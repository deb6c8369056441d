package org.pointsnet.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.pointsnet.gateway.e2e.LedgerCalls.Evaluation;
import org.pointsnet.gateway.e2e.LedgerNetwork.Role;
import org.pointsnet.gateway.fabric.FabricConnection;

/**
 * Makes platforms dishonest for a while: stops each one's genuine chaincode server and starts, at the same address
 * with the same env file and package id, the rogue server (the genuine contracts plus the test tree's RogueContract,
 * which writes anything anywhere). {@link #close()} puts the genuine servers back exactly as test-network.sh starts
 * them. Other end-to-end classes run in the same JVM in any order, so every caller closes it in a finally block.
 */
final class RogueChaincode implements AutoCloseable {

    private static final String MAIN_CLASS = "org.pointsnet.chaincode.ChaincodeMain";
    private static final String ROGUE_CLASS = "org/pointsnet/chaincode/rogue/RogueContract.class";
    private static final String PING_ANSWER = "rogue chaincode server";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private static final LedgerNetwork NETWORK = LedgerNetwork.fromSystemProperty();

    private final List<String> platforms;

    private RogueChaincode(final List<String> platforms) {
        this.platforms = platforms;
    }

    /** Swaps the platforms' servers for the rogue one; on a failure half-way, the ones swapped already go back. */
    static RogueChaincode swapIn(final String... platformIds) {
        final List<String> swapped = new ArrayList<>();
        try {
            for (final String platform : platformIds) {
                startRogue(platform);
                swapped.add(platform);
            }
        } catch (RuntimeException | Error e) {
            restoreAll(swapped, e);
            throw e;
        }
        return new RogueChaincode(List.copyOf(swapped));
    }

    /** Puts every swapped platform's genuine server back. */
    @Override
    public void close() {
        restoreAll(platforms, null);
    }

    /**
     * Stops whatever serves the platform's chaincode now and starts the genuine server with the command
     * test-network.sh's deploy_chaincode uses, then waits until the org's peer reaches it again.
     */
    static void restoreGenuine(final String platformId) {
        final ChaincodeServerProcess server = new ChaincodeServerProcess(NETWORK.runtime(), platformId);
        server.stop();
        server.start(List.of("java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                genuineJar().toString()),
            "genuine chaincode server of " + platformId + " restarted by the trust-model end-to-end tests");
        awaitPeerReaches(platformId, false, server);
    }

    private static void startRogue(final String platformId) {
        final Path rogueClasses = rogueClasses();
        final ChaincodeServerProcess server = new ChaincodeServerProcess(NETWORK.runtime(), platformId);
        server.stop();
        // The rogue server lives for one test: C1 only, so it starts sooner (the genuine one starts as the script's).
        server.start(List.of("java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                genuineJar() + ":" + rogueClasses, MAIN_CLASS),
            "ROGUE chaincode server of " + platformId + " started by the trust-model end-to-end tests");
        awaitPeerReaches(platformId, true, server);
    }

    private static void restoreAll(final List<String> platforms, final Throwable earlier) {
        RuntimeException failure = null;
        for (final String platform : platforms) {
            try {
                restoreGenuine(platform);
            } catch (RuntimeException e) {
                if (earlier != null) {
                    earlier.addSuppressed(e);
                } else if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits until the platform's own peer runs the expected server: the peer notices the old server's stream end and
     * dials the address in connection.json again on the next call. Rogue: rogue:Ping answers with this org's package
     * id. Genuine: rogue:Ping is unknown while platform:List answers.
     */
    private static void awaitPeerReaches(final String platformId, final boolean rogue,
                                         final ChaincodeServerProcess server) {
        final String msp = NETWORK.mspId(platformId);
        final long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        String last = "";
        try (FabricConnection connection = NETWORK.connect(platformId, Role.CLIENT)) {
            while (System.nanoTime() < deadline) {
                final Evaluation ping = LedgerCalls.tryEvaluate(connection, "rogue:Ping", "{}", msp);
                if (rogue && !ping.failed() && ping.text().equals(PING_ANSWER + " " + server.packageId())) {
                    return;
                }
                if (!rogue && ping.failed()) {
                    final Evaluation list = LedgerCalls.tryEvaluate(connection, "platform:List", "{}", msp);
                    if (!list.failed()) {
                        return;
                    }
                    last = "platform:List " + list;
                } else {
                    last = "rogue:Ping " + ping;
                }
                ChaincodeServerProcess.sleep(500);
            }
        }
        throw new IllegalStateException("the peer of " + platformId + " does not reach the " + (rogue ? "rogue" : "genuine")
            + " chaincode server within " + ANSWER_TIMEOUT.toSeconds() + " s; last answer: " + last
            + "\nchaincode server log tail:\n" + server.logTail());
    }

    /** The jar the network runs (runtime/jars), checked to hold no rogue class: the rogue must never ship. */
    private static Path genuineJar() {
        final Path jar = NETWORK.runtime().resolve("jars").resolve("chaincode.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.stream().anyMatch(entry -> entry.getName().startsWith("org/pointsnet/chaincode/rogue/"))) {
                throw new IllegalStateException(jar + " contains the rogue contract; it must stay in the test tree");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + "; is the network up?", e);
        }
        return jar;
    }

    /** chaincode/target/test-classes, where the rogue contract is compiled (mvn -pl chaincode test-compile). */
    private static Path rogueClasses() {
        final Path classes = NETWORK.runtime().getParent().resolve("chaincode").resolve("target").resolve("test-classes");
        if (!Files.isRegularFile(classes.resolve(ROGUE_CLASS))) {
            throw new IllegalStateException("no " + ROGUE_CLASS + " under " + classes
                + "; compile the chaincode's test tree first (mvn -pl chaincode test-compile)");
        }
        return classes;
    }
}
