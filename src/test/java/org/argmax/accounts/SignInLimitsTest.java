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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in and sign-up limits with two servers on one database (an H2 TCP server, as several
 * servers on one PostgreSQL), requests spread over both: nothing may rest on a lock in one JVM.
 * Both servers trust X-Forwarded-For, so each test plays addresses of its own; usernames are unique
 * per test, so the tests pass in any order. Runs once on H2 and once on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
@Tag("slow")
class SignInLimitsTest {
    @Parameter
    String kind;
    private static final String PASSWORD = "the owner's long password";
    private static final AtomicInteger unique = new AtomicInteger();

    @TempDir
    static Path tmp;
    static TestDatabase database;
    static TestServer one;
    static TestServer two;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        database = TestDatabase.forServers(kind, tmp.resolve(kind), "signin");
        Path content = TestCourse.twoLessons(tmp.resolve(kind + "-content")).root();
        one = new TestServer(content, database.url(), true);
        two = new TestServer(content, database.url(), true);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (one != null) one.close();
        if (two != null) two.close();
        database.close();
    }

    @Test
    void twelveParallelWrongPasswordsForOneAccountFromOneAddressCheckFive() {
        String owner = signedUp("pat");
        String attacker = address();
        List<HttpResponse<String>> r = inParallel(12, i -> signInForm(i % 2 == 0 ? one : two, attacker, owner, "wrong guess " + i));
        assertEquals(Map.of(401, LoginThrottle.PAIR_FREE, 429, 12 - LoginThrottle.PAIR_FREE), statuses(r));
        r.stream().filter(x -> x.statusCode() == 429).forEach(x -> assertRetryAfter(x, 1, 60));
    }

    @Test
    void thirtyParallelWrongSignInsWithDifferentUsernamesFromOneAddressHoldTheAddressLimit() {
        String attacker = address();
        String prefix = "guess" + unique.incrementAndGet() + "-";
        List<HttpResponse<String>> r = inParallel(30, i -> signInForm(i % 2 == 0 ? one : two, attacker, prefix + i, "wrong password"));
        assertEquals(Map.of(401, LoginThrottle.PER_ADDRESS, 429, 30 - LoginThrottle.PER_ADDRESS), statuses(r));
        r.stream().filter(x -> x.statusCode() == 429).forEach(x -> {
            assertRetryAfter(x, 1, LoginThrottle.ADDRESS_WINDOW.toSeconds());
            assertTrue(x.body().contains("Too many sign-in attempts; try again in 15 minutes."), x.body());
        });
    }

    /** The tracker's lockout: five wrong passwords from anywhere locked the account, and the owner got 429 with the right one. */
    @Test
    void aStrangersFailuresDoNotLockTheOwnerOutAtTheirUsualAddress() {
        String home = address();
        String owner = signedUp("owner", home);
        String stranger = address();
        for (int i = 0; i < 8; i++) {
            assertEquals(i < LoginThrottle.PAIR_FREE ? 401 : 429, signIn(i % 2 == 0 ? one : two, stranger, owner, "guess " + i).statusCode());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(303, signIn(i % 2 == 0 ? one : two, home, owner, PASSWORD).statusCode(), "the owner at home, again and again");
        }
    }

    @Test
    void onlyADistributedAttackReachesTheAccountCeilingAndNeverAtTheOwnersAddress() {
        String home = address();
        String owner = signedUp("target", home);
        int failures = 0;
        while (failures < LoginThrottle.PER_ACCOUNT) { // five guesses from each of ten addresses
            String bot = address();
            for (int i = 0; i < LoginThrottle.PAIR_FREE; i++, failures++) {
                assertEquals(401, signIn(failures % 2 == 0 ? one : two, bot, owner, "guess " + failures).statusCode());
            }
        }
        HttpResponse<String> refused = signIn(one, address(), owner, PASSWORD);
        assertEquals(429, refused.statusCode(), "the ceiling holds for every address the owner never signed in from");
        assertRetryAfter(refused, 1, LoginThrottle.ACCOUNT_WINDOW.toSeconds());
        assertEquals(303, signIn(two, home, owner, PASSWORD).statusCode(), "but not at the owner's own address");
        assertEquals(401, signIn(one, address(), "someone-else" + unique.incrementAndGet(), "guess").statusCode(), "other accounts are not concerned");
    }

    /** The tracker's "one client also locks out everyone behind its address" (a school's NAT). */
    @Test
    void oneClientDoesNotLockOutTheLearnersWhoSignInBehindItsAddress() {
        String school = address();
        String learner = signedUp("pupil", school);
        String prefix = "nobody" + unique.incrementAndGet() + "-";
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) assertEquals(401, signIn(one, school, prefix + i, "guess").statusCode());
        assertEquals(429, signIn(two, school, prefix + "x", "guess").statusCode(), "the guessing address is limited");
        assertEquals(303, signIn(two, school, learner, PASSWORD).statusCode(), "a learner known at that address is not");
    }

    @Test
    void delaysGrowForOnePairAndARightPasswordStartsItAgain() throws SQLException {
        String owner = signedUp("slow");
        String attacker = address();
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) assertEquals(401, signIn(one, attacker, owner, "guess " + i).statusCode());
        long expected = LoginThrottle.PAIR_FIRST_DELAY.toSeconds();
        for (int round = 0; round < 3; round++, expected *= 2) {
            HttpResponse<String> refused = signIn(two, attacker, owner, "guess");
            assertEquals(429, refused.statusCode());
            assertRetryAfter(refused, expected - 10, expected);
            endTheWait(owner, attacker);
            assertEquals(401, signIn(one, attacker, owner, "guess after waiting").statusCode(), "one more guess after the wait");
        }
        assertEquals(429, signIn(two, attacker, owner, PASSWORD).statusCode(), "even the right password waits");
        endTheWait(owner, attacker);
        assertEquals(303, signIn(two, attacker, owner, PASSWORD).statusCode());
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
            assertEquals(401, signIn(one, attacker, owner, "typo " + i).statusCode(), "the count started again");
        }
        assertEquals(429, signIn(one, attacker, owner, "typo").statusCode());
    }

    @Test
    void signUpsAreLimitedPerAddressOverBothServers() {
        String classroom = address();
        String prefix = "pupil" + unique.incrementAndGet() + "-";
        int n = LoginThrottle.SIGNUPS_PER_ADDRESS + 5;
        List<HttpResponse<String>> r = inParallel(n, i -> signUpForm(i % 2 == 0 ? one : two, classroom, prefix + i));
        assertEquals(Map.of(303, LoginThrottle.SIGNUPS_PER_ADDRESS, 429, 5), statuses(r));
        r.stream().filter(x -> x.statusCode() == 429).forEach(x -> {
            assertRetryAfter(x, 1, LoginThrottle.SIGNUP_WINDOW.toSeconds());
            assertTrue(x.body().contains("Too many sign-ups from your address"), x.body());
        });
        assertEquals(303, signUp(one, address(), prefix + "elsewhere").statusCode(), "another address still signs up");
    }

    /** Time passes for one pair: its wait ends now (the database's clock decides, so the test moves the row). */
    private static void endTheWait(String username, String address) throws SQLException {
        try (Connection c = one.app().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE signin_limits SET blocked_until = CURRENT_TIMESTAMP WHERE kind = 'pair' AND username = ? AND address = ?")) {
            s.setString(1, username);
            s.setString(2, address);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static String address() {
        int n = unique.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String signedUp(String name) {
        return signedUp(name, address());
    }

    private static String signedUp(String name, String address) {
        String username = name + unique.incrementAndGet();
        assertEquals(303, signUp(two, address, username).statusCode());
        return username;
    }

    private static HttpResponse<String> signUp(TestServer server, String address, String username) {
        return signUpForm(server, address, username).get();
    }

    private static HttpResponse<String> signIn(TestServer server, String address, String username, String password) {
        return signInForm(server, address, username, password).get();
    }

    private static Supplier<HttpResponse<String>> signUpForm(TestServer server, String address, String username) {
        return form(server, "/signup", address, Map.of("displayName", username, "username", username, "password", PASSWORD));
    }

    private static Supplier<HttpResponse<String>> signInForm(TestServer server, String address, String username, String password) {
        return form(server, "/signin", address, Map.of("username", username, "password", password));
    }

    /** Fetches the form (for its CSRF token) now; the returned supplier posts it from {@code address}. */
    private static Supplier<HttpResponse<String>> form(TestServer server, String path, String address, Map<String, String> fields) {
        WebClient web = new WebClient(server);
        web.get(path);
        Map<String, String> all = new HashMap<>(fields);
        all.put("_csrf", web.csrf());
        return () -> web.postRaw(path, all, Map.of("X-Forwarded-For", address));
    }

    /** Fetches n forms, then sends the n posts at once from n threads. */
    private static List<HttpResponse<String>> inParallel(int n, IntFunction<Supplier<HttpResponse<String>>> form) {
        List<Supplier<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) posts.add(form.apply(i));
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (var p : posts) futures.add(pool.submit(() -> {
                go.await();
                return p.get();
            }));
            go.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (var f : futures) out.add(f.get());
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Integer> statuses(List<HttpResponse<String>> responses) {
        Map<Integer, Integer> count = new TreeMap<>();
        for (var r : responses) count.merge(r.statusCode(), 1, Integer::sum);
        return count;
    }

    private static void assertRetryAfter(HttpResponse<String> r, long min, long max) {
        long seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
        assertTrue(seconds >= min && seconds <= max, "Retry-After " + seconds + " not in [" + min + ", " + max + "]");
    }
}
