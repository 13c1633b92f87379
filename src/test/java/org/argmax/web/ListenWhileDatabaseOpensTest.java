package org.argmax.web;

import org.argmax.db.DatabaseException;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server listens while its database is still opening (a start is shorter so), and what arrives then waits for the
 * database: it is answered once the database is open; if it never opens, the waiting requests end (with an error, or their
 * connection closed) and the port is closed again.
 * Here H2 holds the database's first connection until the test has sent its requests (the URL's INIT calls {@link #hold}).
 */
public class ListenWhileDatabaseOpensTest { // public: H2 calls hold()
    /** Per test: released once its requests are sent; whether its connections then fail. */
    private record Hold(CountDownLatch requestsSent, AtomicBoolean first, boolean fail) {
    }

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    /**
     * Called by H2 for every new connection of the database {@code key}: the first waits until the test has sent its requests;
     * with {@code fail}, every one waits and then fails.
     */
    public static void hold(String key) throws InterruptedException, SQLException {
        Hold h = HOLDS.get(key);
        if (h == null) return;
        if (h.fail() || h.first().getAndSet(false)) h.requestsSent().await(30, TimeUnit.SECONDS);
        if (h.fail()) throw new SQLException("the test's database does not open");
    }

    @Test
    void requestsSentWhileTheDatabaseOpensWaitForItAndAreAnswered() throws Exception {
        Start start = start(false);
        App app = null;
        try {
            // a class opening the site at once: 48 requests on 48 connections, each page eight times
            String[] pages = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> new String[]{"/", "/health", "/lessons/first", "/lessons/second", "/signin", "/signup"})
                    .flatMap(java.util.Arrays::stream).toArray(String[]::new);
            List<CompletableFuture<HttpResponse<String>>> answers = start.sendWhileHeld(pages);
            app = start.app.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
            }
            assertTrue(answers.get(0).get().body().contains("First lesson"), "the home page lists the course");
        } finally {
            start.hold.requestsSent().countDown();
            if (app == null) app = start.app.get(30, TimeUnit.SECONDS);
            app.close();
        }
    }

    @Test
    void aDatabaseThatNeverOpensEndsTheWaitingRequestsAndClosesThePort() throws Exception {
        Start start = start(true);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = start.sendWhileHeld("/", "/health");
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> start.app.get(30, TimeUnit.SECONDS));
            assertInstanceOf(DatabaseException.class, failed.getCause());
            for (CompletableFuture<HttpResponse<String>> answer : answers) { // none is left waiting: an error, or the connection closed
                try {
                    HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
                    assertTrue(r.statusCode() >= 500, r.uri() + ": " + r.statusCode());
                } catch (ExecutionException closed) {
                    assertInstanceOf(IOException.class, closed.getCause());
                }
            }
            try (ServerSocket again = new ServerSocket(start.port)) {
                assertEquals(start.port, again.getLocalPort(), "the port is free again");
            }
        } finally {
            start.hold.requestsSent().countDown();
        }
    }

    /** A server starting on a free port, its database held. */
    private final class Start {
        final int port;
        final Hold hold;
        final FutureTask<App> app;

        Start(int port, Hold hold, FutureTask<App> app) {
            this.port = port;
            this.hold = hold;
            this.app = app;
        }

        /** Once the server listens (its start still held by the database), sends GETs of {@code paths}, then lets the database go on. */
        List<CompletableFuture<HttpResponse<String>>> sendWhileHeld(String... paths) throws Exception {
            boolean listening = awaitListening(port, 10_000);
            assertFalse(app.isDone(), "the start is held by its database");
            assertTrue(listening, "the server listens while its database opens");
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = java.util.Arrays.stream(paths)
                    .map(path -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            Thread.sleep(300); // the requests reach the server and wait there
            assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "nothing is answered before the database is open");
            hold.requestsSent().countDown();
            return answers;
        }
    }

    private Start start(boolean fail) throws IOException {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        int port = freePort();
        String key = tmp.toString();
        Hold hold = new Hold(new CountDownLatch(1), new AtomicBoolean(true), fail);
        HOLDS.put(key, hold);
        String url = "jdbc:h2:" + tmp.resolve("db/argmax").toAbsolutePath() + ";INIT=CREATE ALIAS IF NOT EXISTS HOLD FOR '"
                + ListenWhileDatabaseOpensTest.class.getName() + ".hold'\\;CALL HOLD('" + key + "')";
        FutureTask<App> app = new FutureTask<>(() -> App.start(new ServerConfig(port, course.root(), Path.of("static"), url, "sa", "", 4, false)));
        new Thread(app, "test-start").start();
        return new Start(port, hold, app);
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
