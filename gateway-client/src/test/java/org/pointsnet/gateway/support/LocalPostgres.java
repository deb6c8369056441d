package org.pointsnet.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for a test: initdb in a temporary folder, pg_ctl start on a free loopback port, trust
 * authentication on its own socket folder only, pg_ctl stop and the folder deleted on close. Needs Debian's server
 * binaries (/usr/lib/postgresql/N/bin, installed by test-network.sh up); as root they run as user postgres.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;

    private LocalPostgres(final Path bin, final Path dir, final int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** Starts a new server; fails when PostgreSQL is not installed. */
    public static LocalPostgres start() throws IOException, InterruptedException {
        final Path bin = serverBin();
        final Path dir = Files.createTempDirectory(Path.of("/tmp"), "pn-pg-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final LocalPostgres postgres = new LocalPostgres(bin, dir, port);
        if (root()) {
            run(List.of("chown", "postgres:", dir.toString()));
        }
        postgres.asPostgres(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", "pointsnet",
            "-A", "trust");
        postgres.asPostgres(bin.resolve("pg_ctl").toString(), "-D", postgres.data.toString(), "-l",
            dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
            "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir, "start");
        return postgres;
    }

    /** jdbc:postgresql URL of database postgres, user pointsnet (no password: trust on loopback). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "pointsnet", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void asPostgres(final String... command) throws IOException, InterruptedException {
        final List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(final List<String> command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path serverBin() throws IOException {
        final Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                final Path found = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql "
            + "(./test-network.sh up installs them with apt-get)");
    }
}
