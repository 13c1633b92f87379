package org.argmax.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster owned by the test run: Debian's binaries ({@code apt-get install
 * postgresql}, done by src/test/setup-test-tools.sh), {@code initdb} into a temporary folder,
 * {@code pg_ctl start} on a free port on localhost with trust authentication for the role
 * {@code sa}, started at first use and stopped (folder deleted) when the test JVM exits. initdb
 * refuses to run as root, so as root the cluster runs as the system user {@code postgres}
 * (through {@code runuser}). Each call of {@link #newDatabase} makes an empty database, so every
 * test class starts from nothing, as on H2. Durability settings are off (fsync, synchronous
 * commit): this cluster exists for a few minutes and is thrown away.
 */
public final class Postgres {
    private static final AtomicInteger databases = new AtomicInteger();
    private static Postgres cluster;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String owner;

    private Postgres(Path dir, Path bin, int port, String owner) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.owner = owner;
    }

    /** A JDBC URL of a new, empty database on the test run's cluster (user "sa", no password). */
    public static synchronized String newDatabase(String name) {
        if (cluster == null) cluster = start();
        String db = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(cluster.url("postgres"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + db + ": " + e.getMessage(), e);
        }
        return cluster.url(db);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Debian puts each major version under /usr/lib/postgresql/N/bin; the newest is taken. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (found.isPresent()) return found.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). "
                + "Install it with: apt-get install -y postgresql (src/test/setup-test-tools.sh does this as root).");
    }

    private static Postgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        String owner = root ? "postgres" : null;
        try {
            Path dir = Files.createTempDirectory("argmax-pg-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (root) run(List.of("chown", "-R", owner, dir.toString()), null);
            Path data = dir.resolve("data");
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "sa", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"), owner);
            Postgres pg = new Postgres(dir, bin, port, owner);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB", "start"), owner);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "stop test PostgreSQL"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), owner);
        } catch (RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Runs a command (as {@code user} through runuser when given) and fails with its output if it fails. */
    private static void run(List<String> command, String user) {
        List<String> full = new ArrayList<>();
        if (user != null) full.addAll(List.of("runuser", "-u", user, "--"));
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
