package org.argmax.testing;

import org.argmax.web.App;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real server for a whole test class, on the two-lesson test course or the shipped one, with a
 * database of its own in a temporary folder, closed and deleted after the class:
 * {@code @RegisterExtension static final ServerPerClass server = ServerPerClass.twoLessons();}.
 * It starts before the class's own {@code @BeforeAll} methods, so they can use it.
 */
public final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {
    private final boolean shippedCourse;
    private Path dir;
    private TestServer server;

    private ServerPerClass(boolean shippedCourse) {
        this.shippedCourse = shippedCourse;
    }

    /** On {@link TestCourse#twoLessons}, written for the class. */
    public static ServerPerClass twoLessons() {
        return new ServerPerClass(false);
    }

    /** On the course in {@code content/}, read in place. */
    public static ServerPerClass shippedCourse() {
        return new ServerPerClass(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("argmax-test-");
        Path content = shippedCourse ? Path.of("content") : TestCourse.twoLessons(dir.resolve("content")).root();
        server = new TestServer(content, dir.resolve("db"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) server.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(ServerPerClass::delete);
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public App app() {
        return server.app();
    }

    public String url(String path) {
        return server.url(path);
    }

    public HttpResponse<String> get(String path) {
        return server.get(path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return server.send(request);
    }

    /** POSTs {@code body} as JSON to {@code path}. */
    public HttpResponse<String> postJson(String path, String body) {
        return server.send(HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A browser-like client of its own (cookies, CSRF token) on this server. */
    public WebClient client() {
        return new WebClient(server);
    }
}
