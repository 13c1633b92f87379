package org.argmax.testing;

import org.argmax.web.App;
import org.argmax.web.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The real app on a random port with a real H2 database in a temporary folder. */
public final class TestServer implements AutoCloseable {
    private final App app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public TestServer(Path content, Path dbDir) {
        this(content, dbDir, false);
    }

    /** {@code trustProxy}: as behind a reverse proxy (serve --trust-proxy). */
    public TestServer(Path content, Path dbDir, boolean trustProxy) {
        this(content, "jdbc:h2:" + dbDir.toAbsolutePath().resolve("argmax"), trustProxy);
    }

    /** On any database, e.g. several servers on one H2 TCP server, as several servers on one PostgreSQL. */
    /** With bcrypt cost 4 and a public API rate limit no test reaches (PublicApiLimitsTest tests the limit). */
    public TestServer(Path content, String jdbcUrl, boolean trustProxy) {
        this(new ServerConfig(0, content, Path.of("static"), jdbcUrl, "sa", "", 4, trustProxy,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 1_000_000, 1_000_000));
    }

    public TestServer(ServerConfig config) {
        this.app = App.start(config);
    }

    public App app() {
        return app;
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /**
     * GETs {@code path} until {@code accepted} holds, for at most 10 s, and returns the last response:
     * the server notices content edits within about a second (plus the time to load them again).
     */
    public HttpResponse<String> getUntil(String path, java.util.function.Predicate<HttpResponse<String>> accepted) {
        return until(() -> get(path), accepted);
    }

    /** Calls {@code request} until {@code accepted} holds, for at most 10 s; returns the last response. */
    public static HttpResponse<String> until(java.util.function.Supplier<HttpResponse<String>> request,
                                             java.util.function.Predicate<HttpResponse<String>> accepted) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            HttpResponse<String> r = request.get();
            if (accepted.test(r) || System.nanoTime() > deadline) return r;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
