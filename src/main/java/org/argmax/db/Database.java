package org.argmax.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The connection pool and the schema. Migrations under {@code db/migration} (packaged into the jar)
 * run at start (Flyway starts only when the schema is not current: {@link SchemaCheck}). For H2 files, {@link #durable} adds the settings that keep every committed row
 * when the JVM is killed with -9 (tested in DatabaseDurabilityTest).
 *
 * <p>Self-healing: when embedded H2 cannot write its file (disk full, file made unwritable), it
 * closes the whole database, and every pooled connection then answers "The database has been
 * closed" [90098] for good; a new connection reopens the file (read-only while it cannot be
 * written). So the first such error on any connection marks the database unavailable and evicts
 * the whole pool ({@link #storageFailure}); the next connections reopen the file, and work again
 * once the cause is gone. The health check ({@link #health}) says why while it lasts, and proves
 * recovery with a one-row write (tested in DiskFullRecoveryTest).
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:h2:./db/argmax";
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    // H2 error codes (org.h2.api.ErrorCode), spelled out so the pool also works with other drivers
    static final int H2_IO_EXCEPTION_1 = 90028;
    static final int H2_IO_EXCEPTION_2 = 90031;
    static final int H2_DATABASE_IS_READ_ONLY = 90097;
    static final int H2_DATABASE_IS_CLOSED = 90098;
    static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final boolean embeddedH2;
    /** Keeps an embedded H2 file small (null for other databases). */
    private final H2Compaction compaction;
    /** Why the database cannot be used, since the first failure; null while it works. */
    private volatile Outage outage;

    /** A write failure that made the database unusable: what the cause said, and since when. */
    public record Outage(String reason, Instant since) {
    }

    /** The health check's answer: {@code problem} is null when the database works. */
    public record Health(String problem, Instant since) {
        public boolean ok() {
            return problem == null;
        }
    }

    public Database(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new DatabaseException("The database must be given as a JDBC URL, such as " + DEFAULT_URL
                    + " (an H2 file) or jdbc:postgresql://host/argmax; got '" + jdbcUrl + "'.", null);
        }
        long created = System.nanoTime();
        this.url = durable(jdbcUrl);
        this.user = user;
        this.password = password;
        this.embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        boolean h2File = isEmbeddedH2File(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("argmax");
        config.setAllowPoolSuspension(h2File); // H2Compaction holds new requests while it compacts the file
        PoolActivity activity = h2File ? new PoolActivity() : null;
        if (activity != null) config.setMetricsTrackerFactory(activity); // H2Compaction waits for a lull
        config.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override // the interface has its own nested type Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                // storageFailure has evicted every connection; MUST_EVICT also cuts this one off from H2 at once, so that
                // nothing more (a rollback, the pool's reset of auto-commit) reaches the database H2 closed: there, without
                // assertions (-ea), H2 2.5's MVStore.registerVersionUsage spins forever, and the attempt writer with it
                return storageFailure(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException(cannotOpen(jdbcUrl, e), e);
        }
        long poolOpened = System.nanoTime();
        log.debug("Pool opened in {} ms", (poolOpened - created) / 1_000_000);
        try {
            if (!schemaIsCurrent(pool, h2File)) Flyway.configure().dataSource(pool).locations("classpath:" + SchemaCheck.LOCATION).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseException("The database " + jdbcUrl + " opened, but its tables could not be created or updated: "
                    + rootMessage(e), e);
        }
        log.debug("Migrations checked in {} ms", (System.nanoTime() - poolOpened) / 1_000_000);
        this.compaction = h2File ? new H2Compaction(this, pool, activity) : null;
    }

    /** True when every packaged migration has been applied, unchanged ({@link SchemaCheck}): then Flyway need not start. */
    private static boolean schemaIsCurrent(DataSource pool, boolean h2File) {
        try (Connection c = pool.getConnection()) {
            return SchemaCheck.current(c, h2File ? schemaRecord(c) : null);
        } catch (SQLException e) {
            return false; // Flyway will say what is wrong
        }
    }

    /** {@code <database>.schema-check} next to an H2 file: where {@link SchemaCheck} records the packaged migrations; null when unknown. */
    private static java.nio.file.Path schemaRecord(Connection h2) {
        try (var s = h2.createStatement(); var rs = s.executeQuery("SELECT DATABASE_PATH()")) {
            String path = rs.next() ? rs.getString(1) : null;
            return path == null ? null : java.nio.file.Path.of(path + SchemaCheck.RECORD_SUFFIX);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private static String cannotOpen(String jdbcUrl, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // H2 90020: the file is locked by another process (embedded H2 allows one process at a time)
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return "The database " + jdbcUrl + " is in use by another process, probably a running Argmax server. "
                        + "Stop that process first (the embedded database is opened by one process at a time), or give another --db.";
            }
        }
        return "Cannot open the database " + jdbcUrl + ": " + rootMessage(e);
    }

    /** The innermost cause's message, first line only (H2 appends the SQL statement on the next lines). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 50; depth++) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).replaceFirst(";? *SQL statement:$", "");
    }

    /**
     * Called by the pool for every SQLException on one of its connections. When it says that
     * embedded H2 can no longer use its file, records the outage and evicts every connection
     * (idle ones now, busy ones when they are returned): they all belong to the H2 database that
     * was closed (or opened read-only), and H2 reopens the file for the next new connection.
     * Returns whether it was such a failure.
     */
    boolean storageFailure(SQLException e) {
        // while H2Compaction has shut the database down on purpose, "closed" is no failure
        if (compaction != null && compaction.running()) return false;
        String reason = embeddedH2 ? storageProblem(e) : null;
        if (reason == null) return false;
        Outage before = outage;
        // "closed" comes from connections left in a database that H2 (or closeReadOnlyDatabase) closed:
        // it does not replace the cause that is already known
        boolean saysTheCause = reason.startsWith(WRITE_FAILED) || reason.equals(READ_ONLY);
        if (before == null) {
            outage = new Outage(reason, Instant.now());
            log.error("The database cannot be written: {}. Requests that need it get 503 until the cause is removed; "
                    + "the pool reopens the database by itself.", reason, e);
        } else if (saysTheCause && !before.reason().equals(reason)) {
            outage = new Outage(reason, before.since());
            log.warn("The database is still unusable: {}", reason);
        }
        if (e.getErrorCode() == H2_DATABASE_IS_READ_ONLY) closeReadOnlyDatabase();
        HikariDataSource p = pool; // null while the pool itself is being built
        var connections = p == null ? null : p.getHikariPoolMXBean();
        if (connections != null) connections.softEvictConnections(); // after the close: none can be left in the read-only database
        return true;
    }

    /**
     * H2 opened the file read-only because it could not be written (the database it had closed is
     * gone). That read-only database stays open as long as any connection uses it, and the pool
     * keeps opening new ones into it while it replaces the evicted ones, so it would never be
     * reopened writable. {@code SHUTDOWN} closes it for all of them; the next connection opens the
     * file again (read-only again while the cause lasts). Never done to a writable database.
     */
    private void closeReadOnlyDatabase() {
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
            if (c.isReadOnly()) {
                try (var s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            log.debug("Could not close the read-only database", e);
        }
    }

    private static final String WRITE_FAILED = "writing the database file failed: ";
    private static final String READ_ONLY = "the database file cannot be written (H2 reopened it read-only)";

    /** What an H2 error says about the database file, in words for /health; null for other errors. */
    static String storageProblem(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 50; depth++, t = t.getCause()) {
            // the cause of the first failure and of every later "database has been closed"
            if (t instanceof IOException io) return WRITE_FAILED + io.getMessage();
        }
        return switch (e.getErrorCode()) {
            case H2_DATABASE_IS_READ_ONLY -> READ_ONLY;
            case H2_DATABASE_IS_CLOSED, H2_DATABASE_CALLED_AT_SHUTDOWN -> "H2 closed the database";
            case H2_IO_EXCEPTION_1, H2_IO_EXCEPTION_2 -> "reading or writing the database file failed: " + rootMessage(e);
            default -> null;
        };
    }

    /** H2's retention time in ms; the maximum means "never free a chunk while the file is open". */
    static final int NO_CHUNK_REUSE = Integer.MAX_VALUE;
    /** Bytes at which H2 splits a B-tree page (H2's default is 4,096): see {@link #durable}. */
    static final int H2_PAGE_SIZE = 2048;
    /** H2's page cache in kB (its default is 64 MB per GB of heap, 10 MB in the server's 160 MB): see {@link #durable}. */
    static final int H2_CACHE_KB = 1024;
    /**
     * Parsed statements H2 keeps per connection (its default is 8). The pool's connections serve every
     * request, which between them run some 35 different statements, so with 8 nearly every
     * {@code prepareStatement} parsed its SQL again: a seventh of the answer writer's time at 400 answers a second.
     */
    static final int H2_QUERY_CACHE = 64;
    /** How long an H2 statement waits for a row lock held by another transaction (H2's default is 2 s). */
    static final int H2_LOCK_TIMEOUT_MS = 10_000;

    /**
     * Makes an embedded H2 file URL keep every commit across {@code kill -9}, unless the URL already
     * says otherwise:
     * <ul>
     * <li>{@code WRITE_DELAY=0} writes each commit before it returns (the default 500 ms loses the
     *     last half second);</li>
     * <li>{@code REUSE_SPACE=FALSE} writes every chunk at the end of the file. H2 2.5.252 loses
     *     commits after kill -9 when it writes a chunk into reused space: it then rewrites the file
     *     header with the previous chunk instead of the new one, so recovery never finds the new
     *     chunk (nor those after it, until the next header write). Appended chunks are found from
     *     the end of the file. (Reproduced: with a 1 s retention, the first commit after a 2.5 s
     *     pause was lost, and after the recovery a second open saw an older state; see
     *     DatabaseDurabilityTest.)</li>
     * <li>{@code RETENTION_TIME=max}: dead chunks are not even freed while the file is open.</li>
     * <li>{@code PAGE_SIZE=2048}: B-tree pages split at 2 kB instead of 4 kB. Each commit rewrites the
     *     pages it changed (and their parents), so this halves what an answer submission appends to
     *     the file: 10.6 kB instead of 24 kB (src/test/java/org/argmax/load/H2FileGrowth.java;
     *     1,024 saves little more and costs CPU). It only decides how pages split, so a file made
     *     with another size opens as before.</li>
     * <li>{@code CACHE_SIZE=1024}: a 1 MB page cache instead of 10 MB. Every commit puts new versions of
     *     the pages it changed into the cache, where they lived for seconds: long enough to survive the
     *     young collections and be copied and then promoted, and young-collection pauses set the grading
     *     path's 99th percentile. 16 → 4 MB at 400 answers/s: promoted per young collection 3.9 → 2.6 MB,
     *     median pause 26 → 18 ms, p99 of the JSON path 318 → 65 ms; 4 → 1 MB: median pause 16.8-18.4 →
     *     10.2-11.4 ms, CPU per answer 10 % less (reads from the file cost less than the copying did); 512 and
     *     256 kB were no better (BENCHMARKS.md). A class's hot pages (sessions, exercise states, the
     *     tree's upper levels) fit in it.</li>
     * <li>{@code MAX_COMPACT_TIME=0}, {@code DB_CLOSE_ON_EXIT=FALSE}: no compaction in place when the
     *     last connection closes (it moves chunks inside the file), and no H2 shutdown hook racing
     *     the server's own stop, which compacts by copying ({@link #close}).</li>
     * </ul>
     * The file therefore grows with every write (about 11 kB per answer submission) while the
     * server runs; {@link H2Compaction} copies the live data into a new file when it has grown, at
     * a lull in the requests (and at every stop), by H2's {@code SHUTDOWN COMPACT}, which writes a new file and renames it over
     * the old one, so a kill during compaction leaves the old file whole. Every H2 URL also gets a
     * lock timeout of 10 s: parallel requests of one learner wait for each other's row lock. An embedded file also gets
     * a query cache of {@value #H2_QUERY_CACHE} parsed statements per connection.
     */
    static String durable(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) return jdbcUrl;
        String upper = jdbcUrl.toUpperCase();
        String url = jdbcUrl;
        if (!names(upper, "LOCK_TIMEOUT")) url += ";LOCK_TIMEOUT=" + H2_LOCK_TIMEOUT_MS;
        if (!isEmbeddedH2File(jdbcUrl)) return url;
        if (!names(upper, "QUERY_CACHE_SIZE")) url += ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE;
        if (!names(upper, "WRITE_DELAY")) url += ";WRITE_DELAY=0";
        if (!names(upper, "REUSE_SPACE")) url += ";REUSE_SPACE=FALSE";
        if (!names(upper, "RETENTION_TIME")) url += ";RETENTION_TIME=" + NO_CHUNK_REUSE;
        if (!names(upper, "PAGE_SIZE")) url += ";PAGE_SIZE=" + H2_PAGE_SIZE;
        if (!names(upper, "CACHE_SIZE")) url += ";CACHE_SIZE=" + H2_CACHE_KB;
        if (!names(upper, "MAX_COMPACT_TIME")) url += ";MAX_COMPACT_TIME=0";
        if (!names(upper, "DB_CLOSE_ON_EXIT")) url += ";DB_CLOSE_ON_EXIT=FALSE";
        return url;
    }

    /** Whether an (upper-cased) H2 URL sets {@code setting} itself: {@code ;CACHE_SIZE=} is not in {@code ;QUERY_CACHE_SIZE=}. */
    static boolean names(String upperUrl, String setting) {
        return upperUrl.contains(";" + setting + "=");
    }

    static boolean isEmbeddedH2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /**
     * For {@code /health}: while the database works, a trivial query must answer. After a write
     * failure, only a write proves that it works again (reads succeed on a full disk), so one row of
     * {@code health_check} is updated; when that commits, the outage is over.
     */
    public Health health() {
        for (int attempt = 1; ; attempt++) {
            Outage known = outage;
            String sql = known == null ? "SELECT 1" : "UPDATE health_check SET checked_at = CURRENT_TIMESTAMP WHERE id = 1";
            try (Connection c = pool.getConnection(); var s = c.createStatement()) {
                s.execute(sql);
                if (known != null) {
                    outage = null;
                    log.info("The database works again (it was unusable for {} s: {}).",
                            java.time.Duration.between(known.since(), Instant.now()).toSeconds(), known.reason());
                }
                return new Health(null, null);
            } catch (SQLException e) {
                // a connection left in the database H2 closed fails once and makes the pool reopen
                // it (storageFailure): one more try, on a new connection and with a write, tells
                if (attempt == 1 && embeddedH2 && storageProblem(e) != null) continue;
                Outage now = outage; // set by storageFailure when the pool saw a storage error
                if (now != null) return new Health(now.reason(), now.since());
                return new Health(rootMessage(e), Instant.now());
            }
        }
    }

    /** True when the database answers (see {@link #health}). */
    public boolean isHealthy() {
        return health().ok();
    }

    /** The H2 file's maintenance, for the {@code backup} command, the soak test and /health; null unless an embedded H2 file. */
    public H2Compaction compaction() {
        return compaction;
    }

    /** User and password as given, for the maintenance connection that is not taken from the pool. */
    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Closes the pool; an embedded H2 file is compacted first (SHUTDOWN COMPACT), so a stopped server leaves a small file. */
    @Override
    public void close() {
        if (compaction != null) compaction.stop();
        pool.close();
    }
}
