package org.argmax.web;

import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server listens while its database is still opening (a start is shorter so), and what arrives then waits for the
 * database and is answered: here the database's first connection is held open until requests have been sent.
 */
public class ListenWhileDatabaseOpensTest { // public: H2 calls holdTheFirstConnection
    private static final CountDownLatch REQUESTS_SENT = new CountDownLatch(1);
    private static final AtomicBoolean FIRST_CONNECTION = new AtomicBoolean(true);

    @TempDir
    Path tmp;

    /** Called by H2 for every new connection (the URL's INIT): the first waits until the test has sent its requests. */
    public static void holdTheFirstConnection() throws InterruptedException {
        if (FIRST_CONNECTION.getAndSet(false)) REQUESTS_SENT.await(30, TimeUnit.SECONDS);
    }

    @Test
    void requestsSentWhileTheDatabaseOpensWaitForItAndAreAnswered() throws Exception {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        int port = freePort();
        String url = "jdbc:h2:" + tmp.resolve("db/argmax").toAbsolutePath() + ";INIT=CREATE ALIAS IF NOT EXISTS HOLD_OPEN FOR '"
                + ListenWhileDatabaseOpensTest.class.getName() + ".holdTheFirstConnection'\\;CALL HOLD_OPEN()";
        FutureTask<App> starting = new FutureTask<>(() -> App.start(
                new ServerConfig(port, course.root(), Path.of("static"), url, "sa", "", 4, false)));
        new Thread(starting, "test-start").start();
        App app = null;
        try {
            boolean listening = awaitListening(port, 10_000);
            assertFalse(starting.isDone(), "the start is held by its database");
            assertTrue(listening, "the server listens while its database opens");
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = List.of("/", "/health", "/lessons/first", "/signin").stream()
                    .map(path -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            Thread.sleep(300); // the requests reach the server and wait there
            assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "nothing is answered before the database is open");
            REQUESTS_SENT.countDown();
            app = starting.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
            }
            assertTrue(answers.get(0).get().body().contains("First lesson"), "the home page lists the course");
        } finally {
            REQUESTS_SENT.countDown();
            if (app == null) app = starting.get(30, TimeUnit.SECONDS);
            app.close();
        }
    }

    /** Whether a connection to the port is accepted within {@code millis}. */
    private static boolean awaitListening(int port, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
