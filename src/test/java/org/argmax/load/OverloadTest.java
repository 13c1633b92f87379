package org.argmax.load;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class's worth of answers arriving faster than the server can store them, on a server in a JVM of
 * its own with the heap and collector the launcher gives it (256 MB, parallel collector). Before admission control,
 * 400 answers a second for a minute filled that heap with waiting requests: the server answered
 * nothing more, not even SIGTERM. Now what it cannot take is refused at once (503, nothing stored),
 * everything is answered, every acknowledged answer is stored, and the server stays responsive.
 */
@Tag("slow") // a server JVM, sign-ups with bcrypt and 10 s of warm-up, an 8 s flood: 40-70 s
class OverloadTest {
    @TempDir
    Path dir;

    @Test
    void aFloodOfAnswersIsAnsweredAtOnceWithRefusalsAndTheServerStaysResponsive() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("db/argmax").toAbsolutePath();
        GradingLoad.Phase warmUp;
        GradingLoad.Phase flood;
        GradingLoad.Phase after;
        try (GradingLoad.Server server = GradingLoad.Server.fromClassPath(GradingLoad.loadContent(dir), url, dir.resolve("server.log"))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            GradingLoad load = new GradingLoad(http, "http://127.0.0.1:" + server.port);
            load.signUp(10);
            // a server that has been up for a while (a cold JVM interprets its code and cannot even refuse quickly)
            warmUp = load.run("h2", "json", 100, 10, server, true);
            // several times what two cores can grade and store, open loop: the senders do not wait for answers
            flood = load.run("h2", "json", 1000, 8, server, false);
            System.err.printf("flood: %d sent, %d acknowledged, %s, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", flood.sent(), flood.acknowledged(),
                    flood.errorKinds(), flood.p50(), flood.p99(), flood.max());
            assertEquals(0, flood.unanswered(), "every request gets an answer, none waits until it times out: " + flood.errorKinds());
            assertTrue(flood.errorKinds().keySet().stream().allMatch("503"::equals), "what is not stored is refused with 503: " + flood.errorKinds());
            assertTrue(flood.acknowledged() > 0, "answers are stored during the flood");

            long t0 = System.nanoTime();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "the health check answers within 3 s after the flood");
            after = load.run("h2", "json", 20, 2, server, false);
            assertEquals(40, after.acknowledged(), "after the flood every answer is stored again: " + after.errorKinds());

            // SIGTERM: the server stops the normal way, and soon
            server.process.destroy();
            assertTrue(server.process.waitFor(20, TimeUnit.SECONDS), "the server stops within 20 s of SIGTERM");
        }
        int stored = GradingLoad.storedAttempts(url, "h2").size();
        assertEquals(warmUp.acknowledged() + flood.acknowledged() + after.acknowledged(), stored, "every acknowledged answer is stored, nothing refused is");
    }
}
