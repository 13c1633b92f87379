package org.argmax.exercises;

import org.argmax.testing.Registries;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts kept on exercise_state (db/migration/V10) equal what counting the stored attempts says:
 * after a learner's submissions, new data and a right answer, and after the migration fills them in
 * on a database that already has attempts. The exercise shown after a JSON submission (built from the
 * submission, without a query) shows the same as the page read from the database.
 */
class ExerciseStateCountsTest {
    @TempDir
    Path tmp;

    @Test
    void theStateRowCountsWhatTheAttemptsSay() throws Exception {
        try (TestServer server = new TestServer(Path.of("content"), tmp)) {
            WebClient web = new WebClient(server);
            assertEquals(303, web.signUp("Counted", "counted", "counted's long password").statusCode());
            web.get("/exercises/coin-mle");
            long userId = userId(server, "counted");
            submit(web, wrongTheta(userId, 0));
            submit(web, wrongTheta(userId, 0));
            assertEquals(303, web.post("/exercises/coin-mle/variant", Map.of()).statusCode());
            submit(web, wrongTheta(userId, 1));
            HttpResponse<String> right = submit(web, theta(userId, 1));
            assertTrue(right.body().contains("\"correct\":true"), right.body());

            try (Connection c = server.app().database().dataSource().getConnection()) {
                ResultSet state = query(c, "SELECT variant, attempts_on_variant, solved_variant, wrong_attempts, best_score FROM exercise_state "
                        + "WHERE user_id = ? AND exercise_id = 'coin-mle'", userId);
                ResultSet counted = query(c, "SELECT COUNT(CASE WHEN variant = 1 THEN 1 END), COUNT(CASE WHEN variant = 1 AND correct THEN 1 END), "
                        + "COUNT(CASE WHEN NOT correct THEN 1 END), MAX(score) FROM exercise_attempts WHERE user_id = ? AND exercise_id = 'coin-mle'", userId);
                assertEquals(1, state.getInt(1));
                assertEquals(2, state.getInt(2));
                assertEquals(counted.getInt(1), state.getInt(2));
                assertTrue(state.getBoolean(3));
                assertEquals(1, counted.getInt(2));
                assertEquals(3, state.getInt(4));
                assertEquals(counted.getInt(3), state.getInt(4));
                assertEquals(0.7, state.getDouble(5), 1e-12, "1 − 0.1 × 3 wrong attempts");
                assertEquals(counted.getDouble(4), state.getDouble(5), 1e-12);
            }
            // the fragment returned with the right answer says what the page (read from the database) says
            String fragment = right.body();
            String page = web.get("/exercises/coin-mle").body();
            for (String shown : new String[]{"Solved.", "Best score so far:", "70</span> %"}) {
                assertTrue(fragment.contains(shown), shown + " in the JSON fragment");
                assertTrue(page.contains(shown), shown + " on the page");
            }
            assertEquals(409, submit(web, theta(userId, 1)).statusCode(), "solved: closed");
        }
    }

    @Test
    void theMigrationFillsTheCountsFromStoredAttempts() throws Exception {
        String url = "jdbc:h2:" + tmp.resolve("old").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, username, display_name, password_hash, role) VALUES (1, 'ada', 'Ada', 'x', 'LEARNER'), "
                    + "(2, 'bo', 'Bo', 'x', 'LEARNER'), (3, 'cy', 'Cy', 'x', 'LEARNER')");
            s.execute("INSERT INTO exercise_state (user_id, exercise_id, variant, revealed, gave_up) VALUES (1, 'coin-mle', 1, FALSE, FALSE), "
                    + "(3, 'coin-mle', 0, FALSE, FALSE)");
            // Ada: wrong and right on variant 0, two wrong on variant 1; Bo: attempts without a state row; Cy: a row, no attempt
            s.execute("INSERT INTO exercise_attempts (user_id, exercise_id, variant, answers, verdicts, correct, score) VALUES "
                    + "(1, 'coin-mle', 0, '{}', '[]', FALSE, 0), (1, 'coin-mle', 0, '{}', '[]', TRUE, 0.9), "
                    + "(1, 'coin-mle', 1, '{}', '[]', FALSE, 0), (1, 'coin-mle', 1, '{}', '[]', FALSE, 0), "
                    + "(2, 'coin-mle', 0, '{}', '[]', TRUE, 1)");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
            source.setURL(url);
            source.setUser("sa");
            AttemptRepository repository = new AttemptRepository(source);
            assertEquals(new ExerciseState(1, false, false, 2, false, 3, 0.9), repository.state(1, "coin-mle"));
            assertEquals(new ExerciseState(0, false, false, 1, true, 0, 1.0), repository.state(2, "coin-mle"));
            ExerciseState none = repository.state(3, "coin-mle");
            assertEquals(0, none.attemptsOnVariant());
            assertFalse(none.solvedVariant());
            assertNull(none.bestScore(), "no attempt: no best score");
            assertEquals(1, query(c, "SELECT COUNT(*) FROM exercise_state WHERE user_id = ?", 2).getInt(1), "Bo's row was made");
        }
    }

    private static HttpResponse<String> submit(WebClient web, String theta) {
        return web.postRaw("/exercises/coin-mle/submit", Map.of("answer_theta", theta, "_csrf", web.csrf()), Map.of("Accept", "application/json"));
    }

    private static long userId(TestServer server, String username) throws Exception {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The learner's right θ on a variant, computed the way the server does (same seed). */
    private static double reference(long userId, int variant) {
        ExerciseSpec spec = Registries.course(Path.of("content")).exercises().get("coin-mle");
        return Registries.instanceFactory().create(spec, InstanceFactory.seedFor(userId, "coin-mle", variant)).references().get("theta")[0];
    }

    private static String theta(long userId, int variant) {
        return String.valueOf(reference(userId, variant));
    }

    /** A θ that is neither right nor the share of tails: a plain wrong attempt. */
    private static String wrongTheta(long userId, int variant) {
        double right = reference(userId, variant);
        for (double c : new double[]{0.05, 0.35, 0.65, 0.95}) {
            if (Math.abs(c - right) > 0.01 && Math.abs(c - (1 - right)) > 0.01) return String.valueOf(c);
        }
        throw new AssertionError("no wrong value for " + right);
    }

    private static ResultSet query(Connection c, String sql, long userId) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        s.setLong(1, userId);
        ResultSet rs = s.executeQuery();
        assertTrue(rs.next(), sql);
        return rs;
    }
}
