package org.argmax.web;

import org.argmax.http.ClientFault;

import org.argmax.testing.RawHttp;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request shapes that answered 500 in the fuzzing issue, one test each: a body declared
 * multipart that is not, a malformed chunked body, an HTTP version Jetty does not speak, and a client
 * that goes away in the middle of its body (logged at debug level, not as an unexpected error).
 */
class ClientErrorsTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static String learnerCookie, learnerCsrf;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
        WebClient web = new WebClient(server);
        assertEquals(303, web.signUp("Ada", "ada-errors", "ada's long password").statusCode());
        learnerCookie = web.cookie("argmax_session").orElseThrow();
        web.get("/progress");
        learnerCsrf = web.csrf();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response raw(String method, String path, String cookie, String headers, String body) {
        String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + headers + "\r\n" + body;
        return RawHttp.send(server.app().port(), request, 10_000);
    }

    @Test
    void aBodyDeclaredMultipartThatIsNotIsA400OnEveryRouteThatReadsTheForm() {
        // curl -X GET -H 'Content-Type: multipart/form-data' --data x /signup, and the same on every form
        String headers = "Content-Type: multipart/form-data\r\nContent-Length: 1\r\n";
        String learner = "argmax_session=" + learnerCookie;
        List<String[]> requests = List.of(
                new String[]{"GET", "/signup", null}, new String[]{"POST", "/signup", null},
                new String[]{"GET", "/signin", null}, new String[]{"POST", "/signin", null},
                new String[]{"POST", "/signout", learner},
                new String[]{"POST", "/lessons/likelihood/complete", learner},
                new String[]{"POST", "/exercises/coin-mle/submit", learner},
                new String[]{"POST", "/exercises/coin-mle/variant", learner},
                new String[]{"POST", "/exercises/coin-mle/reveal", learner});
        for (String[] r : requests) {
            RawHttp.Response response = raw(r[0], r[1], r[2], headers, "x");
            assertEquals(400, response.status(), r[0] + " " + r[1] + ": " + response.head());
            assertTrue(response.body().contains("not valid multipart"), r[0] + " " + r[1] + ": " + response.body());
        }
        // with the learner's token in the header, the exercise routes read the form too (the answers): still a 400
        RawHttp.Response submit = raw("POST", "/exercises/coin-mle/submit", learner,
                headers + "X-CSRF-Token: " + learnerCsrf + "\r\nAccept: application/json\r\n", "x");
        assertEquals(400, submit.status(), submit.body());
        assertTrue(submit.body().contains("\"error\":\"The request says its body is multipart/form-data"), submit.body());
    }

    @Test
    void aMalformedChunkedBodyIsA400() {
        String chunked = "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n";
        String body = "zz\r\nabc\r\n0\r\n\r\n";
        RawHttp.Response estimate = raw("POST", "/api/estimate", null, chunked, body);
        assertEquals(400, estimate.status(), estimate.head());
        assertTrue(estimate.body().contains("{\"error\":\"The request body ended before it was complete, or its chunked encoding is malformed.\"}"),
                estimate.body());
        RawHttp.Response signup = raw("POST", "/signup", null, chunked, body);
        assertEquals(400, signup.status(), signup.head());
        assertTrue(signup.body().contains("chunked encoding is malformed"), signup.body());
        RawHttp.Response sample = raw("POST", "/api/sample", null, chunked.replace("x-www-form-urlencoded", "json"), body);
        assertEquals(400, sample.status(), sample.head());
    }

    @Test
    void anHttpVersionJettyDoesNotSpeakIsA400NotA505() {
        RawHttp.Response r = RawHttp.send(server.app().port(), "GET / HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n", 10_000);
        assertEquals(400, r.status(), r.head());
        assertTrue(r.body().contains("send HTTP/1.1"), r.body());
    }

    @Test
    void jettysOwnErrorPagesCarryTheSameSecurityHeaders() {
        // rejected before the app sees them: an HTTP version Jetty does not speak, a header line too large
        for (String request : List.of("GET / HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000) + "\r\nConnection: close\r\n\r\n")) {
            RawHttp.Response r = RawHttp.send(server.app().port(), request, 10_000);
            assertTrue(r.status() >= 400 && r.status() < 500, r.head());
            String head = r.head().toLowerCase(java.util.Locale.ROOT);
            assertTrue(head.contains("content-security-policy: default-src 'self'"), r.head());
            assertTrue(head.contains("x-content-type-options: nosniff"), r.head());
            assertTrue(head.contains("x-frame-options: deny"), r.head());
        }
    }

    @Test
    void aClientThatGoesAwayMidBodyIsLoggedAtDebugLevelNotAsAnUnexpectedError() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String path : List.of("/api/estimate", "/signup", "/api/sample")) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", server.app().port()));
                    OutputStream out = s.getOutputStream();
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"model\":")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200); // the handler is reading the body
                    s.setSoLinger(true, 0); // then the client is gone: a reset, no goodbye
                }
            }
            Thread.sleep(1_000);
            // the server still answers
            assertEquals(200, server.get("/health").statusCode());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("Unexpected error"), log);
        assertFalse(log.contains("ERROR"), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
    }

    @Test
    void clientFaultsAreFoundAnywhereInTheCauseChain() {
        ClientFault gone = ClientFault.of(new UncheckedIOException(new EofException("reset")));
        assertNotNull(gone);
        assertTrue(gone.disconnected());
        assertEquals(400, gone.status());
        ClientFault multipart = ClientFault.of(new RuntimeException(new jakarta.servlet.ServletException(
                new org.eclipse.jetty.http.BadMessageException(400, "bad multipart"))));
        assertEquals(ClientFault.MULTIPART, multipart.message());
        assertEquals(null, ClientFault.of(new IllegalStateException("a bug of ours")));
    }
}
