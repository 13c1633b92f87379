package org.argmax.db;

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
                int target = 2000 + round * 500;
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
     * H2 2.5.252 with its default 45 s retention time wrote the first commit after an idle pause of
     * more than 45 s into reused space, and that commit was gone after kill -9 (also with
     * WRITE_DELAY=0): the case of a server that sits idle between requests. About 50 s of waiting.
     */
    @Test
    void aCommitAfterAnIdlePauseSurvivesKillMinus9() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("idle");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName(), url, "idle", "48000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            assertEquals("2", out.readLine(), "row 2 committed after the idle pause");
            Thread.sleep(1000); // the server would be idle again: nothing else is written
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        try (Database db = new Database(url, "sa", "");
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "both committed rows are there after kill -9");
        }
    }

    @Test
    void embeddedFileUrlsGetTheDurableSettings() {
        assertEquals("jdbc:h2:./db/argmax;WRITE_DELAY=0;RETENTION_TIME=2147483647", Database.durable("jdbc:h2:./db/argmax"));
        assertEquals("jdbc:h2:mem:x", Database.durable("jdbc:h2:mem:x"));
        assertEquals("jdbc:h2:./x;write_delay=100;RETENTION_TIME=2147483647", Database.durable("jdbc:h2:./x;write_delay=100"));
        assertEquals("jdbc:h2:./x;RETENTION_TIME=0;WRITE_DELAY=0", Database.durable("jdbc:h2:./x;RETENTION_TIME=0"));
        assertEquals("jdbc:postgresql://localhost/argmax", Database.durable("jdbc:postgresql://localhost/argmax"));
    }
}
