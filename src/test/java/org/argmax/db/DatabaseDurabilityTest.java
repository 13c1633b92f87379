package org.argmax.db;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A committed row survives {@code kill -9} of the JVM that wrote it: while it writes as fast as it can
 * (H2's default WRITE_DELAY loses ~0.5 s) and after an idle pause (H2's default retention lost it).
 */
@Tag("slow") // kill -9 of child JVMs while they write: 50–90 s
class DatabaseDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void committedRowsSurviveKillMinus9() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("durable");
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName(), url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int lastCommitted = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine());
                int target = 300 + round * 200;
                String line;
                while ((line = out.readLine()) != null) {
                    lastCommitted = Integer.parseInt(line);
                    if (lastCommitted >= target) break;
                }
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                assertEquals(137, child.exitValue(), "killed by SIGKILL");
            }
            try (Database db = new Database(url, "sa", "");
                 Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), MAX(id) FROM probe")) {
                rs.next();
                assertTrue(rs.getInt(2) >= lastCommitted, "row " + lastCommitted + " was committed before the kill but is gone (max id " + rs.getInt(2) + ")");
                c.createStatement().execute("DELETE FROM probe");
            }
        }
    }

    /**
     * H2 2.5.252 lost the first commit after an idle pause longer than its retention time (45 s by
     * default) on kill -9: the dead chunks are freed at that commit, the new chunk goes into their
     * space, and the file header is rewritten pointing at the previous chunk. A 1 s retention makes
     * the same happen after a 2.5 s pause (without REUSE_SPACE=FALSE it did: row 2 was gone, and a
     * second open after the recovery even saw an older state). The server's settings append every
     * chunk at the end of the file, which recovery always finds.
     */
    @Test
    void aCommitAfterAnIdlePauseSurvivesKillMinus9() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("idle") + ";RETENTION_TIME=1000";
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName(), url, "idle", "2500")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            assertEquals("2", out.readLine(), "row 2 committed after the idle pause");
            Thread.sleep(300); // the server would be idle again: nothing else is written
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        for (int open = 1; open <= 2; open++) { // the recovery's result must also be what the next open sees
            try (Database db = new Database(url, "sa", "");
                 Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "both committed rows are there after kill -9 (open " + open + ")");
            }
        }
    }

    /**
     * The file is compacted while a writer commits as fast as it can (threshold lowered to 1 MB,
     * checked every 0.2 s, so it compacts every second or so), and the writer is killed at random
     * moments, compactions included: every committed row is there, and the file stays small.
     * src/test/load/soak-h2.sh does the same with 200,000 writes.
     */
    @Test
    void compactionWhileWritingLosesNothingOnKillMinus9() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("compacted");
        java.util.Random random = new java.util.Random(7);
        long maxSize = 0, lastSize = 0;
        int shrinks = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dargmax.h2.compactAboveMb=1", "-Dargmax.h2.forceCompactAboveMb=2", "-Dargmax.h2.checkMillis=200",
                    "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName(), url, "churn")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int lastCommitted = 0;
            int killAfterMillis = 1500 + random.nextInt(2500);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertTrue(out.readLine().startsWith("ready "));
                // counted from the first write, not the start: on a loaded machine the JVM's start and the migrations take seconds
                long killAt = System.nanoTime() + killAfterMillis * 1_000_000L;
                String line;
                while ((line = out.readLine()) != null && System.nanoTime() < killAt) {
                    lastCommitted = Integer.parseInt(line);
                    long size = java.nio.file.Files.size(dir.resolve("compacted.mv.db"));
                    if (size < lastSize) shrinks++;
                    lastSize = size;
                    maxSize = Math.max(maxSize, size);
                }
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            }
            try (Database db = new Database(url, "sa", "");
                 Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM probe")) {
                rs.next();
                assertTrue(rs.getInt(1) >= lastCommitted, "row " + lastCommitted + " was committed before the kill but is gone (max id " + rs.getInt(1) + ")");
            }
        }
        // how far the file grows between two checks depends on how fast this machine writes (8.9 MB seen
        // once in CI); what matters is that it is compacted while the writer runs and stays bounded
        assertTrue(shrinks > 0, "the file was compacted while the writer ran (max " + maxSize + " bytes)");
        assertTrue(maxSize < 16 * 1024 * 1024, "the file stayed small: at most " + maxSize + " bytes");
    }

    @Test
    void embeddedFileUrlsGetTheDurableSettings() {
        String durable = ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;WRITE_DELAY=0;REUSE_SPACE=FALSE;RETENTION_TIME=2147483647;PAGE_SIZE=2048;CACHE_SIZE=1024;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE";
        assertEquals("jdbc:h2:./db/argmax" + durable, Database.durable("jdbc:h2:./db/argmax"));
        assertEquals("jdbc:h2:mem:x;LOCK_TIMEOUT=10000", Database.durable("jdbc:h2:mem:x"));
        assertEquals("jdbc:h2:tcp://localhost/x;LOCK_TIMEOUT=10000", Database.durable("jdbc:h2:tcp://localhost/x"));
        assertEquals("jdbc:h2:./x;write_delay=100;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;REUSE_SPACE=FALSE;RETENTION_TIME=2147483647;PAGE_SIZE=2048;CACHE_SIZE=1024;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.durable("jdbc:h2:./x;write_delay=100"));
        // a setting whose name ends in another's: the user's query cache leaves the page cache to us, and the other way round
        assertEquals("jdbc:h2:./x;query_cache_size=16;LOCK_TIMEOUT=10000;WRITE_DELAY=0;REUSE_SPACE=FALSE;RETENTION_TIME=2147483647;PAGE_SIZE=2048;CACHE_SIZE=1024;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.durable("jdbc:h2:./x;query_cache_size=16"));
        assertEquals("jdbc:h2:./x;CACHE_SIZE=8192;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;WRITE_DELAY=0;REUSE_SPACE=FALSE;RETENTION_TIME=2147483647;PAGE_SIZE=2048;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.durable("jdbc:h2:./x;CACHE_SIZE=8192"));
        assertEquals("jdbc:postgresql://localhost/argmax", Database.durable("jdbc:postgresql://localhost/argmax"));
    }
}
