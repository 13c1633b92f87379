package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.content.ContentProblem;
import org.argmax.testing.Registries;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grading integrity (issue: grading leaks): choice options shuffled per learner and mapped back to the
 * author's option; slider and likelihood-graded answers not told which way they are off; the
 * instructor's cap on new data sets ({@code new_data: N}) validated, shown and enforced.
 */
@Tag("slow") // 32 learners sign up and submit over HTTP: 18 s of CPU, 10–18 s on a quiet machine
class GradingIntegrityTest {
    static final List<String> CHOICE_EXERCISES = List.of("kmeans-limits", "lab-which-method", "mle-imitates", "prior-matters");

    @TempDir
    static Path tmp;
    static TestServer server;
    static Map<String, ExerciseSpec> specs;
    static int learners;

    @BeforeAll
    static void start() throws Exception {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        for (String id : CHOICE_EXERCISES) course.write("exercises/" + id + ".yml", Files.readString(Path.of("content/exercises", id + ".yml")));
        course.write("exercises/coin-peak.yml", Files.readString(Path.of("content/exercises/coin-peak.yml")));
        course.write("exercises/capped.yml", """
                id: capped
                title: "Three coins at most"
                prompt: "Estimate p."
                data:
                  family: bernoulli
                  n: 20
                  parameters:
                    p: [0.3, 0.7]
                answers:
                  - name: p
                    reference: bernoulli.mle.p
                new_data: 2
                """);
        server = new TestServer(course.root(), tmp.resolve("db"));
        specs = Registries.course(course.root()).exercises();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Learner(WebClient web, long id) {
    }

    /** A learner made directly (sign-ups from one address are limited), then signed in. */
    private static Learner learner() {
        String name = "integrity" + (++learners);
        javax.sql.DataSource db = server.app().database().dataSource();
        var accounts = TestAccounts.on(db);
        var user = accounts.create("Learner", name, name + " long password", org.argmax.accounts.Role.LEARNER);
        WebClient web = new WebClient(server);
        assertEquals(303, web.signIn(name, name + " long password").statusCode());
        return new Learner(web, user.id());
    }

    private static JsonNode submit(WebClient web, String exercise, Map<String, String> answers, int status) throws Exception {
        web.get("/exercises/" + exercise);
        Map<String, String> form = new HashMap<>();
        answers.forEach((k, v) -> form.put("answer_" + k, v));
        form.put("_csrf", web.csrf());
        HttpResponse<String> r = web.postRaw("/exercises/" + exercise + "/submit", form, Map.of("Accept", "application/json"));
        assertEquals(status, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    /** The author's option indices in the order the page shows them (found by each option's first 30 characters). */
    private static List<Integer> pageOrder(String page, ExerciseSpec.AnswerSpec a) {
        List<int[]> at = new ArrayList<>();
        for (int i = 0; i < a.choices().size(); i++) {
            String start = a.choices().get(i).text().substring(0, 30);
            int where = page.indexOf(start);
            assertTrue(where >= 0, "option " + i + " on the page: " + start);
            at.add(new int[]{where, i});
        }
        at.sort((x, y) -> Integer.compare(x[0], y[0]));
        return at.stream().map(x -> x[1]).toList();
    }

    private static String stored(long userId, String exercise) throws Exception {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT answers, verdicts FROM exercise_attempts WHERE user_id = ? AND exercise_id = ? ORDER BY id")) {
            q.setLong(1, userId);
            q.setString(2, exercise);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void choiceOptionsAreShuffledPerLearnerTheSameOnEveryVisitAndGradedInTheAuthorsTerms() throws Exception {
        for (String id : CHOICE_EXERCISES) {
            ExerciseSpec.AnswerSpec a = specs.get(id).answers().get(0);
            int right = 0;
            while (!a.choices().get(right).correct()) right++;
            Set<List<Integer>> orders = new HashSet<>();
            Set<Integer> rightShownAt = new HashSet<>();
            for (int k = 0; k < 8; k++) {
                Learner l = learner();
                List<Integer> order = pageOrder(l.web().get("/exercises/" + id).body(), a);
                assertEquals(order, pageOrder(l.web().get("/exercises/" + id).body(), a), "the same order on every visit");
                int[] expected = ChoiceAnswer.order(a, InstanceFactory.seedFor(l.id(), id, 0));
                assertEquals(java.util.Arrays.stream(expected).boxed().toList(), order, "the order is the learner's seeded permutation");
                orders.add(order);
                int rightPosition = order.indexOf(right);
                rightShownAt.add(rightPosition);
                if (k % 2 == 0) {
                    // a wrong option first: its feedback and rule are the author's option
                    int wrongPosition = rightPosition == 0 ? 1 : 0;
                    int wrongAuthor = order.get(wrongPosition);
                    JsonNode wrong = submit(l.web(), id, Map.of(a.name(), String.valueOf(wrongPosition)), 200);
                    assertFalse(wrong.get("correct").asBoolean());
                    assertEquals("option-" + (wrongAuthor + 1), wrong.get("verdicts").get(0).get("rule").asText());
                    assertEquals(a.choices().get(wrongAuthor).text(), wrong.get("verdicts").get(0).get("given").asText());
                    String page = l.web().get("/exercises/" + id).body();
                    assertTrue(page.contains("value=\"" + wrongPosition + "\" checked") || page.matches("(?s).*value=\"" + wrongPosition + "\"[^>]*checked.*"),
                            "the picked option is checked again at its position on the page");
                }
                JsonNode ok = submit(l.web(), id, Map.of(a.name(), String.valueOf(rightPosition)), 200);
                assertTrue(ok.get("correct").asBoolean(), id + ": the right option at position " + rightPosition);
                String rows = stored(l.id(), id);
                assertTrue(rows.contains("{\"" + a.name() + "\":\"" + right + "\"}"), "stored as the author's option " + right + ": " + rows);
            }
            assertTrue(orders.size() > 1, id + ": learners see different orders");
            assertTrue(rightShownAt.size() > 1, id + ": the right option is not always in the same place: " + rightShownAt);
        }
    }

    @Test
    void theSliderExerciseSaysOnlyThatTheAnswerIsOutsideTheTolerance() throws Exception {
        Learner l = learner();
        ExerciseInstance mine = Registries.instanceFactory().create(specs.get("coin-peak"), InstanceFactory.seedFor(l.id(), "coin-peak", 0));
        double peak = mine.references().get("theta")[0];
        for (double off : new double[]{-0.3, 0.3, -0.1, 0.1}) {
            double tried = Math.min(0.999, Math.max(0.001, peak + off));
            JsonNode r = submit(l.web(), "coin-peak", Map.of("theta", String.valueOf(tried)), 200);
            String message = r.get("verdicts").get(0).get("message").asText();
            assertFalse(r.get("correct").asBoolean());
            assertFalse(message.contains("too high") || message.contains("too low"), message);
        }
    }

    @Test
    void newDataIsCappedShownAndEnforcedWithA409() throws Exception {
        Learner l = learner();
        WebClient web = l.web();
        assertTrue(web.get("/exercises/capped").body().replaceAll("\\s+", " ").contains("0 of 2 new data sets used"));
        for (int i = 1; i <= 2; i++) {
            web.get("/exercises/capped");
            assertEquals(303, web.post("/exercises/capped/variant", Map.of()).statusCode());
            assertTrue(web.get("/exercises/capped").body().replaceAll("\\s+", " ").contains(i + " of 2 new data sets used"));
        }
        String page = web.get("/exercises/capped").body();
        assertTrue(page.matches("(?s).*<button type=\"submit\" class=\"secondary\" disabled[^>]*>New data</button>.*"), "the button is disabled");
        HttpResponse<String> third = web.post("/exercises/capped/variant", Map.of());
        assertEquals(409, third.statusCode());
        assertTrue(third.body().contains("You have used all 2 new data sets of this exercise."), third.body());
        HttpResponse<String> json = web.postRaw("/exercises/capped/variant", Map.of("_csrf", web.csrf()), Map.of("Accept", "application/json"));
        assertEquals(409, json.statusCode());
        assertEquals("You have used all 2 new data sets of this exercise.", new ObjectMapper().readTree(json.body()).get("error").asText());
        assertEquals(2, new AttemptRepository(server.app().database().dataSource()).state(l.id(), "capped").variant(), "no third draw");
    }

    @Test
    void theLoaderValidatesNewData() throws Exception {
        String base = """
                id: x
                title: "X"
                prompt: "p"
                data:
                  family: bernoulli
                  parameters:
                    p: 0.5
                answers:
                  - name: p
                    reference: bernoulli.mle.p
                """;
        assertEquals(List.of(), problems(base + "new_data: 3\n"));
        assertEquals(3, load(base + "new_data: 3\n").newData());
        assertEquals(0, load(base).newData(), "no cap when absent");
        assertTrue(problems(base + "new_data: 0\n").get(0).contains("'new_data: 0' would offer no new data: write 'variants: false' instead"));
        assertTrue(problems(base + "new_data: three\n").get(0).contains("'new_data' must be a whole number, got 'three'"));
        assertTrue(problems(base + "new_data: 5000\n").get(0).contains("'new_data' must be between 1 and 1000"));
        assertTrue(problems(base + "new_data: 2\nvariants: false\n").get(0).contains("'variants: false' offers none"));
        String noData = """
                id: x
                title: "X"
                prompt: "p"
                answers:
                  - name: f
                    type: formula
                    variables: [k, n]
                    expected: "k/n"
                new_data: 2
                """;
        assertTrue(problems(noData).get(0).contains("this exercise has no data to draw again"), problems(noData).toString());
    }

    private static ExerciseSpec load(String yaml) throws Exception {
        Path file = Files.createTempDirectory(tmp, "ex").resolve("x.yml");
        Files.writeString(file, yaml);
        return Registries.exerciseLoader().loadOne(file, new ArrayList<>());
    }

    private static List<String> problems(String yaml) throws Exception {
        Path file = Files.createTempDirectory(tmp, "ex").resolve("x.yml");
        Files.writeString(file, yaml);
        List<ContentProblem> problems = new ArrayList<>();
        Registries.exerciseLoader().loadOne(file, problems);
        return problems.stream().map(ContentProblem::toString).toList();
    }
}
