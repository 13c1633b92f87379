package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 */
class ExerciseFlowTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static long userCounter;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
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
        ExerciseService service = new ExerciseService(() -> new org.argmax.lessons.CourseService(
                new org.argmax.content.CourseLoader(Path.of("content"))).current().exercises(),
                new AttemptRepository(server.app().database().dataSource()));
        int variant = new AttemptRepository(server.app().database().dataSource()).state(userId, exercise).variant();
        return new InstanceFactory().create(service.spec(exercise), InstanceFactory.seedFor(userId, exercise, variant));
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
        assertEquals("That answer is 5001 characters long; answers are at most 500.", huge.get("error").asText());
        assertTrue(formula.get("error").asText().startsWith("formula: 'm' is not a known variable"), formula.toString());
        for (int i = 0; i < 5; i++) submit(web, "coin-mle", Map.of("theta", "-3"), 200);
        JsonNode closed = submit(web, "coin-mle", Map.of("theta", "-3"), 409);
        assertEquals("You have used all 5 attempts on this data.", closed.get("error").asText());
        assertTrue(web.get("/exercises/coin-mle").body().contains("disabled"), "the form is closed");
    }

    @Test
    void penaltyLowersTheScoreOfALaterRightAnswer() throws Exception {
        WebClient web = learner();
        ExerciseInstance mine = instanceOf(web, "coin-mle");
        submit(web, "coin-mle", Map.of("theta", "-3"), 200);
        submit(web, "coin-mle", Map.of("theta", "-3"), 200);
        JsonNode right = submit(web, "coin-mle", Map.of("theta", String.valueOf(mine.references().get("theta")[0])), 200);
        assertEquals(0.8, right.get("score").asDouble(), 1e-12, "two wrong attempts × 0.1 penalty");
    }

    @Test
    void newDataIsNoWayAroundThePenaltyOrGivingUp() throws Exception {
        WebClient web = learner();
        submit(web, "coin-mle", Map.of("theta", "-3"), 200);
        submit(web, "coin-mle", Map.of("theta", "-3"), 200);
        web.get("/exercises/coin-mle");
        assertEquals(303, web.post("/exercises/coin-mle/variant", Map.of()).statusCode());
        ExerciseInstance fresh = instanceOf(web, "coin-mle");
        JsonNode right = submit(web, "coin-mle", Map.of("theta", String.valueOf(fresh.references().get("theta")[0])), 200);
        assertTrue(right.get("correct").asBoolean());
        assertEquals(0.8, right.get("score").asDouble(), 1e-12, "the two wrong attempts on the first data still cost 0.1 each");

        WebClient quitter = learner();
        submit(quitter, "coin-loglik", Map.of("loglik", "1"), 200);
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
        web.get("/exercises/coin-mle");
        String csrf = web.csrf();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                codes.add(pool.submit(() -> web.postRaw("/exercises/coin-mle/submit", Map.of("answer_theta", "-3", "_csrf", csrf),
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
        assertEquals(401, visitor.get("/exercises/coin-mle/data.csv").statusCode(), "data of their own needs an account");
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
