package org.argmax.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webjar files from memory, on a real Javalin server on a random port, registered as App registers them. */
class WebjarFilesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin server;
    private WebjarFiles webjars;
    private static final String KATEX = "katex/" + Webjars.version("katex") + "/dist/";

    private void start(long maxBytes) {
        webjars = new WebjarFiles(maxBytes);
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get(WebjarFiles.PREFIX + "<path>", webjars::send);
        }).start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] resource(String relative) throws IOException {
        try (InputStream in = WebjarFilesTest.class.getClassLoader().getResourceAsStream(WebjarFiles.ROOT + relative)) {
            return in.readAllBytes();
        }
    }

    @Test
    void textIsSentAsOnTheClassPathOrGzippedWithImmutableCachingAndAnEtag() throws Exception {
        start(8 << 20);
        String css = WebjarFiles.PREFIX + KATEX + "katex.min.css";
        HttpResponse<byte[]> plain = get(css);
        assertEquals(200, plain.statusCode());
        assertArrayEquals(resource(KATEX + "katex.min.css"), plain.body());
        assertEquals("text/css; charset=utf-8", plain.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(StaticAssets.IMMUTABLE, plain.headers().firstValue("Cache-Control").orElseThrow());
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null));
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> gz = get(css, "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(gz.body().length < plain.body().length / 2, gz.body().length + " bytes");
        assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes());
        assertEquals("Accept-Encoding", gz.headers().firstValue("Vary").orElseThrow());

        HttpResponse<byte[]> again = get(css, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(StaticAssets.IMMUTABLE, again.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(304, get(css, "Accept-Encoding", "gzip", "If-None-Match", gz.headers().firstValue("ETag").orElseThrow()).statusCode());

        HttpResponse<byte[]> js = get(WebjarFiles.PREFIX + "chart.js/" + Webjars.version("chart.js") + "/dist/chart.umd.min.js");
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void fontsAreSentAsTheyAre() throws Exception {
        start(8 << 20);
        HttpResponse<byte[]> font = get(WebjarFiles.PREFIX + KATEX + "fonts/KaTeX_Main-Regular.woff2", "Accept-Encoding", "gzip");
        assertEquals(200, font.statusCode());
        assertEquals("font/woff2", font.headers().firstValue("Content-Type").orElseThrow());
        assertNull(font.headers().firstValue("Content-Encoding").orElse(null), "woff2 is compressed already");
        assertArrayEquals(resource(KATEX + "fonts/KaTeX_Main-Regular.woff2"), font.body());
    }

    @Test
    void anythingButAWebjarFileIsNotFound() throws Exception {
        start(8 << 20);
        for (String path : new String[]{KATEX + "nothing.css", KATEX + "../../../../org/argmax/web/App.class", "katex/%2e%2e/x.css",
                "../META-INF/MANIFEST.MF", KATEX + "README.md.bak", "", "katex", KATEX + ".css", KATEX + "fonts/..", "katex//x.css"}) {
            assertEquals(404, get(WebjarFiles.PREFIX + path).statusCode(), path);
        }
        assertEquals(0, webjars.bytesHeld(), "nothing kept for them");
    }

    @Test
    void memoryIsBoundedAndFilesPastTheBoundAreStillSent() throws Exception {
        long js = resource(KATEX + "katex.min.js").length;
        start(js); // room for the script (its gzip form too? no: plain + gzip is more than the bound)
        String css = WebjarFiles.PREFIX + KATEX + "katex.min.css";
        assertEquals(200, get(css).statusCode());
        long afterCss = webjars.bytesHeld();
        assertTrue(afterCss > 0 && afterCss <= js, afterCss + " bytes");
        HttpResponse<byte[]> script = get(WebjarFiles.PREFIX + KATEX + "katex.min.js");
        assertEquals(200, script.statusCode());
        assertArrayEquals(resource(KATEX + "katex.min.js"), script.body());
        assertEquals(afterCss, webjars.bytesHeld(), "past the bound: sent, not kept");
        assertFalse(webjars.bytesHeld() > js);
    }
}
