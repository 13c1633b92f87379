package org.argmax.api;

import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.argmax.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API's bounds: a rate limit per address (429 with Retry-After) and at most N fits at
 * once, the rest queued or refused with 503 and Retry-After, while lesson pages keep answering.
 * src/test/load/flood-estimate.sh sends 1,000 parallel requests (figures in BENCHMARKS.md).
 */
class PublicApiLimitsTest {
    @TempDir
    Path tmp;

    private TestServer server(int fitThreads, int burst, double perSecond) {
        Path content = TestCourse.twoLessons(tmp.resolve("content")).root();
        return new TestServer(new ServerConfig(0, content, Path.of("static"), "jdbc:h2:" + tmp.resolve("db").toAbsolutePath().resolve("argmax"),
                "sa", "", 4, true, fitThreads, burst, perSecond));
    }

    private static HttpRequest post(TestServer s, String path, String body, String address) {
        return HttpRequest.newBuilder(URI.create(s.url(path))).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void eachAddressHasARateLimit() {
        try (TestServer s = server(1, 5, 0.5)) {
            String sample = "{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1}, \"n\": 5}";
            List<Integer> codes = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 8; i++) {
                last = s.send(post(s, "/api/sample", sample, "203.0.113.7"));
                codes.add(last.statusCode());
            }
            assertEquals(List.of(200, 200, 200, 200, 200, 429, 429, 429), codes);
            assertTrue(last.body().contains("Too many requests from your address"), last.body());
            long retry = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 2, "Retry-After " + retry);
            assertEquals(200, s.send(post(s, "/api/sample", sample, "203.0.113.8")).statusCode(), "another address is not concerned");
            assertEquals(200, s.get("/lessons/first").statusCode(), "pages are not rate-limited");
        }
    }

    @Test
    void aFloodOfFitsIsBoundedAndPagesKeepAnswering() throws Exception {
        try (TestServer s = server(1, 1000, 100)) {
            assertEquals(200, s.get("/lessons/first").statusCode()); // warm: templates compiled before the flood
            String data = IntStream.range(0, 5_000).mapToObj(i -> String.valueOf((i % 2 == 0 ? -3 : 3) + Math.sin(i))).collect(Collectors.joining(","));
            String gmm = "{\"model\": \"gmm\", \"data\": [" + data + "], \"options\": {\"k\": 4, \"iterations\": 200, \"seed\": 1}}";
            int n = 120;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpRequest r = post(s, "/api/estimate", gmm, "198.51.100." + (i % 250));
                flood.add(pool.submit(() -> {
                    go.await();
                    return s.send(r);
                }));
            }
            go.countDown();
            List<Long> pageMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertEquals(200, s.get("/lessons/first").statusCode());
                pageMillis.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(50);
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (var f : flood) {
                HttpResponse<String> r = f.get();
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 503) assertEquals("1", r.headers().firstValue("Retry-After").orElse(""), r.body());
            }
            pool.shutdownNow();
            assertEquals(java.util.Set.of(200, 503), statuses.keySet(), "fits answer 200, or 503 when the pool is full: " + statuses);
            assertTrue(statuses.get(200) >= 5, "one thread and a queue of four serve some: " + statuses);
            long slowest = pageMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.println("flood of " + n + " fits: " + statuses + "; lesson page during the flood: " + pageMillis + " ms");
            assertTrue(slowest < 2000, "lesson pages answered in " + pageMillis + " ms during the flood");
        }
    }
}
