package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.testing.TestCourse;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that once made the server fail (issue: fuzzing every route): empty brackets, which exp4j
 * accepted and then could not evaluate, and answers whose JSON (control characters are 6 characters
 * there) overflowed the answers column. Answers are limited by what is stored, and the column holds
 * everything the limits accept.
 */
class AnswerLimitsTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int learners;

    @BeforeAll
    static void start() {
        // the shipped course, plus an exercise with six answers: six answers at the limit are more than the old 4,000-character column
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        for (String file : List.of("ols-line", "coin-mle", "poisson-mle", "category-mle")) {
            course.write("exercises/" + file + ".yml", read(Path.of("content/exercises", file + ".yml")));
        }
        StringBuilder six = new StringBuilder("""
                id: six
                title: "Six times the same"
                prompt: "Give the MLE of p six times."
                data:
                  family: bernoulli
                  n: 20
                  parameters:
                    p: [0.3, 0.7]
                answers:
                """);
        for (int i = 1; i <= 6; i++) six.append("  - name: p").append(i).append("\n    reference: bernoulli.mle.p\n");
        six.append("attempts: 0\n");
        course.write("exercises/six.yml", six.toString());
        server = new TestServer(course.root(), tmp.resolve("db"));
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient learner() {
        WebClient web = new WebClient(server);
        String name = "limits" + (++learners);
        assertEquals(303, web.signUp("Learner", name, name + " long password").statusCode());
        return web;
    }

    private static HttpResponse<String> submit(WebClient web, String exercise, Map<String, String> answers) {
        web.get("/exercises/" + exercise);
        Map<String, String> form = new HashMap<>();
        answers.forEach((k, v) -> form.put("answer_" + k, v));
        form.put("_csrf", web.csrf());
        return web.postRaw("/exercises/" + exercise + "/submit", form, Map.of("Accept", "application/json"));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    private static int stored(String exercise) throws Exception {
        try (Connection c = server.app().database().dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM exercise_attempts WHERE exercise_id = ?")) {
            q.setString(1, exercise);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void emptyBracketsAreInvalidAnswersOfEveryKindNotServerErrors() throws Exception {
        WebClient web = learner();
        for (String empty : List.of("()", "{}", "[]", "(())")) {
            Map<String, HttpResponse<String>> kinds = new LinkedHashMap<>();
            kinds.put("number", submit(web, "coin-mle", Map.of("theta", empty)));
            kinds.put("formula", submit(web, "poisson-mle", Map.of("formula", empty, "value", "3")));
            kinds.put("vector", submit(web, "category-mle", Map.of("probabilities", empty)));
            for (var e : kinds.entrySet()) {
                assertEquals(400, e.getValue().statusCode(), e.getKey() + " answer " + empty + ": " + e.getValue().body());
                String error = json(e.getValue()).get("error").asText();
                assertTrue(error.contains("nothing inside its brackets") || error.startsWith("Type "), e.getKey() + " " + empty + ": " + error);
            }
        }
        assertEquals(0, stored("coin-mle") + stored("poisson-mle") + stored("category-mle"), "invalid answers are no attempts");
    }

    @Test
    void controlCharactersCountAsTheyAreStoredSoTheyCannotOverflowTheColumn() throws Exception {
        WebClient web = learner();
        // 500 characters typed (FS is whitespace to the formula reader, so this is the number 1), about 3,000 as JSON:
        // two of them were more than the 4,000-character answers column held (a 5xx)
        String padded = "(" + "\u001c".repeat(497) + "1)";
        HttpResponse<String> r = submit(web, "ols-line", Map.of("slope", padded, "intercept", padded));
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertTrue(body.get("errors").get("slope").asText().startsWith("That answer is too long to keep: 2,9"), body.toString());
        assertTrue(body.get("errors").get("intercept").asText().contains("at most 1,000"), body.toString());
        assertEquals(0, stored("ols-line"));
    }

    @Test
    void theColumnsHoldTheLongestAnswersTheLimitsAccept() throws Exception {
        WebClient web = learner();
        // 995 characters as stored (FS is whitespace to the formula reader, 6 characters as JSON): just inside the limit
        String longest = "(" + "\u001c".repeat(165) + "1)";
        assertEquals(995, org.argmax.exercises.AttemptRepository.storedSize(longest));
        Map<String, String> answers = new HashMap<>();
        for (int i = 1; i <= 6; i++) answers.put("p" + i, longest);
        HttpResponse<String> r = submit(web, "six", answers);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, stored("six"));
        try (Connection c = server.app().database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT answers, verdicts FROM exercise_attempts WHERE exercise_id = 'six'")) {
            rs.next();
            assertTrue(rs.getString(1).length() > 6_000, "more than the old 4,000-character column: " + rs.getString(1).length());
            assertTrue(rs.getString(1).contains("\\u001C") || rs.getString(1).contains("\\u001c"));
        }
        // and one character more per answer is refused with a message, not stored
        HttpResponse<String> over = submit(web, "six", Map.of("p1", "(" + "\u001c".repeat(166) + "1)", "p2", "0.5", "p3", "0.5", "p4", "0.5",
                "p5", "0.5", "p6", "0.5"));
        assertEquals(400, over.statusCode(), over.body());
        assertEquals(1, stored("six"));
    }
}
