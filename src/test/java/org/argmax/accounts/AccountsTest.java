package org.argmax.accounts;

import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.argmax.testing.TestDatabase;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up, sign-in, sessions, CSRF, throttling and roles through HTTP against the real server, once on H2 and once on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
@Tag("slow")
class AccountsTest {
    @Parameter
    String kind;
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = new TestServer(TestCourse.twoLessons(tmp.resolve(kind + "-content")).root(), db(kind, tmp.resolve(kind + "-db")), false);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    /** A new empty database of this run's kind (an H2 file in {@code dir}, or a new PostgreSQL database). */
    static String db(String kind, Path dir) {
        return TestDatabase.forOneServer(kind, dir, "accounts").url();
    }

    private String db(Path dir) {
        return db(kind, dir);
    }

    @Test
    void signUpSignsInWithAHardenedSessionCookie() {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.signUp("Ada", "ada@example.org", "correct horse battery");
        assertEquals(303, r.statusCode());
        String setCookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("argmax_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag");
        assertTrue(web.get("/progress").body().contains("My progress"));
        assertTrue(web.get("/").body().contains(">Ada<"), "name in the header");
    }

    @Test
    void secureFlagBehindAnHttpsProxy() {
        WebClient web = new WebClient(server);
        web.get("/signup");
        HttpResponse<String> r = web.postRaw("/signup", Map.of("_csrf", web.csrf(), "displayName", "Pat", "username", "pat",
                "password", "0123456789ab"), Map.of("X-Forwarded-Proto", "https"));
        assertTrue(r.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("argmax_session=") && c.contains("Secure")));
    }

    @Test
    void duplicateSignUpAndWeakPasswordsAreRefusedWithAMessage() {
        WebClient web = new WebClient(server);
        web.signUp("Bob", "bob", "long enough password");
        WebClient other = new WebClient(server);
        HttpResponse<String> dup = other.signUp("Bobby", "BOB", "another long password");
        assertEquals(409, dup.statusCode());
        assertTrue(dup.body().contains("That username is already taken"), dup.body());
        HttpResponse<String> weak = other.signUp("Carl", "carl", "short");
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("at least 10 characters"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessageAndTheSessionRotates() {
        WebClient web = new WebClient(server);
        web.signUp("Dee", "dee", "dee's long password");
        String first = web.cookie("argmax_session").orElseThrow();
        WebClient stranger = new WebClient(server);
        HttpResponse<String> wrong = stranger.signIn("dee", "not the password");
        HttpResponse<String> unknown = stranger.signIn("nobody-here", "not the password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains(AccountService.WRONG_CREDENTIALS));
        assertTrue(unknown.body().contains(AccountService.WRONG_CREDENTIALS));

        web.get("/");
        assertEquals(303, web.post("/signin", Map.of("username", "dee", "password", "dee's long password")).statusCode());
        String second = web.cookie("argmax_session").orElseThrow();
        assertNotEquals(first, second, "a new session id at sign-in");
        WebClient thief = new WebClient(server);
        thief.setCookie("argmax_session", first);
        assertEquals(302, thief.get("/progress").statusCode(), "the old session id no longer works");
    }

    @Test
    void signOutInvalidatesTheSession() {
        WebClient web = new WebClient(server);
        web.signUp("Eve", "eve", "eve's long password");
        String session = web.cookie("argmax_session").orElseThrow();
        web.get("/");
        assertEquals(303, web.post("/signout", Map.of()).statusCode());
        WebClient replay = new WebClient(server);
        replay.setCookie("argmax_session", session);
        HttpResponse<String> r = replay.get("/progress");
        assertEquals(302, r.statusCode());
        assertEquals("/signin?next=%2Fprogress", r.headers().firstValue("location").orElse(""));
    }

    @Test
    void fiveFailuresFromOneAddressStartTheDelays() {
        WebClient web = new WebClient(server);
        web.signUp("Fay", "fay", "fay's long password");
        WebClient attacker = new WebClient(server); // the same address as Fay's, so even her known address has delays
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) assertEquals(401, attacker.signIn("fay", "guess " + i).statusCode());
        HttpResponse<String> blocked = attacker.signIn("fay", "fay's long password");
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Too many sign-in attempts; try again in 1 minute."), blocked.body());
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 50 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void parallelGuessesCannotPassTheThrottle(@TempDir Path own) throws Exception {
        // a server of its own: these failures must not count against the address of the other tests
        try (TestServer isolated = new TestServer(TestCourse.twoLessons(own.resolve("content")).root(), db(own.resolve("db")), false)) {
            new WebClient(isolated).signUp("Gus", "gus", "gus's long password");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(15);
            try {
                List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    int guess = i;
                    codes.add(pool.submit(() -> new WebClient(isolated).signIn("gus", "guess number " + guess).statusCode()));
                }
                int wrong = 0, blocked = 0;
                for (var f : codes) {
                    int code = f.get();
                    if (code == 401) wrong++;
                    if (code == 429) blocked++;
                }
                assertEquals(LoginThrottle.PAIR_FREE, wrong, "only five guesses were checked");
                assertEquals(15 - LoginThrottle.PAIR_FREE, blocked);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void behindATrustedProxyFailuresCountPerForwardedAddress(@TempDir Path own, @TempDir Path direct) {
        try (TestServer proxied = new TestServer(TestCourse.twoLessons(own.resolve("content")).root(), db(own.resolve("db")), true)) {
            new WebClient(proxied).signUp("Ivy", "ivy", "ivy's long password");
            for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
                assertEquals(401, signInVia(proxied, "10.0.0.1, 203.0.113.5", "nobody" + (i % 4), "wrong").statusCode());
            }
            assertEquals(429, signInVia(proxied, "203.0.113.5", "ivy", "ivy's long password").statusCode(), "the guessing address is blocked");
            assertEquals(303, signInVia(proxied, "203.0.113.9", "ivy", "ivy's long password").statusCode(), "another learner behind the proxy is not");
        }
        // without --trust-proxy the header is ignored: a guesser cannot escape the address limit by varying it
        try (TestServer plain = new TestServer(TestCourse.twoLessons(direct.resolve("content")).root(), db(direct.resolve("db")), false)) {
            for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
                assertEquals(401, signInVia(plain, "198.51.100." + i, "nobody" + (i % 4), "wrong").statusCode());
            }
            assertEquals(429, signInVia(plain, "198.51.100.200", "nobody9", "wrong").statusCode());
        }
    }

    private static HttpResponse<String> signInVia(TestServer s, String forwardedFor, String username, String password) {
        WebClient web = new WebClient(s);
        web.get("/signin");
        return web.postRaw("/signin", Map.of("username", username, "password", password, "_csrf", web.csrf()), Map.of("X-Forwarded-For", forwardedFor));
    }

    @Test
    void signInRedirectsOnlyToLocalPathsAndLongUsernamesAreJustWrong() {
        WebClient web = new WebClient(server);
        web.signUp("Hal", "hal", "hal's long password");
        web.post("/signout", Map.of());
        for (String next : List.of("/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", " /x")) {
            web.get("/signin");
            HttpResponse<String> r = web.post("/signin", Map.of("username", "hal", "password", "hal's long password", "next", next));
            assertEquals(303, r.statusCode());
            assertEquals("/", r.headers().firstValue("location").orElse(""), "next = " + next);
            web.post("/signout", Map.of());
        }
        web.get("/signin");
        HttpResponse<String> local = web.post("/signin", Map.of("username", "hal", "password", "hal's long password", "next", "/lessons/first?x=1#top"));
        assertEquals("/lessons/first?x=1#top", local.headers().firstValue("location").orElse(""));

        HttpResponse<String> longName = new WebClient(server).signIn("h".repeat(300), "some password");
        assertEquals(401, longName.statusCode(), "a 300-character username is a wrong username, not a server error");
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRejected() {
        WebClient web = new WebClient(server);
        web.signUp("Gil", "gil", "gil's long password");
        HttpResponse<String> none = web.postRaw("/lessons/first/complete", Map.of("completed", "true"), Map.of());
        assertEquals(403, none.statusCode());
        HttpResponse<String> wrong = web.postRaw("/lessons/first/complete", Map.of("completed", "true", "_csrf", "forged"), Map.of());
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("This form has expired or did not come from this site"));
        WebClient anonymous = new WebClient(server);
        assertEquals(403, anonymous.postRaw("/signin", Map.of("username", "gil", "password", "gil's long password"), Map.of()).statusCode());
    }

    @Test
    void learnersGet403OnInstructorPagesAndVisitorsAreSentToSignIn() {
        assertEquals(302, new WebClient(server).get("/instructor").statusCode());
        WebClient learner = new WebClient(server);
        learner.signUp("Lou", "lou", "lou's long password"); // not "hal": each test its own username, in any order
        HttpResponse<String> r = learner.get("/instructor");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("This page is for instructors"));
        assertEquals(403, learner.get("/instructor/exercises/anything/preview").statusCode());
    }

    @Test
    void displayNamesAreEscapedEverywhere() {
        WebClient web = new WebClient(server);
        web.signUp("<script>alert(1)</script>", "mallory", "mallory's long password");
        String page = web.get("/").body();
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void progressIsStoredShownAndSurvivesARestart() {
        Path dir = tmp.resolve(kind + "-restart");
        Path content = TestCourse.twoLessons(dir.resolve("content")).root();
        String url = db(dir.resolve("db"));
        try (TestServer first = new TestServer(content, url, false)) {
            WebClient web = new WebClient(first);
            web.signUp("Ivy", "ivy", "ivy's long password");
            web.get("/lessons/first");
            assertEquals(303, web.post("/lessons/first/complete", Map.of("completed", "true")).statusCode());
            web.get("/lessons/second");
            String progress = web.get("/progress").body();
            assertTrue(progress.contains("1</span> of <span>2</span> lessons completed"), progress);
            assertTrue(progress.contains("Continue where you left off: <span>Second lesson</span>"), progress);
        }
        try (TestServer second = new TestServer(content, url, false)) {
            WebClient web = new WebClient(second);
            assertEquals(303, web.signIn("ivy", "ivy's long password").statusCode());
            String progress = web.get("/progress").body();
            assertTrue(progress.contains("status status-completed\">completed"), progress);
            assertTrue(progress.contains("status status-read\">read"), progress);
            assertTrue(web.get("/").body().contains("status status-completed"), "home shows the status too");
        }
    }

    @Test
    void instructorSeesLearners() throws Exception {
        Path dir = tmp.resolve(kind + "-instructor");
        Path content = TestCourse.twoLessons(dir.resolve("content")).root();
        try (TestServer s = new TestServer(content, db(dir.resolve("db")), false)) {
            var accounts = new AccountService(new UserRepository(s.app().database().dataSource()),
                    new SessionRepository(s.app().database().dataSource()), new LoginThrottle(s.app().database().dataSource()), new PasswordHasher(4));
            accounts.create("Prof", "prof", "prof's long password", Role.INSTRUCTOR);
            new WebClient(s).signUp("Learner One", "one", "one's long password");
            WebClient prof = new WebClient(s);
            prof.signIn("prof", "prof's long password");
            String page = prof.get("/instructor").body();
            assertTrue(page.contains("Learners (<span>1</span>)"), page);
            assertTrue(prof.get("/instructor/gradebook").body().contains("Learner One"));
        }
    }

    @Test
    void defaultCostHashesAreBcrypt12OfTheSha256() {
        String hash = new PasswordHasher(PasswordHasher.DEFAULT_COST).hash("a long enough password");
        assertTrue(hash.startsWith("$sha256$$2a$12$"), hash);
        assertTrue(new PasswordHasher(4).verify("a long enough password", hash));
        assertFalse(new PasswordHasher(4).verify("another password", hash));
    }
}
