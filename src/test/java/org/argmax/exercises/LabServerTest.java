package org.argmax.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.argmax.testing.Registries;
import org.argmax.testing.TestDatabase;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The implementation labs through HTTP on H2, graded against runs made independently: for each new
 * learner the test exports their instance (as {@code check --dump} writes it) to
 * src/test/python/lab_runs.py, which runs EM and k-means in numpy as the lab states them and with
 * each usual bug; the test uploads those runs as a learner's program printed them (CSV and JSON).
 * The right run is graded right; each bug's run wrong with that bug named; malformed uploads are 400
 * with the line or field.
 */
@Tag("slow")
class LabServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static TestDatabase database;
    static TestServer server;
    static long userCounter;

    @BeforeAll
    static void start() {
        database = TestDatabase.forOneServer(TestDatabase.H2, tmp.resolve("db"), "labs");
        server = new TestServer(Path.of("content"), database.url(), false);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private WebClient learner() {
        WebClient web = new WebClient(server);
        String name = "lab" + (++userCounter) + "-" + System.nanoTime();
        assertEquals(303, web.signUp("Lab learner " + userCounter, name, name + " long password").statusCode());
        return web;
    }

    private ExerciseInstance instanceOf(String exercise) throws Exception {
        long userId;
        try (Connection c = server.app().database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM users")) {
            rs.next();
            userId = rs.getLong(1);
        }
        ExerciseService service = new ExerciseService(() -> Registries.course(Path.of("content")).exercises(),
                new AttemptRepository(server.app().database().dataSource()), Registries.references(), Registries.misconceptions());
        return Registries.instanceFactory().create(service.spec(exercise), InstanceFactory.seedFor(userId, exercise, 0));
    }

    /** answer → (right | misconception name) → {"csv", "json"}, computed by numpy from the learner's instance. */
    private static JsonNode numpyRuns(ExerciseInstance instance) throws Exception {
        Path dump = Files.createTempFile(tmp, "dump", ".jsonl"), out = Files.createTempFile(tmp, "runs", ".jsonl");
        Files.writeString(dump, JSON.writeValueAsString(new ReferenceDump(Registries.references(), Registries.misconceptions()).line(instance)) + "\n");
        Process python = new ProcessBuilder(ReferenceDumpTest.PYTHON, "src/test/python/lab_runs.py", dump.toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, python.exitValue(), "numpy and the core disagree:\n" + output);
        assertTrue(output.contains(" 0 differ"), output);
        return JSON.readTree(Files.readString(out)).get("answers");
    }

    private static JsonNode submit(WebClient web, String exercise, Map<String, String> answers) throws Exception {
        web.get("/exercises/" + exercise);
        Map<String, String> form = new LinkedHashMap<>();
        answers.forEach((k, v) -> form.put("answer_" + k, v));
        form.put("_csrf", web.csrf());
        HttpResponse<String> r = web.postRaw("/exercises/" + exercise + "/submit", form, Map.of("Accept", "application/json", "X-CSRF-Token", web.csrf()));
        JsonNode json = JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", r.statusCode());
        return json;
    }

    private static JsonNode verdict(JsonNode response, String answer) {
        for (JsonNode v : response.get("verdicts")) if (v.get("name").asText().equals(answer)) return v;
        throw new AssertionError("no verdict for " + answer + ": " + response);
    }

    @Test
    void theEmLabNamesEveryBugAndAcceptsTheRightRun() throws Exception {
        WebClient web = learner();
        ExerciseInstance instance = instanceOf("lab-em-run");
        JsonNode start = JSON.readTree(web.get("/exercises/lab-em-run/start.json").body());
        assertEquals(instance.data().values().length, start.get("data").size());
        assertEquals(instance.data().given().get("var2"), start.get("em").get("variances").get(1).asDouble());
        JsonNode runs = numpyRuns(instance).get("em");

        List<String> bugs = new ArrayList<>();
        runs.fieldNames().forEachRemaining(n -> { if (!n.equals("right")) bugs.add(n); });
        assertEquals(6, bugs.size(), bugs.toString());
        int i = 0;
        for (String bug : bugs) {
            String format = i++ % 2 == 0 ? "csv" : "json";
            JsonNode r = submit(web, "lab-em-run", Map.of("em", runs.get(bug).get(format).asText()));
            assertEquals(200, r.get("status").asInt(), r.toString());
            JsonNode v = verdict(r, "em");
            assertFalse(v.get("correct").asBoolean(), bug);
            assertEquals(bug, v.get("rule").asText(), bug + " as " + format + ": " + v);
        }
        String page = web.get("/exercises/lab-em-run").body();
        assertTrue(page.contains("data-core=\"["), "after a submission the chart has the core's trace");
        assertFalse(page.contains("worked implementation in Python"), "the solution only once solved");

        JsonNode right = submit(web, "lab-em-run", Map.of("em", runs.get("right").get("csv").asText()));
        assertTrue(verdict(right, "em").get("correct").asBoolean(), right.toString());
        assertTrue(web.get("/exercises/lab-em-run").body().contains("worked implementation in Python"));
    }

    @Test
    void theKMeansAndSoftEmLabNamesEachBugOfEachRun() throws Exception {
        WebClient web = learner();
        ExerciseInstance instance = instanceOf("lab-kmeans-em-run");
        JsonNode runs = numpyRuns(instance);
        String kmeansRight = runs.get("kmeans").get("right").get("json").asText(), emRight = runs.get("em").get("right").get("csv").asText();
        for (String answer : List.of("kmeans", "em")) {
            for (Iterator<String> it = runs.get(answer).fieldNames(); it.hasNext(); ) {
                String bug = it.next();
                if (bug.equals("right")) continue;
                Map<String, String> typed = new LinkedHashMap<>(Map.of("kmeans", kmeansRight, "em", emRight));
                typed.put(answer, runs.get(answer).get(bug).get("csv").asText());
                JsonNode r = submit(web, "lab-kmeans-em-run", typed);
                assertEquals(bug, verdict(r, answer).get("rule").asText(), answer + " " + bug + ": " + r.get("verdicts"));
                assertTrue(verdict(r, answer.equals("em") ? "kmeans" : "em").get("correct").asBoolean());
            }
        }
        JsonNode right = submit(web, "lab-kmeans-em-run", Map.of("kmeans", kmeansRight, "em", emRight));
        assertTrue(right.get("correct").asBoolean(), right.toString());
    }

    @Test
    void malformedUploadsAre400WithTheLineOrField() throws Exception {
        WebClient web = learner();
        JsonNode r = submit(web, "lab-em-run", Map.of("em", "iteration,loglik\n1,-300.5\n2,abc\n"));
        assertEquals(400, r.get("status").asInt());
        assertTrue(r.get("errors").get("em").asText().startsWith("Line 3, field 2 (loglik): 'abc' is not a number"), r.toString());

        r = submit(web, "lab-em-run", Map.of("em", "{\"loglik\": [1, 2,\n 3 4]}"));
        assertEquals(400, r.get("status").asInt());
        assertTrue(r.get("errors").get("em").asText().startsWith("Line 2, column"), r.toString());

        r = submit(web, "lab-em-run", Map.of("em", "{\"loglik\": [-300.1, -300.0], \"weights\": [0.5, 0.5]}"));
        assertEquals(400, r.get("status").asInt());
        assertEquals("Field 'loglik' has 2 numbers; 20 are needed, one after each iteration.", r.get("errors").get("em").asText());

        StringBuilder csv = new StringBuilder();
        for (int t = 1; t <= 20; t++) csv.append(t).append(",-300.").append(t).append('\n');
        csv.append("weights,0.5,0.5\nmeans,300\nvariances,1,1\n");
        r = submit(web, "lab-em-run", Map.of("em", csv.toString()));
        assertEquals(400, r.get("status").asInt());
        assertEquals("Line 22: 'means' has 1 value; 2 are needed, one per component.", r.get("errors").get("em").asText());

    }
}
