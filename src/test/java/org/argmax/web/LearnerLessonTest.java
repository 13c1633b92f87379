package org.argmax.web;

import org.argmax.exercises.InstanceFactory;
import org.argmax.testing.Registries;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed-in learner's lesson is assembled from kept parts (issue 15): it must still follow every
 * change at once (an attempt, a new data set, giving up, marking the lesson completed), carry each
 * session's own CSRF token, show one learner nothing of another's, and never outlive signing out.
 * Two servers on one database: ScaleOutTest.
 */
class LearnerLessonTest {
    private static final String LESSON = "/lessons/likelihood";
    private static final String PASSWORD = "a long enough password";
    private static final AtomicInteger unique = new AtomicInteger();
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Learner(String username, String name, WebClient web) {
    }

    private static Learner signUp() {
        String username = "parts" + unique.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        String name = "Parts Learner " + username;
        WebClient web = new WebClient(server);
        assertEquals(303, web.signUp(name, username, PASSWORD).statusCode());
        return new Learner(username, name, web);
    }

    /** The coin-mle exercise's section of a page. */
    static String coin(String html) {
        int from = html.indexOf("id=\"exercise-coin-mle\"");
        assertTrue(from >= 0, "the lesson shows coin-mle");
        return html.substring(from, html.indexOf("</section>", from));
    }

    static String status(String html) {
        int from = html.indexOf("id=\"lesson-status\"");
        assertTrue(from >= 0, "the lesson shows its status");
        return html.substring(from, html.indexOf("</section>", from));
    }

    @Test
    void anUnchangedLessonIsTheSamePageAndEveryChangeShowsAtOnce() throws SQLException {
        Learner l = signUp();
        String first = l.web().get(LESSON).body();
        assertEquals(first, l.web().get(LESSON).body(), "nothing changed: the same page");
        assertTrue(first.contains(l.name()), "the learner's name in the header");
        assertTrue(coin(first).contains("<span>5</span> attempt(s) left"), coin(first));
        assertTrue(status(first).contains("Mark lesson as completed"));

        assertEquals(303, l.web().post("/exercises/coin-mle/submit", Map.of("answer_theta", wrongTheta(l.username(), 0))).statusCode());
        String tried = l.web().get(LESSON).body();
        assertTrue(coin(tried).contains("<span>4</span> attempt(s) left"), coin(tried));
        assertTrue(coin(tried).contains("Not yet"), "the verdict of the attempt");

        assertEquals(303, l.web().post("/exercises/coin-mle/variant", Map.of()).statusCode());
        String fresh = l.web().get(LESSON).body();
        assertTrue(coin(fresh).contains("<span>5</span> attempt(s) left"), "new data, attempts again: " + coin(fresh));
        assertNotEquals(data(tried), data(fresh), "the new data set");

        assertEquals(303, l.web().post("/exercises/coin-mle/reveal", Map.of()).statusCode());
        assertTrue(coin(l.web().get(LESSON).body()).contains("You gave up on this data"));

        assertEquals(303, l.web().post(LESSON + "/complete", Map.of("completed", "true")).statusCode());
        assertTrue(status(l.web().get(LESSON).body()).contains("Mark as not completed"));
        assertEquals(303, l.web().post(LESSON + "/complete", Map.of("completed", "false")).statusCode());
        assertTrue(status(l.web().get(LESSON).body()).contains("Mark lesson as completed"));
    }

    @Test
    void eachSessionGetsItsOwnTokenAndEachLearnerTheirOwnData() {
        Learner l = signUp();
        String page = l.web().get(LESSON).body();
        String token = l.web().csrf();
        WebClient again = new WebClient(server);
        assertEquals(303, again.signIn(l.username(), PASSWORD).statusCode());
        String second = again.get(LESSON).body();
        String otherToken = again.csrf();
        assertNotEquals(token, otherToken);
        assertFalse(second.contains(token), "no form of the second session carries the first one's token");
        assertEquals(count(page, "value=\"" + token + "\""), count(second, "value=\"" + otherToken + "\""), "every form has its session's token");
        assertEquals(page.replace(token, "TOKEN"), second.replace(otherToken, "TOKEN"), "otherwise the learner's same page");

        Learner other = signUp();
        String theirs = other.web().get(LESSON).body();
        assertFalse(theirs.contains(l.name()), "not the first learner's name");
        assertFalse(theirs.contains(token));
        assertNotEquals(data(page), data(theirs), "their own data");
    }

    @Test
    void aSignedOutSessionGetsTheVisitorsPage() {
        Learner l = signUp();
        String cookie = l.web().cookie("argmax_session").orElseThrow();
        assertTrue(l.web().get(LESSON).body().contains("action=\"/signout\""));
        assertEquals(303, l.web().post("/signout", Map.of()).statusCode());
        WebClient stale = new WebClient(server);
        stale.setCookie("argmax_session", cookie);
        HttpResponse<String> after = stale.get(LESSON);
        assertEquals(200, after.statusCode());
        assertFalse(after.body().contains(l.name()), "no trace of the learner");
        assertFalse(after.body().contains("action=\"/signout\""));
        assertTrue(coin(after.body()).contains("This is example data"), "the visitors' example");
        assertEquals("no-store", after.headers().firstValue("Cache-Control").orElse(null));
    }

    private static final Pattern DATA = Pattern.compile("<pre class=\"data\"[^>]*>([^<]*)</pre>");

    private static String data(String html) {
        Matcher m = DATA.matcher(coin(html));
        assertTrue(m.find(), "coin-mle shows its data");
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    /** A θ that is neither the learner's k/n on this variant nor the share of tails. */
    private static String wrongTheta(String username, int variant) throws SQLException {
        long id;
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                id = rs.getLong(1);
            }
        }
        var spec = Registries.course(Path.of("content")).exercises().get("coin-mle");
        double right = Registries.instanceFactory().create(spec, InstanceFactory.seedFor(id, "coin-mle", variant)).references().get("theta")[0];
        for (double c : new double[]{0.05, 0.35, 0.65, 0.95}) {
            if (Math.abs(c - right) > 0.01 && Math.abs(c - (1 - right)) > 0.01) return String.valueOf(c);
        }
        throw new AssertionError("no wrong value for " + right);
    }
}
