package org.argmax.web;

import org.argmax.http.StaticAssets;
import org.argmax.http.Webjars;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages and assets as caches and proxies see them (issue 15): a visitor's lesson is the same bytes
 * for everyone, with no cookie, an ETag and 304s, gzip when asked; versioned assets are cached for
 * a year; signed-in pages are never stored; CSRF still guards every form.
 */
class PageCachingTest {
    private static final String LESSON = "/lessons/gaussian-mle";
    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aVisitorsLessonSetsNoCookieAndIsTheSameBytesWithAnEtag() {
        for (String path : new String[]{LESSON, "/", "/glossary"}) {
            HttpResponse<byte[]> first = get(path);
            HttpResponse<byte[]> second = get(path);
            assertEquals(200, first.statusCode(), path);
            assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), path + " sets no cookie: " + first.headers().allValues("Set-Cookie"));
            assertArrayEquals(first.body(), second.body(), path + ": the same bytes for every visitor");
            String etag = header(first, "ETag");
            assertTrue(etag != null && etag.matches("\"[A-Za-z0-9_-]+\""), path + " has a strong ETag: " + etag);
            assertEquals(etag, header(second, "ETag"));
            assertEquals("no-cache", header(first, "Cache-Control"), path + ": kept, but asked again each time");
            assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, header(first, "Content-Security-Policy"), path);
            assertEquals("nosniff", header(first, "X-Content-Type-Options"));
            assertEquals("DENY", header(first, "X-Frame-Options"));
            assertTrue(header(first, "Content-Type").startsWith("text/html"));
        }
        String html = new String(get(LESSON).body(), StandardCharsets.UTF_8);
        assertFalse(html.contains("name=\"_csrf\""), "a visitor's lesson has no form");
        assertTrue(html.contains("<a href=\"/signin\""), "but offers to sign in");
    }

    @Test
    void ifNoneMatchGetsA304() {
        HttpResponse<byte[]> page = get(LESSON);
        String etag = header(page, "ETag");
        for (String ifNoneMatch : new String[]{etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            HttpResponse<byte[]> r = get(LESSON, "If-None-Match", ifNoneMatch);
            assertEquals(304, r.statusCode(), ifNoneMatch);
            assertEquals(0, r.body().length);
            assertEquals(etag, header(r, "ETag"));
            assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, header(r, "Content-Security-Policy"));
        }
        assertEquals(200, get(LESSON, "If-None-Match", "\"something-else\"").statusCode());
        assertNotEquals(etag, header(get("/lessons/likelihood"), "ETag"), "each page its own tag");
    }

    @Test
    void pagesAndAssetsAreGzippedWhenTheClientAsks() throws IOException {
        HttpResponse<byte[]> plain = get(LESSON);
        HttpResponse<byte[]> gz = get(LESSON, "Accept-Encoding", "br, gzip, deflate");
        assertEquals(null, header(plain, "Content-Encoding"));
        assertEquals("gzip", header(gz, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(gz, "Vary"));
        assertTrue(gz.body().length * 3 < plain.body().length, "compressed: " + gz.body().length + " of " + plain.body().length);
        assertArrayEquals(plain.body(), gunzip(gz.body()));
        assertEquals(304, get(LESSON, "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode());
        assertEquals(null, header(get(LESSON, "Accept-Encoding", "gzip;q=0, identity"), "Content-Encoding"), "q=0 refuses gzip");

        String css = "/webjars/katex/" + Webjars.version("katex") + "/dist/katex.min.css";
        HttpResponse<byte[]> cssGz = get(css, "Accept-Encoding", "gzip");
        assertEquals("gzip", header(cssGz, "Content-Encoding"));
        assertArrayEquals(get(css).body(), gunzip(cssGz.body()));
        HttpResponse<byte[]> siteCss = get("/static/css/site.css", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(siteCss, "Content-Encoding"));
    }

    @Test
    void versionedAssetsAreImmutableAndOthersRevalidated() {
        for (String path : new String[]{"/webjars/katex/" + Webjars.version("katex") + "/dist/katex.min.css",
                "/webjars/katex/" + Webjars.version("katex") + "/dist/katex.min.js",
                "/webjars/chart.js/" + Webjars.version("chart.js") + "/dist/chart.umd.min.js"}) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(StaticAssets.IMMUTABLE, header(r, "Cache-Control"), path);
        }
        String html = new String(get(LESSON).body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?:href|src)=\"(/static/[^\"?]+)\\?v=([A-Za-z0-9_-]+)\"").matcher(html);
        int hashed = 0;
        while (m.find()) {
            hashed++;
            HttpResponse<byte[]> r = get(m.group(1) + "?v=" + m.group(2));
            assertEquals(200, r.statusCode(), m.group());
            assertEquals(StaticAssets.IMMUTABLE, header(r, "Cache-Control"), m.group());
            assertEquals("no-cache", header(get(m.group(1) + "?v=an-old-hash"), "Cache-Control"), "a stale hash is revalidated");
            assertEquals("no-cache", header(get(m.group(1)), "Cache-Control"), "no hash: revalidated");
        }
        assertTrue(hashed >= 10, "every /static URL of the lesson carries its hash (" + hashed + ")");
        assertFalse(html.matches("(?s).*(href|src)=\"/static/[^\"?]+\".*"), "no /static URL without a hash");
    }

    @Test
    void signedInPagesAreNeverStoredAndCarryTheirOwnForms() {
        WebClient learner = new WebClient(server);
        assertEquals(303, learner.signUp("Cache Learner", "cache-learner", "a long enough password").statusCode());
        HttpResponse<String> page = learner.get(LESSON);
        assertEquals(200, page.statusCode());
        assertEquals("no-store", header(page, "Cache-Control"));
        assertTrue(page.body().contains("Cache Learner"), "the learner's name in the header");
        assertTrue(page.body().contains("action=\"/signout\""));
        assertTrue(page.body().contains("Mark lesson as completed"));
        assertFalse(page.body().contains("This is example data"), "the learner's own data, not the visitors' example");
        String token = learner.csrf();
        assertTrue(token != null && page.body().contains("value=\"" + token + "\""), "the session's token in the forms");
        // even with the visitor page's ETag, a signed-in learner gets their page
        String visitorEtag = header(get(LESSON), "ETag");
        HttpResponse<String> conditional = server.send(HttpRequest.newBuilder(URI.create(server.url(LESSON)))
                .header("Cookie", "argmax_session=" + learner.cookie("argmax_session").orElseThrow())
                .header("If-None-Match", visitorEtag).GET().build());
        assertEquals(200, conditional.statusCode());
        assertTrue(conditional.body().contains("Cache Learner"));
        // a stale or forged session cookie gets the visitors' page, but still not stored by caches
        HttpResponse<byte[]> stale = get(LESSON, "Cookie", "argmax_session=expired-or-forged");
        assertEquals(200, stale.statusCode());
        assertEquals("no-store", header(stale, "Cache-Control"));
    }

    @Test
    void csrfStillGuardsEveryFormAndTheSignInFormGetsItsToken() {
        // a visitor who read lessons has no token yet; the sign-in form issues one, and signing in works
        WebClient visitor = new WebClient(server);
        visitor.get(LESSON);
        visitor.get("/");
        assertTrue(visitor.cookie("argmax_csrf").isEmpty(), "lessons issue no CSRF cookie");
        HttpResponse<String> form = visitor.get("/signup");
        assertEquals(1, form.headers().allValues("Set-Cookie").size(), "the sign-up form issues the cookie");
        assertTrue(form.body().contains("name=\"_csrf\" value=\"" + visitor.cookie("argmax_csrf").orElseThrow() + "\""));
        assertTrue(visitor.get("/signin").headers().allValues("Set-Cookie").isEmpty(), "once: the cookie is kept");
        assertEquals(303, visitor.post("/signup", Map.of("displayName", "Csrf Learner", "username", "csrf-learner",
                "password", "a long enough password")).statusCode());
        // forged posts: no token, a wrong token, a token without its cookie
        assertEquals(403, visitor.postRaw("/lessons/likelihood/complete", Map.of("completed", "true"), Map.of()).statusCode());
        assertEquals(403, visitor.postRaw("/lessons/likelihood/complete", Map.of("completed", "true", "_csrf", "forged"), Map.of()).statusCode());
        visitor.get("/lessons/likelihood"); // the session's token, from the page's forms
        assertEquals(303, visitor.post("/lessons/likelihood/complete", Map.of("completed", "true")).statusCode());
        WebClient other = new WebClient(server);
        other.get("/signin");
        String token = other.csrf();
        WebClient noCookie = new WebClient(server);
        assertEquals(403, noCookie.postRaw("/signin", Map.of("username", "csrf-learner", "password", "a long enough password",
                "_csrf", token), Map.of()).statusCode());
        assertEquals(403, noCookie.postRaw("/signin", Map.of("username", "csrf-learner", "password", "a long enough password"), Map.of())
                .statusCode());
        assertEquals(303, other.post("/signin", Map.of("username", "csrf-learner", "password", "a long enough password")).statusCode());
    }
}
