package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped exercises through HTTP with a real H2: right, wrong, misconception, unreadable input,
 * attempt limits, new data, giving up, CSV — and the reference never in the page before it is earned.
 * Runs once on H2 and once on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
@Tag("slow")
class ExerciseFlowTest {
    @Parameter
    String kind;
    @TempDir
    static Path tmp;
    static TestDatabase database;
    static TestServer server;
    static long userCounter;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        database = TestDatabase.forOneServer(kind, tmp.resolve(kind), "exercises");
        server = new TestServer(Path.of("content"), database.url(), false);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
        database.close();
    }

    private WebClient learner() {
        WebClient web = new WebClient(server);
        String name = "learner" + (++userCounter);
        assertEquals(303, web.signUp("Learner " + userCounter, name, name + " long password").statusCode());
        return web;
    }

    /** The learner's own instance, computed the way the server does (same seed). */
    private ExerciseInstance instanceOf(WebClient web, String exercise) throws Exception {
        long userId;
        try (Connection c = server.app().database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM users")) {
            rs.next();
            userId = rs.getLong(1);
        }
        ExerciseService service = new ExerciseService(() -> Registries.course(Path.of("content")).exercises(),
                new AttemptRepository(server.app().database().dataSource()), Registries.references(), Registries.misconceptions());
        int variant = new AttemptRepository(server.app().database().dataSource()).state(userId, exercise).variant();
        return Registries.instanceFactory().create(service.spec(exercise), InstanceFactory.seedFor(userId, exercise, variant));
    }

    /** A value of θ in [0, 1] that is neither the learner's k/n nor the share of tails: a plain wrong attempt. */
    private String wrongTheta(WebClient web) throws Exception {
        double right = instanceOf(web, "coin-mle").references().get("theta")[0];
        for (double c : new double[]{0.05, 0.35, 0.65, 0.95}) {
            if (Math.abs(c - right) > 0.01 && Math.abs(c - (1 - right)) > 0.01) return String.valueOf(c);
        }
        throw new AssertionError("no wrong value for " + right);
    }

    /** Attempts stored for the newest learner on {@code exercise}. */
    private int storedAttempts(String exercise) throws Exception {
        try (Connection c = server.app().database().dataSource().getConnection();
             java.sql.PreparedStatement q = c.prepareStatement(
                     "SELECT COUNT(*) FROM exercise_attempts WHERE exercise_id = ? AND user_id = (SELECT MAX(id) FROM users)")) {
            q.setString(1, exercise);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private JsonNode submit(WebClient web, String exercise, Map<String, String> answers, int expectedStatus) throws Exception {
        web.get("/exercises/" + exercise);
        Map<String, String> form = new java.util.HashMap<>();
        answers.forEach((k, v) -> form.put("answer_" + k, v));
        form.put("_csrf", web.csrf());
        HttpResponse<String> r = web.postRaw("/exercises/" + exercise + "/submit", form, Map.of("Accept", "application/json"));
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void rightAnswerIsGradedStoredAndThenRevealed() throws Exception {
        WebClient web = learner();
        ExerciseInstance mine = instanceOf(web, "coin-mle");
        double answer = mine.references().get("theta")[0];
        String page = web.get("/exercises/coin-mle").body();
        assertFalse(page.contains("theta = "), "no revealed answer before solving");
        JsonNode result = submit(web, "coin-mle", Map.of("theta", String.valueOf(answer)), 200);
        assertTrue(result.get("correct").asBoolean());
        assertEquals(1.0, result.get("score").asDouble());
        String after = web.get("/exercises/coin-mle").body();
        assertTrue(after.contains("Solved."), after);
        assertTrue(after.contains("Best score so far:"));
        submit(web, "coin-mle", Map.of("theta", "0.5"), 409);
    }

    @Test
    void namedMistakeAndMisconceptionGetTheirOwnMessage() throws Exception {
        WebClient web = learner();
        ExerciseInstance coin = instanceOf(web, "coin-mle");
        double tails = 1 - coin.references().get("theta")[0];
        JsonNode r = submit(web, "coin-mle", Map.of("theta", String.valueOf(tails)), 200);
        assertFalse(r.get("correct").asBoolean());
        assertEquals("share-of-tails", r.get("verdicts").get(0).get("rule").asText());
        assertTrue(r.get("verdicts").get(0).get("message").asText().startsWith("That is the share of tails."));

        ExerciseInstance loglik = instanceOf(web, "coin-loglik");
        double product = Math.exp(loglik.references().get("loglik")[0]);
        JsonNode m = submit(web, "coin-loglik", Map.of("loglik", String.valueOf(product)), 200);
        assertEquals("forgot-log", m.get("verdicts").get(0).get("rule").asText());
        try (Connection c = server.app().database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM attempt_rules WHERE rule = 'forgot-log'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the fired rule is stored for the instructor's statistics");
        }
    }

    @Test
    void unreadableInputCostsNoAttemptAndLimitsApply() throws Exception {
        WebClient web = learner();
        JsonNode comma = submit(web, "coin-mle", Map.of("theta", "0,7"), 400);
        assertEquals("Use a point for decimals: 0.7, not 0,7.", comma.get("error").asText());
        JsonNode abc = submit(web, "coin-mle", Map.of("theta", "abc"), 400);
        assertTrue(abc.get("error").asText().contains("'abc' is not a known variable"));
        JsonNode formula = submit(web, "poisson-mle", Map.of("formula", "sum_x / m", "value", "3"), 400);
        JsonNode huge = submit(web, "coin-mle", Map.of("theta", "1+".repeat(2500) + "1"), 400);
        assertTrue(huge.get("error").asText().startsWith("That answer is too long to keep: 5,003 characters as stored, at most 1,000"), huge.toString());
        assertTrue(formula.get("error").asText().startsWith("formula: 'm' is not a known variable"), formula.toString());
        String wrong = wrongTheta(web);
        for (int i = 0; i < 5; i++) submit(web, "coin-mle", Map.of("theta", wrong), 200);
        JsonNode closed = submit(web, "coin-mle", Map.of("theta", wrong), 409);
        assertEquals("You have used all 5 attempts on this data.", closed.get("error").asText());
        assertTrue(web.get("/exercises/coin-mle").body().contains("disabled"), "the form is closed");
    }

    @Test
    void invalidAnswersCostNoAttemptAndKeepEveryTypedValue() throws Exception {
        WebClient web = learner();
        // a probability outside [0, 1]: invalid, not wrong
        JsonNode negative = submit(web, "coin-mle", Map.of("theta", "-0.5"), 400);
        assertEquals("A probability lies between 0 and 1; you gave -0.5.", negative.get("error").asText());
        assertEquals("A probability lies between 0 and 1; you gave -0.5.", negative.get("errors").get("theta").asText());
        String fragment = negative.get("html").asText();
        assertTrue(fragment.contains("value=\"-0.5\""), "the typed value is kept: " + fragment);
        assertTrue(fragment.contains("aria-invalid=\"true\"") && fragment.contains("aria-describedby=\"coin-mle-theta-error coin-mle-theta-help\""), fragment);
        assertTrue(fragment.contains("id=\"coin-mle-theta-error\">A probability lies between 0 and 1; you gave -0.5.</p>"), fragment);
        assertTrue(fragment.contains("<span>5</span> attempt(s) left"), "no attempt used: " + fragment);
        for (String empty : List.of("", "()", "{}", "[]", "(())", "1.2")) {
            JsonNode r = submit(web, "coin-mle", Map.of("theta", empty), 400);
            assertFalse(r.get("errors").get("theta").asText().isBlank(), "'" + empty + "': " + r);
        }
        assertEquals(0, storedAttempts("coin-mle"), "invalid submissions are never stored");

        // after a real (wrong) attempt, an invalid one leaves the count alone and hides the old verdict beside new values
        submit(web, "coin-mle", Map.of("theta", wrongTheta(web)), 200);
        JsonNode again = submit(web, "coin-mle", Map.of("theta", "7"), 400);
        assertTrue(again.get("html").asText().contains("<span>4</span> attempt(s) left"), again.get("html").asText());
        assertFalse(again.get("html").asText().contains("class=\"notice notice-error verdict\""), "the last attempt's verdict is not shown");
        assertEquals(1, storedAttempts("coin-mle"));

        // two fields, both invalid: both reported at once, in JSON
        JsonNode both = submit(web, "poisson-mle", Map.of("formula", "()", "value", "-2"), 400);
        assertEquals("'()' has nothing inside its brackets: type a number or a formula.", both.get("errors").get("formula").asText());
        assertEquals("A Poisson mean λ cannot be negative; you gave -2.", both.get("errors").get("value").asText());
        assertEquals("formula: '()' has nothing inside its brackets: type a number or a formula. value: A Poisson mean λ cannot be negative; you gave -2.",
                both.get("error").asText());

        // the plain form: 400, the page keeps the valid formula and the invalid value, each message beside its field
        web.get("/exercises/poisson-mle");
        HttpResponse<String> plain = web.post("/exercises/poisson-mle/submit", Map.of("answer_formula", "sum_x / n", "answer_value", "-2"));
        assertEquals(400, plain.statusCode());
        String page = plain.body();
        assertTrue(page.contains("value=\"sum_x / n\""), "the valid field keeps its value");
        assertTrue(page.contains("value=\"-2\""), "the invalid field keeps its value");
        assertTrue(page.contains("id=\"poisson-mle-value-error\">A Poisson mean &#955; cannot be negative; you gave -2.</p>"), page);
        assertFalse(page.contains("id=\"poisson-mle-formula-error\""), "no message for the valid field");
        assertTrue(page.contains("role=\"alert\""), "the summary is announced");
        assertEquals(0, storedAttempts("poisson-mle"));

        // probabilities that do not add up to 1
        ExerciseInstance categories = instanceOf(web, "category-mle");
        int k = categories.references().get("probabilities").length;
        String tooMuch = String.join(", ", java.util.Collections.nCopies(k, "0.5"));
        JsonNode sum = submit(web, "category-mle", Map.of("probabilities", tooMuch), 400);
        assertTrue(sum.get("error").asText().startsWith("The probabilities add up to 1; yours add up to"), sum.toString());
        assertEquals(0, storedAttempts("category-mle"));
    }

    @Test
    void penaltyLowersTheScoreOfALaterRightAnswer() throws Exception {
        WebClient web = learner();
        ExerciseInstance mine = instanceOf(web, "coin-mle");
        String wrong = wrongTheta(web);
        submit(web, "coin-mle", Map.of("theta", wrong), 200);
        submit(web, "coin-mle", Map.of("theta", wrong), 200);
        JsonNode right = submit(web, "coin-mle", Map.of("theta", String.valueOf(mine.references().get("theta")[0])), 200);
        assertEquals(0.8, right.get("score").asDouble(), 1e-12, "two wrong attempts × 0.1 penalty");
    }

    @Test
    void newDataIsNoWayAroundThePenaltyOrGivingUp() throws Exception {
        WebClient web = learner();
        String wrong = wrongTheta(web);
        submit(web, "coin-mle", Map.of("theta", wrong), 200);
        submit(web, "coin-mle", Map.of("theta", wrong), 200);
        web.get("/exercises/coin-mle");
        assertEquals(303, web.post("/exercises/coin-mle/variant", Map.of()).statusCode());
        ExerciseInstance fresh = instanceOf(web, "coin-mle");
        JsonNode right = submit(web, "coin-mle", Map.of("theta", String.valueOf(fresh.references().get("theta")[0])), 200);
        assertTrue(right.get("correct").asBoolean());
        assertEquals(0.8, right.get("score").asDouble(), 1e-12, "the two wrong attempts on the first data still cost 0.1 each");

        WebClient quitter = learner();
        submit(quitter, "coin-loglik", Map.of("loglik", "-1"), 200);
        quitter.get("/exercises/coin-loglik");
        assertEquals(303, quitter.post("/exercises/coin-loglik/reveal", Map.of()).statusCode());
        assertEquals(303, quitter.post("/exercises/coin-loglik/variant", Map.of()).statusCode());
        assertTrue(quitter.get("/exercises/coin-loglik").body().contains("checked for practice and not scored"));
        ExerciseInstance next = instanceOf(quitter, "coin-loglik");
        JsonNode practised = submit(quitter, "coin-loglik", Map.of("loglik", String.valueOf(next.references().get("loglik")[0])), 200);
        assertTrue(practised.get("correct").asBoolean(), practised.toString());
        assertEquals(0.0, practised.get("score").asDouble(), "no score after seeing the answer");

        // an exercise without data has no new data: asking for it is refused, not a new set of attempts
        quitter.get("/exercises/lab-which-method");
        HttpResponse<String> noData = quitter.postRaw("/exercises/lab-which-method/variant", Map.of("_csrf", quitter.csrf()), Map.of("Accept", "application/json"));
        assertEquals(409, noData.statusCode(), noData.body());
        assertTrue(noData.body().contains("no new data"), noData.body());
        assertFalse(quitter.get("/exercises/lab-which-method").body().contains("/exercises/lab-which-method/variant"), "no New data button");
    }

    @Test
    void parallelSubmissionsCannotPassTheAttemptLimit() throws Exception {
        WebClient web = learner();
        String wrong = wrongTheta(web);
        web.get("/exercises/coin-mle");
        String csrf = web.csrf();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                codes.add(pool.submit(() -> web.postRaw("/exercises/coin-mle/submit", Map.of("answer_theta", wrong, "_csrf", csrf),
                        Map.of("Accept", "application/json")).statusCode()));
            }
            int accepted = 0;
            for (var f : codes) accepted += f.get() == 200 ? 1 : 0;
            assertEquals(5, accepted, "the limit of 5 attempts holds under 24 parallel submissions");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = server.app().database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM exercise_attempts WHERE exercise_id = 'coin-mle' AND user_id = (SELECT MAX(id) FROM users)")) {
            rs.next();
            assertEquals(5, rs.getInt(1));
        }
    }

    @Test
    void formulaAnswersAreGradedAsFormulas() throws Exception {
        WebClient web = learner();
        ExerciseInstance mine = instanceOf(web, "poisson-mle");
        String value = String.valueOf(mine.references().get("value")[0]);
        JsonNode wrong = submit(web, "poisson-mle", Map.of("formula", "sum_x/(n-1)", "value", value), 200);
        assertEquals("n-minus-one", wrong.get("verdicts").get(0).get("rule").asText());
        assertTrue(wrong.get("verdicts").get(1).get("correct").asBoolean());
        JsonNode right = submit(web, "poisson-mle", Map.of("formula", "(1/n) * sum_x", "value", value), 200);
        assertTrue(right.get("correct").asBoolean(), right.toString());
    }

    @Test
    void likelihoodGradingAcceptsAnyValueNearThePeak() throws Exception {
        WebClient web = learner();
        ExerciseInstance mine = instanceOf(web, "coin-peak");
        double peak = mine.references().get("theta")[0];
        JsonNode far = submit(web, "coin-peak", Map.of("theta", String.valueOf(peak > 0.5 ? peak - 0.3 : peak + 0.3)), 200);
        assertFalse(far.get("correct").asBoolean());
        String message = far.get("verdicts").get(0).get("message").asText();
        assertTrue(message.startsWith("Not quite: the log-likelihood at your value is more than 0.01 below its maximum."), message);
        JsonNode near = submit(web, "coin-peak", Map.of("theta", String.valueOf(peak + 0.004)), 200);
        assertTrue(near.get("correct").asBoolean(), near.toString());
    }

    @Test
    void newDataGiveUpCsvAndVisitors() throws Exception {
        WebClient web = learner();
        String before = web.get("/exercises/coin-mle/data.csv").body();
        assertTrue(before.startsWith("i,x\n1,"), before);
        web.get("/exercises/coin-mle");
        assertEquals(303, web.post("/exercises/coin-mle/variant", Map.of()).statusCode());
        assertNotEquals(before, web.get("/exercises/coin-mle/data.csv").body(), "new data after asking for a variant");
        web.get("/exercises/coin-mle");
        assertEquals(303, web.post("/exercises/coin-mle/reveal", Map.of()).statusCode());
        assertTrue(web.get("/exercises/coin-mle").body().contains("The answer:"));

        WebClient visitor = new WebClient(server);
        String page = visitor.get("/lessons/likelihood").body();
        assertTrue(page.contains("This is example data."), "visitors are asked to sign in");
        assertFalse(page.contains("exercise-form"), "no form for visitors");
        assertTrue(page.contains("href=\"/signin?next=%2Fexercises%2Fcoin-mle\""), "signing in leads back to the exercise");
        assertTrue(visitor.get("/signin?next=%2Fexercises%2Fcoin-mle").body().contains("value=\"/exercises/coin-mle\""));
        HttpResponse<String> csv = visitor.get("/exercises/coin-mle/data.csv");
        assertEquals(302, csv.statusCode(), "data of their own needs an account");
        assertEquals("/signin?next=%2Fexercises%2Fcoin-mle%2Fdata.csv", csv.headers().firstValue("Location").orElse(""), "sign in, then back to the download");
        visitor.get("/signin");
        HttpResponse<String> anonymous = visitor.postRaw("/exercises/coin-mle/submit", Map.of("answer_theta", "0.5", "_csrf", visitor.csrf()),
                Map.of("Accept", "application/json"));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("Sign in to get your own data"), anonymous.body());
    }

    @Test
    void plainFormSubmissionRedirectsBackToTheLesson() {
        WebClient web = learner();
        web.get("/lessons/likelihood");
        HttpResponse<String> r = web.post("/exercises/coin-mle/submit", Map.of("answer_theta", "0.123"));
        assertEquals(303, r.statusCode());
        assertEquals("/lessons/likelihood#exercise-coin-mle", r.headers().firstValue("location").orElse(""));
        String page = web.get("/lessons/likelihood").body();
        assertTrue(page.contains("Not yet"), "the feedback of the last attempt is on the lesson page");
        HttpResponse<String> bad = web.post("/exercises/coin-mle/submit", Map.of("answer_theta", "0,5"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Use a point for decimals"));
    }
}
