package org.argmax.web;

import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.InstanceFactory;
import org.argmax.testing.Registries;
import org.argmax.testing.TestDatabase;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one database, requests split over both and sent at once: every rule is decided by
 * the database, not by a lock in one JVM (issue "Every rule in the database"). Runs once on H2 (a
 * TCP server shared by both, as several servers would share PostgreSQL) and once on PostgreSQL.
 */
@Tag("slow") // two servers on H2, then two on a PostgreSQL cluster of its own: about 10 s on a quiet machine, 54 s loaded
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
class ScaleOutTest {
    private static final AtomicInteger unique = new AtomicInteger();

    @Parameter
    String kind;

    @TempDir
    static Path tmp;
    static TestDatabase database;
    static TestServer one;
    static TestServer two;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        database = TestDatabase.forServers(kind, tmp.resolve(kind), "scale");
        one = new TestServer(Path.of("content"), database.url(), false);
        two = new TestServer(Path.of("content"), database.url(), false);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (one != null) one.close();
        if (two != null) two.close();
        if (database != null) database.close();
    }

    /** A learner signed up on server one, and the same session on server two (the cookie works on both). */
    private record Learner(long id, WebClient onOne, WebClient onTwo) {
        WebClient on(int i) {
            return i % 2 == 0 ? onOne : onTwo;
        }
    }

    private static Learner learner() throws SQLException {
        String name = "scale" + unique.incrementAndGet();
        WebClient web = new WebClient(one);
        assertEquals(303, web.signUp(name, name, name + " long password").statusCode());
        WebClient other = new WebClient(two);
        other.setCookie("argmax_session", web.cookie("argmax_session").orElseThrow());
        long id;
        try (Connection c = one.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        web.get("/exercises/coin-mle");
        other.get("/exercises/coin-mle");
        return new Learner(id, web, other);
    }

    @Test
    void aSessionMadeOnOneServerWorksOnTheOther() throws SQLException {
        Learner l = learner();
        HttpResponse<String> progress = l.onTwo().get("/progress");
        assertEquals(200, progress.statusCode());
        assertTrue(progress.body().contains("My progress"));
        assertEquals(303, l.onTwo().post("/signout", Map.of()).statusCode());
        assertEquals(302, l.onOne().get("/progress").statusCode(), "signed out on two is signed out on one");
    }

    @Test
    void twentyFourParallelWrongAnswersOverBothServersStoreExactlyTheLimit() throws Exception {
        Learner l = learner();
        String wrong = wrongTheta(l.id());
        List<Integer> codes = inParallel(24, i -> () -> l.on(i).postRaw("/exercises/coin-mle/submit",
                Map.of("answer_theta", wrong, "_csrf", l.on(i).csrf()), Map.of("Accept", "application/json")).statusCode());
        assertEquals(Map.of(200, 5, 409, 19), count(codes));
        assertEquals(5, queryInt("SELECT COUNT(*) FROM exercise_attempts WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
        // the counts kept on the state row moved under its lock, once per stored attempt
        assertEquals(5, queryInt("SELECT attempts_on_variant FROM exercise_state WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
        assertEquals(5, queryInt("SELECT wrong_attempts FROM exercise_state WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
    }

    @Test
    void eightParallelNewDataRequestsEndAtVariantEight() throws Exception {
        Learner l = learner();
        List<Integer> codes = inParallel(8, i -> () -> l.on(i).post("/exercises/coin-mle/variant", Map.of()).statusCode());
        assertEquals(Map.of(303, 8), count(codes));
        assertEquals(8, queryInt("SELECT variant FROM exercise_state WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
    }

    @Test
    void givingUpIsFinalWhateverRunsBesideIt() throws Exception {
        Learner l = learner();
        // reveals and new-data requests at once: the learner gave up, whatever order they ran in
        List<Integer> codes = inParallel(8, i -> () -> l.on(i).post("/exercises/coin-mle/" + (i % 4 == 0 ? "reveal" : "variant"),
                Map.of()).statusCode());
        assertEquals(Map.of(303, 8), count(codes));
        assertEquals(1, queryInt("SELECT CASE WHEN gave_up THEN 1 ELSE 0 END FROM exercise_state WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
        assertEquals(6, queryInt("SELECT variant FROM exercise_state WHERE user_id = ? AND exercise_id = 'coin-mle'", l.id()));
        // and a right answer now is graded but not scored, on either server
        int variant = 6;
        double right = Registries.instanceFactory().create(Registries.course(Path.of("content")).exercises().get("coin-mle"),
                InstanceFactory.seedFor(l.id(), "coin-mle", variant)).references().get("theta")[0];
        l.onTwo().get("/exercises/coin-mle");
        HttpResponse<String> r = l.onTwo().postRaw("/exercises/coin-mle/submit", Map.of("answer_theta", String.valueOf(right), "_csrf",
                l.onTwo().csrf()), Map.of("Accept", "application/json"));
        if (r.statusCode() == 200) {
            assertTrue(r.body().contains("\"score\":0.0"), r.body());
        } else {
            assertEquals(409, r.statusCode(), r.body()); // the last request was a reveal: this variant is closed
        }
    }

    @Test
    void eightParallelFirstVisitsAndCompletionsGiveNoServerError() throws Exception {
        Learner l = learner();
        List<Integer> visits = inParallel(8, i -> () -> l.on(i).get("/lessons/likelihood").statusCode());
        assertEquals(Map.of(200, 8), count(visits));
        Learner m = learner();
        List<Integer> completions = inParallel(8, i -> () -> m.on(i).post("/lessons/likelihood/complete", Map.of("completed", "true")).statusCode());
        assertEquals(Map.of(303, 8), count(completions));
        assertEquals(1, queryInt("SELECT COUNT(*) FROM lesson_progress WHERE user_id = ? AND lesson_slug = 'likelihood' AND completed", m.id()));
        assertEquals(1, queryInt("SELECT COUNT(*) FROM lesson_progress WHERE user_id = ? AND lesson_slug = 'likelihood'", l.id()));
    }

    @Test
    void aLessonKeptOnOneServerShowsWhatTheOtherChangedAndEndsWithTheSession() throws Exception {
        Learner l = learner();
        String lesson = "/lessons/likelihood";
        String before = l.onOne().get(lesson).body();
        assertTrue(LearnerLessonTest.coin(before).contains("<span>5</span> attempt(s) left"), LearnerLessonTest.coin(before));
        assertEquals(before, l.onOne().get(lesson).body(), "kept parts: the same page");
        l.onTwo().get(lesson);
        assertEquals(303, l.onTwo().post("/exercises/coin-mle/submit", Map.of("answer_theta", wrongTheta(l.id()))).statusCode());
        assertEquals(303, l.onTwo().post(lesson + "/complete", Map.of("completed", "true")).statusCode());
        String after = l.onOne().get(lesson).body();
        assertTrue(LearnerLessonTest.coin(after).contains("<span>4</span> attempt(s) left"), "the attempt made on two: " + LearnerLessonTest.coin(after));
        assertTrue(LearnerLessonTest.status(after).contains("Mark as not completed"), "completed on two");
        assertEquals(303, l.onTwo().post("/signout", Map.of()).statusCode());
        String signedOut = l.onOne().get(lesson).body();
        assertFalse(signedOut.contains("action=\"/signout\""), "signed out on two is signed out on one");
        assertTrue(LearnerLessonTest.coin(signedOut).contains("This is example data"));
    }

    /** A θ in [0, 1] that is neither the learner's k/n nor the share of tails: a plain wrong attempt. */
    private static String wrongTheta(long userId) {
        var spec = Registries.course(Path.of("content")).exercises().get("coin-mle");
        int variant = new AttemptRepository(one.app().database().dataSource()).state(userId, "coin-mle").variant();
        double right = Registries.instanceFactory().create(spec, InstanceFactory.seedFor(userId, "coin-mle", variant)).references().get("theta")[0];
        for (double c : new double[]{0.05, 0.35, 0.65, 0.95}) {
            if (Math.abs(c - right) > 0.01 && Math.abs(c - (1 - right)) > 0.01) return String.valueOf(c);
        }
        throw new AssertionError("no wrong value for " + right);
    }

    private static int queryInt(String sql, long userId) throws SQLException {
        try (Connection c = two.app().database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                return rs.getInt(1);
            }
        }
    }

    interface Task<T> {
        Callable<T> of(int i);
    }

    /** n requests released at once from n threads. */
    static <T> List<T> inParallel(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> c = task.of(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (var f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Integer> count(List<Integer> codes) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (int c : codes) out.merge(c, 1, Integer::sum);
        return out;
    }
}
