package org.argmax.lessons;

import org.argmax.accounts.Role;
import org.argmax.content.Lesson;
import org.argmax.testing.Registries;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The formula sheet on a real server over a copy of the shipped course: every lesson's formulas in
 * course order, each group linking back to its lesson, served to visitors as cached bytes with an
 * ETag; an edit of a lesson's {@code ```formulas} block shows on the sheet without a restart, and a
 * broken block keeps the last good sheet while the instructor sees the problem with its line.
 */
class FormulaSheetTest {
    @TempDir
    static Path tmp;
    static Path content;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        content = copy(Path.of("content"), tmp.resolve("content"));
        server = new TestServer(content, tmp.resolve("db"));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theSheetHasEveryLessonsFormulasInCourseOrderAndIsCachedForVisitors() {
        HttpResponse<String> r = server.get("/formulas");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<title>Formula sheet · "), "titled");
        assertTrue(html.contains("<a href=\"/formulas\" class=\"active\">Formula sheet</a>"), "in the site's menu, marked as here");

        List<String> groups = new ArrayList<>();
        Matcher m = Pattern.compile("<section class=\"formula-group\" id=\"lesson-([a-z0-9-]+)\">\\s*<h2><a href=\"/lessons/([a-z0-9-]+)\">").matcher(html);
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "each group links back to its own lesson");
            groups.add(m.group(1));
        }
        CourseSnapshot course = Registries.course(Path.of("content"));
        assertEquals(course.course().lessons().stream().map(Lesson::slug).toList(), groups, "every lesson, in course order");

        FormulaSheet sheet = FormulaSheet.of(course);
        int formulas = count(html, "<div class=\"formula\"><dt>");
        assertEquals(sheet.size(), formulas);
        assertEquals(formulas, count(html, "<div class=\"math math-display\">"), "every formula is display math for the page's KaTeX");
        assertTrue(html.contains("<dt>Coin, k heads in n flips</dt><dd><div class=\"math math-display\">"
                + "\\ell(\\theta) = k\\log\\theta + (n-k)\\log(1-\\theta), \\qquad \\hat\\theta = k/n</div></dd>"), "as the lesson wrote it");
        assertTrue(html.contains("<dt>The decomposition</dt>"), "the new lessons too");
        assertFalse(html.contains("<script>") || html.contains(" style=\""), "no inline script or style");
        int gzipped = gzippedSize("/formulas");
        System.out.printf("FormulaSheetTest: /formulas is %,d bytes (%,d gzipped) with %d formulas from %d lessons%n",
                html.getBytes(StandardCharsets.UTF_8).length, gzipped, formulas, groups.size());

        // a visitor's page: the same bytes for everyone, no cookie, an ETag and 304
        HttpResponse<String> again = server.get("/formulas");
        assertEquals(html, again.body());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> notModified = server.send(HttpRequest.newBuilder(URI.create(server.url("/formulas")))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, notModified.statusCode());

        // and each lesson's key points box shows its formulas and leads to its group
        String lesson = server.get("/lessons/why-em-works").body();
        assertTrue(lesson.contains("<div class=\"key-formulas\">"), "the box in the lesson");
        assertTrue(lesson.contains("<a href=\"/formulas#lesson-why-em-works\">"), "the link to the sheet");
        assertTrue(lesson.indexOf("id=\"key-points\"") < lesson.indexOf("<div class=\"key-formulas\">"), "under Key points");
    }

    @Test
    void editingALessonsBlockChangesTheSheetAndABrokenBlockKeepsTheLastGoodOne() throws IOException {
        Path file = content.resolve("lessons/mle-recipe.md");
        String original = Files.readString(file);
        String before = server.get("/formulas").headers().firstValue("ETag").orElseThrow();
        try {
            Files.writeString(file, original.replace("Poisson counts: \\hat\\lambda = \\bar x",
                    "Poisson counts (edited): \\hat\\lambda = \\frac1n\\sum_i x_i\nA new formula: e^{i\\pi} + 1 = 0"));
            HttpResponse<String> edited = server.getUntil("/formulas", p -> p.body().contains("A new formula"));
            String html = edited.body();
            assertTrue(html.contains("<dt>Poisson counts (edited)</dt><dd><div class=\"math math-display\">\\hat\\lambda = \\frac1n\\sum_i x_i</div>"), html);
            assertTrue(html.contains("<dt>A new formula</dt><dd><div class=\"math math-display\">e^{i\\pi} + 1 = 0</div>"));
            assertFalse(html.contains("<dt>Poisson counts</dt>"), "the old formula is gone");
            int group = html.indexOf("id=\"lesson-mle-recipe\"");
            assertTrue(group > 0 && group < html.indexOf("A new formula") && html.indexOf("A new formula") < html.indexOf("id=\"lesson-gaussian-mle\""),
                    "in the lesson's own group");
            assertNotEquals(before, edited.headers().firstValue("ETag").orElseThrow(), "a new version, a new ETag");

            // a line without 'label:' breaks the block: visitors keep the last good sheet, the instructor sees where
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            int at = lines.indexOf("A new formula: e^{i\\pi} + 1 = 0");
            lines.set(at, "A formula without its colon");
            Files.write(file, lines);
            TestAccounts.on(server.app().database().dataSource()).create("Professor", "sheet-prof", "prof's long password", Role.INSTRUCTOR);
            WebClient prof = new WebClient(server);
            prof.signIn("sheet-prof", "prof's long password");
            String problem = "lessons/mle-recipe.md:" + (at + 1) + ": write each formula as &#39;label: TeX&#39;";
            HttpResponse<String> seen = prof.getUntil("/formulas", p -> p.body().contains(problem));
            assertTrue(seen.body().contains(problem), seen.body());
            assertTrue(seen.body().contains("<dt>A new formula</dt>"), "the last good sheet");
            String visitor = server.get("/formulas").body();
            assertTrue(visitor.contains("<dt>A new formula</dt>") && !visitor.contains("course files have errors"), "visitors see the last good sheet only");
        } finally {
            Files.writeString(file, original);
            server.getUntil("/formulas", p -> p.body().contains("<dt>Poisson counts</dt>"));
        }
    }

    private static int gzippedSize(String path) {
        try {
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), "sent as the cached gzip bytes");
            return r.body().length;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(p -> {
                try {
                    Path t = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
