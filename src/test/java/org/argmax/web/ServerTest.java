package org.argmax.web;

import org.argmax.http.Webjars;

import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a random port with a real H2 database in a temporary folder. */
class ServerTest {
    @TempDir
    static Path tmp;
    static TestCourse course;
    static TestServer server;

    @BeforeAll
    static void start() {
        course = TestCourse.twoLessons(tmp.resolve("content"));
        server = new TestServer(course.root(), tmp.resolve("db"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void homeListsTheLessonsInOrder() {
        HttpResponse<String> r = server.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        String body = r.body();
        assertTrue(body.contains("<h1>Test Estimation</h1>"), body);
        int first = body.indexOf("href=\"/lessons/first\"");
        int second = body.indexOf("href=\"/lessons/second\"");
        assertTrue(first > 0 && second > first, "lessons in course order");
    }

    @Test
    void lessonPageHasMathTocObjectivesAndNext() {
        HttpResponse<String> r = server.get("/lessons/first");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("<div class=\"math math-display\">L(\\theta) = \\prod_{i=1}^{n} p(x_i \\mid \\theta)</div>"), body);
        assertTrue(body.contains("href=\"#the-likelihood\""), "table of contents");
        assertTrue(body.contains("Compute a likelihood."), "objectives");
        assertTrue(body.contains("rel=\"next\" href=\"/lessons/second\""), "next link");
        assertTrue(body.contains("/webjars/katex/" + Webjars.version("katex") + "/dist/katex.min.js"), "local KaTeX");
        assertFalse(body.contains("cdn"), "no CDN");
    }

    @Test
    void unknownLessonIsA404Page() {
        HttpResponse<String> r = server.get("/lessons/nope");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("There is no lesson called &#39;nope&#39; in this course."), r.body());
        assertEquals(404, server.get("/no/such/page").statusCode());
    }

    @Test
    void apiErrorsAreJson() {
        HttpResponse<String> r = server.get("/api/nothing-here");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":"), r.body());
    }

    @Test
    void staticAndWebjarAssetsAreServed() {
        HttpResponse<String> css = server.get("/static/css/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"));
        HttpResponse<String> katex = server.get("/webjars/katex/" + Webjars.version("katex") + "/dist/katex.min.js");
        assertEquals(200, katex.statusCode());
        assertTrue(katex.body().contains("katex"));
        assertEquals(200, server.get("/webjars/katex/" + Webjars.version("katex") + "/dist/fonts/KaTeX_Main-Regular.woff2").statusCode());
        assertEquals(200, server.get("/webjars/chart.js/" + Webjars.version("chart.js") + "/dist/chart.umd.min.js").statusCode());
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> r = server.get("/health");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"status\":\"ok\""), r.body());
    }

    @Test
    void securityHeadersAreSet() {
        HttpResponse<String> r = server.get("/");
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("x-frame-options").orElse(""));
    }

    @Test
    void editedContentShowsOnTheNextRequestAndBrokenEditsKeepTheLastGoodVersion() throws Exception {
        Path scratch = tmp.resolve("scratch");
        TestCourse c = TestCourse.twoLessons(scratch.resolve("content"));
        try (TestServer s = new TestServer(c.root(), scratch.resolve("db"))) {
            assertTrue(s.get("/lessons/second").body().contains("The estimate."));
            c.write("lessons/second.md", Files.readString(c.root().resolve("lessons/second.md")).replace("The estimate.", "The edited estimate."));
            long edited = System.nanoTime();
            assertTrue(s.getUntil("/lessons/second", r -> r.body().contains("The edited estimate.")).body().contains("The edited estimate."),
                    "edit shown without restart");
            double seconds = (System.nanoTime() - edited) / 1e9;
            System.out.printf("ServerTest: the edited lesson was served %.2f s after the edit%n", seconds);
            assertTrue(seconds < 5, "edits are noticed within about a second, not " + seconds + " s");

            javax.sql.DataSource db = s.app().database().dataSource();
            org.argmax.testing.TestAccounts.on(db).create("Professor", "prof", "prof's long password", org.argmax.accounts.Role.INSTRUCTOR);
            org.argmax.testing.WebClient instructor = new org.argmax.testing.WebClient(s);
            instructor.signIn("prof", "prof's long password");

            c.write("course.yml", "title: T\nlessons: [first, missing]\n");
            HttpResponse<String> r = instructor.getUntil("/lessons/second", p -> p.body().contains("unknown lesson"));
            HttpResponse<String> visitor = s.get("/lessons/second");
            assertEquals(200, visitor.statusCode());
            assertTrue(visitor.body().contains("The edited estimate."), "last good version still served");
            assertFalse(visitor.body().contains("unknown lesson"), "the content banner is for instructors only");
            assertTrue(r.body().contains("The edited estimate."), "last good version still served");
            assertTrue(r.body().contains("<li>course.yml:2: unknown lesson &#39;missing&#39;"), "paths relative to the course folder: " + r.body());
            assertFalse(r.body().contains(scratch.toString()), "no absolute server path");

            // valid YAML whose ranges make every draw fail: caught at reload, not on the learners' page
            c.write("course.yml", "title: T\nlessons: [first, second]\n");
            c.write("exercises/flips.yml", """
                    id: flips
                    title: "Flips"
                    prompt: "Estimate p."
                    data:
                      family: bernoulli
                      n: 10
                      parameters:
                        p: [2, 3]
                    answers:
                      - name: p
                        type: number
                        reference: bernoulli.mle.p
                        tolerance: {absolute: 0.01}
                    """);
            HttpResponse<String> bad = instructor.getUntil("/lessons/second", p -> p.body().contains("exercises/flips.yml"));
            assertEquals(200, bad.statusCode());
            assertTrue(bad.body().contains("<li>exercises/flips.yml:1: no gradeable data in 64 draws from seed 1; the last one failed because the data or a reference cannot be computed"), bad.body());
        }
    }

    @Test
    void aBrokenCourseStopsTheStartWithFileAndLine() {
        TestCourse broken = TestCourse.twoLessons(tmp.resolve("broken/content")).write("lessons/second.md", "---\ntitle: [x\n---\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.argmax.content.ContentException.class,
                () -> new TestServer(broken.root(), tmp.resolve("broken/db")));
        assertTrue(e.getMessage().contains("lessons/second.md:2: invalid YAML"), e.getMessage());
    }

    @Test
    void methodNotAllowedOrUnknownPostIsNotAServerError() {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/lessons/first")))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
    }
}
