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

/** A committed row survives {@code kill -9} of the JVM that wrote it (H2's default WRITE_DELAY loses ~0.5 s). */
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

    @Test
    void embeddedFileUrlsGetWriteDelayZero() {
        assertEquals("jdbc:h2:./db/argmax;WRITE_DELAY=0", Database.durable("jdbc:h2:./db/argmax"));
        assertEquals("jdbc:h2:mem:x", Database.durable("jdbc:h2:mem:x"));
        assertEquals("jdbc:h2:./x;write_delay=100", Database.durable("jdbc:h2:./x;write_delay=100"));
        assertEquals("jdbc:postgresql://localhost/argmax", Database.durable("jdbc:postgresql://localhost/argmax"));
    }
}
