package org.argmax.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an embedded H2 file small while the server runs, without making requests wait for it while
 * they keep coming. The durable settings ({@link Database#durable}) make H2 append every commit to
 * the end of the file, so the file grows by each write (about 12 kB per answer submission). The only
 * safe way to give the space back is to copy the live data into a new file, which needs the database
 * closed for a moment (see below). Every {@value #CHECK_EVERY_MILLIS} ms the file size is looked at:
 * <ul>
 * <li>once it is over {@link #threshold()} (the larger of {@code argmax.h2.compactAboveMb}, default
 *     {@value #DEFAULT_COMPACT_ABOVE_MB} MB, and twice the size after the last compaction), the file
 *     is compacted at the next <em>lull</em>: no pooled connection in use or awaited, and none taken
 *     or given back for {@link #lullMillis()} (at least {@value #MIN_LULL_MILLIS} ms, or as long as
 *     the last compaction took, up to {@value #MAX_LULL_MILLIS} ms), seen by checks that ran on time
 *     (a garbage collection pause is no lull). Under a steady load (a class
 *     submitting hundreds of answers a second) there is no such lull, and the file just grows;</li>
 * <li>only past {@link #forcedThreshold()} (the larger of {@code argmax.h2.forceCompactAboveMb},
 *     default {@value #DEFAULT_FORCE_COMPACT_ABOVE_MB} MB, and four times the size after the last
 *     compaction) is it compacted under load, so that the disk is never filled; at 400 submissions/s
 *     that is after several minutes without a pause.</li>
 * </ul>
 * A compaction:
 * <ol>
 * <li>the pool is suspended: new requests wait for a connection (they are not refused) and the
 *     requests in progress finish (at most {@value #DRAIN_SECONDS} s, else the compaction is
 *     skipped this time);</li>
 * <li>{@code SHUTDOWN COMPACT}: H2 commits, closes the file cleanly, copies the live data into
 *     a new file and renames it over the old one, so a kill at any moment leaves either the old
 *     file or the new one, each whole;</li>
 * <li>the pool's connections (to the closed database) are replaced and the pool resumed; the
 *     next connection opens the new file.</li>
 * </ol>
 * It takes about 0.1 to 0.5 s for a few MB of live data (BENCHMARKS.md); at a lull, a request that
 * arrives meanwhile waits that long. H2's own ways of shrinking a file while it is open (moving
 * chunks into free space, {@code AUTO_COMPACT_FILL_RATE}) all write chunks into reused space, which
 * H2 2.5.252 does not recover after kill -9 (see {@link Database#durable}). The same compaction runs
 * when the server stops.
 */
public final class H2Compaction {
    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    static final int DEFAULT_COMPACT_ABOVE_MB = 16;
    static final int DEFAULT_FORCE_COMPACT_ABOVE_MB = 1024;
    static final int CHECK_EVERY_MILLIS = 250;
    static final int MIN_LULL_MILLIS = 250;
    static final int MAX_LULL_MILLIS = 2000;
    static final int DRAIN_SECONDS = 30;

    private final Database database;
    private final HikariDataSource pool;
    private final Path file;
    private final long compactAboveBytes;
    private final long forceCompactAboveBytes;
    private final PoolActivity activity;
    private final long checkEveryMillis;
    private final ScheduledExecutorService timer;
    private volatile boolean running;
    private volatile long sizeAfterLast;
    private final AtomicLong compactions = new AtomicLong();
    private volatile long lastMillis;

    H2Compaction(Database database, HikariDataSource pool, PoolActivity activity) {
        this.database = database;
        this.pool = pool;
        this.activity = activity;
        this.file = Path.of(databasePath(pool) + ".mv.db");
        this.compactAboveBytes = Long.getLong("argmax.h2.compactAboveMb", DEFAULT_COMPACT_ABOVE_MB) * 1024 * 1024;
        this.forceCompactAboveBytes = Long.getLong("argmax.h2.forceCompactAboveMb", DEFAULT_FORCE_COMPACT_ABOVE_MB) * 1024 * 1024;
        this.sizeAfterLast = 0; // the file as found may be large (never compacted, or killed before its compaction): compare with the minimum
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-compaction");
            t.setDaemon(true);
            return t;
        });
        this.checkEveryMillis = Long.getLong("argmax.h2.checkMillis", CHECK_EVERY_MILLIS);
        timer.scheduleWithFixedDelay(this::check, checkEveryMillis, checkEveryMillis, TimeUnit.MILLISECONDS);
    }

    private static String databasePath(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot find the H2 database file: " + Database.rootMessage(e), e);
        }
    }

    /** The database file ({@code ….mv.db}). */
    public Path file() {
        return file;
    }

    /** The size above which the file is compacted at the next lull. */
    public long threshold() {
        return Math.max(compactAboveBytes, 2 * sizeAfterLast);
    }

    /** The size above which the file is compacted even while requests keep coming. */
    public long forcedThreshold() {
        return Math.max(threshold(), Math.max(forceCompactAboveBytes, 4 * sizeAfterLast));
    }

    /** How long the pool must have been unused before a compaction starts at a lull: about as long as the last one took. */
    long lullMillis() {
        return Math.min(MAX_LULL_MILLIS, Math.max(MIN_LULL_MILLIS, lastMillis));
    }

    /** Where the check thread is in watching for a lull (only that thread reads or writes these). */
    private long lastCheckNanos;
    private long activitySeen;
    private long quietSinceNanos;

    /**
     * No connection in use or awaited, and none taken or given back, as seen by this thread's own
     * checks over {@link #lullMillis()}. Only checks that ran on time count: when this thread ran
     * late (a garbage collection or an overloaded machine stops the request threads too, so no
     * connection is taken meanwhile), the watch starts again, or such a pause would look like a
     * lull in the middle of a load.
     */
    private boolean lull() {
        long now = System.nanoTime();
        boolean late = lastCheckNanos != 0 && now - lastCheckNanos > Math.max(checkEveryMillis * 3 / 2, checkEveryMillis + 100) * 1_000_000L;
        lastCheckNanos = now;
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        boolean unused = bean != null && bean.getActiveConnections() == 0 && bean.getThreadsAwaitingConnection() == 0;
        long activity = this.activity.last();
        if (late || !unused || activity != activitySeen || quietSinceNanos == 0) {
            activitySeen = activity;
            quietSinceNanos = unused && !late ? now : 0;
            return false;
        }
        return now - quietSinceNanos >= lullMillis() * 1_000_000L;
    }

    /** True while the database is shut down for compaction. */
    boolean running() {
        return running;
    }

    /** How many compactions ran since the server started, and how long the last one held requests. */
    public long compactions() {
        return compactions.get();
    }

    public long lastMillis() {
        return lastMillis;
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void check() {
        try {
            long size = size();
            if (size > forcedThreshold()) {
                compact("under load: the file passed " + forcedThreshold() / (1024 * 1024) + " MB");
            } else if (lull() && size > threshold()) { // lull() watches on every check
                compact("at a lull");
            }
        } catch (RuntimeException e) {
            log.warn("Compacting the database file failed (tried again in {} ms): {}", CHECK_EVERY_MILLIS, e.getMessage());
        }
    }

    /** Compacts now (see the class comment); false when requests in progress did not finish in time. */
    public boolean compact() {
        return compact("on request");
    }

    private synchronized boolean compact(String when) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        long before = size();
        long start = System.nanoTime();
        log.info("Compacting the database file ({} kB), {}", before / 1024, when);
        bean.suspendPool();
        try {
            if (!drained(bean, DRAIN_SECONDS * 1000L)) {
                log.warn("Database compaction skipped: requests still held connections after {} s", DRAIN_SECONDS);
                return false;
            }
            shutdownCompact();
            bean.softEvictConnections();
        } finally {
            running = false;
            bean.resumePool();
        }
        lastMillis = (System.nanoTime() - start) / 1_000_000;
        sizeAfterLast = size();
        compactions.incrementAndGet();
        log.info("Database file compacted from {} kB to {} kB; requests waited {} ms", before / 1024, sizeAfterLast / 1024, lastMillis);
        return true;
    }

    private static boolean drained(HikariPoolMXBean bean, long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (bean.getActiveConnections() > 0) {
            if (System.nanoTime() > until) return false;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void shutdownCompact() {
        running = true;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new DataAccessException("cannot compact the database file", e);
        }
    }

    /** At stop: no more checks, and one last compaction, so a stopped server leaves a small, cleanly closed file. */
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            bean.suspendPool();
            try {
                drained(bean, 10_000);
                shutdownCompact();
            } catch (RuntimeException e) {
                log.warn("Could not compact the database file at stop: {}", e.getMessage());
            } finally {
                running = true; // the pool closes its connections to the database that was shut down
                bean.resumePool();
            }
        }
    }
}
