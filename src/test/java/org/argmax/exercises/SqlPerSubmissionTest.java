package org.argmax.exercises;

import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts the SQL statements of one answer submission (the whole request: session, user, the
 * submission's transaction, the re-rendered exercise) with H2's QUERY_STATISTICS, and prints them.
 * BENCHMARKS.md has the figures before and after "Every rule in the database", and before (11) and
 * after (7: session, user, the locked state row, the attempt, the state's counts, two COMMITs) "Grading
 * under a class's load": the re-rendered exercise now needs no query. More than 7 fails.
 */
class SqlPerSubmissionTest {
    @TempDir
    Path tmp;

    @Test
    void oneSubmissionRunsFewStatements() throws Exception {
        try (TestServer server = new TestServer(Path.of("content"), tmp)) {
            WebClient web = new WebClient(server);
            assertEquals(303, web.signUp("Sam", "sam", "sam's long password").statusCode());
            web.get("/exercises/coin-mle");
            Map<String, String> form = Map.of("answer_theta", "0.01", "_csrf", web.csrf());
            web.postRaw("/exercises/coin-mle/submit", form, Map.of("Accept", "application/json")); // warm: the state row exists
            try (Connection c = server.app().database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS FALSE");
                s.execute("SET QUERY_STATISTICS TRUE");
                HttpResponse<String> r = web.postRaw("/exercises/coin-mle/submit", form, Map.of("Accept", "application/json"));
                assertEquals(200, r.statusCode(), r.body());
                int total = 0;
                StringBuilder list = new StringBuilder();
                try (ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rs.next()) {
                        String sql = rs.getString(1);
                        if (sql.contains("QUERY_STATISTICS")) continue;
                        // a connection the pool happens to open meanwhile runs its set-up once; not the submission's work
                        if (sql.startsWith("SET ") || sql.equals("CALL READONLY()")) continue;
                        total += rs.getInt(2);
                        list.append(String.format("%3d  %s%n", rs.getInt(2), sql.replaceAll("\\s+", " ")));
                    }
                }
                System.out.println("SQL statements in one submission request: " + total + "\n" + list);
                assertTrue(total <= 7, total + " statements:\n" + list);
            }
        }
    }
}
