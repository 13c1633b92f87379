package org.argmax.exercises;

import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exercise that builds up, through the real server and the shipped course: the page says how the
 * parts are graded, and a learner whose θ̂ is wrong has the standard error of that θ̂ graded right,
 * with feedback naming the value it was graded with.
 */
class BuildUpServerTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp.resolve("db"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWrongEstimateIsCarriedIntoTheNextPart() {
        WebClient web = new WebClient(server);
        String name = "buildup" + System.nanoTime();
        assertEquals(303, web.signUp("Learner", name, name + " long password").statusCode());
        HttpResponse<String> page = web.get("/exercises/coin-buildup");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("This exercise builds up."), "the page explains the grading");

        String[] rows = web.get("/exercises/coin-buildup/data.csv").body().strip().split("\n");
        // a summary exercise still downloads every flip: i,x
        double n = rows.length - 1, k = 0;
        for (int i = 1; i < rows.length; i++) k += Double.parseDouble(rows[i].split(",")[1]);
        double wrong = Math.round((k / n + 0.05) * 1000) / 1000.0;
        double se = Math.sqrt(wrong * (1 - wrong) / n);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("answer_estimator", "k/n");
        form.put("answer_theta_hat", DataPreview.format(wrong));
        form.put("answer_se", DataPreview.format(se));
        form.put("answer_interval", "0.1, 0.9");
        form.put("answer_meaning", "0");
        form.put("_csrf", web.csrf());
        HttpResponse<String> r = web.postRaw("/exercises/coin-buildup/submit", form, Map.of("Accept", "application/json"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("graded with your theta_hat = " + DataPreview.format(wrong)), r.body());
        assertTrue(r.body().contains("\"correct\":false"), r.body());
    }
}
