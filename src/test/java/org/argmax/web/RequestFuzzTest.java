package org.argmax.web;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.accounts.User;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.testing.RawHttp;
import org.argmax.testing.Registries;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends {@value #DEFAULT_REQUESTS} malformed requests (see {@link MalformedRequests}) to every route of
 * {@link Routes#ALL}, as a visitor, a learner and an instructor, to a real server on the shipped
 * course, and fails on any 5xx. Seeded ({@code -Dfuzz.seed=N}, default {@value #DEFAULT_SEED}; the
 * seed of each route and role is derived from it), so a failure is reproduced by running it again;
 * {@code -Dfuzz.requests=N} changes the count. Bounded: every request has a 10 s socket timeout and
 * the whole run a deadline of {@value #DEADLINE_MINUTES} minutes, after which it fails as unfinished.
 */
@Tag("slow")
class RequestFuzzTest {
    static final long DEFAULT_SEED = 20261202L;
    static final int DEFAULT_REQUESTS = 300;
    static final int DEADLINE_MINUTES = 20;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path tmp;
    static TestServer server;
    static AccountService accounts;
    static MalformedRequests.Site site;
    static User learner, instructor;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
        DataSource db = server.app().database().dataSource();
        accounts = TestAccounts.on(db);
        instructor = accounts.create("Professor", "fuzz-prof", "prof's long password", Role.INSTRUCTOR);
        learner = accounts.create("Ada", "fuzz-ada", "ada's long password", Role.LEARNER);
        CourseSnapshot course = Registries.course(Path.of("content"));
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (ExerciseSpec e : course.exercises().values()) answers.put(e.id(), e.answers().stream().map(ExerciseSpec.AnswerSpec::name).toList());
        site = new MalformedRequests.Site(course.course().lessons().stream().map(l -> l.slug()).toList(), answers,
                List.of(String.valueOf(learner.id()), String.valueOf(instructor.id())));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void noMalformedRequestToAnyRouteIsAServerError() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int perRoute = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        long deadline = System.nanoTime() + Duration.ofMinutes(DEADLINE_MINUTES).toNanos();
        long started = System.nanoTime();
        List<String> serverErrors = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        String[] roles = {"visitor", "learner", "instructor"};
        for (int r = 0; r < roles.length; r++) {
            MalformedRequests.Identity who = identity(roles[r]);
            for (int i = 0; i < Routes.ALL.size(); i++) {
                Routes.Route route = Routes.ALL.get(i);
                MalformedRequests requests = new MalformedRequests(seed * 1_000_003L + r * 1_009L + i, site);
                for (int k = 0; k < perRoute; k++) {
                    if (System.nanoTime() > deadline) {
                        fail("unfinished after " + DEADLINE_MINUTES + " minutes: " + sent + " requests sent; 5xx so far: " + serverErrors);
                    }
                    MalformedRequests.Request request = requests.next(route, who);
                    RawHttp.Response response = RawHttp.send(server.app().port(), request.bytes(), 10_000);
                    sent++;
                    statuses.merge(route.method() + " " + route.path() + " " + response.status(), 1, Integer::sum);
                    if (response.status() >= 500) {
                        serverErrors.add(response.status() + " for " + request.description() + " (seed " + seed + ", route " + i + ", role " + r + ", request " + k + ")");
                    }
                    // a request that signed the role out or in again (valid CSRF token, valid form) ends its session: take a new one
                    String setCookie = response.head().toLowerCase();
                    if (!roles[r].equals("visitor") && setCookie.contains("set-cookie: argmax_session=")) who = identity(roles[r]);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("RequestFuzzTest: %d requests (%d routes × %d × 3 roles, seed %d) in %.1f s%n", sent, Routes.ALL.size(), perRoute, seed, seconds);
        statuses.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        if (!serverErrors.isEmpty()) {
            fail(serverErrors.size() + " of " + sent + " malformed requests answered 5xx; the first ones:\n  "
                    + String.join("\n  ", serverErrors.subList(0, Math.min(40, serverErrors.size()))));
        }
        assertTrue(sent >= Routes.ALL.size() * 3 * perRoute);
    }

    /** The role's cookies and CSRF token: a fresh session for the learner and the instructor, the double-submit cookie for a visitor. */
    private static MalformedRequests.Identity identity(String role) {
        if (role.equals("visitor")) {
            WebClient web = new WebClient(server);
            web.get("/signin");
            return new MalformedRequests.Identity(role, null, web.cookie("argmax_csrf").orElseThrow(), web.csrf());
        }
        User user = role.equals("learner") ? learner : instructor;
        String session = accounts.openSession(user);
        WebClient web = new WebClient(server);
        web.setCookie("argmax_session", session);
        String page = web.get("/progress").body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token on /progress for the " + role);
        return new MalformedRequests.Identity(role, session, null, m.group(1));
    }
}
