package org.argmax.web;

import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One content line must not take the site down: a lesson edited, while the server runs, into a
 * 50,000-deep block quote or a 3,000-deep list keeps the last good course served with a banner
 * naming the file and line, and fixing the file clears the banner.
 */
class ContentLimitsServerTest {
    @TempDir
    Path tmp;

    @Test
    void aFiftyThousandDeepBlockQuoteKeepsTheSiteUp() throws Exception {
        breakAndFix(">".repeat(50_000) + " edited", "this line is 50,007 characters long; lines may have at most 10,000 characters");
    }

    @Test
    void aThreeThousandDeepListKeepsTheSiteUp() throws Exception {
        breakAndFix("- ".repeat(3_000) + "edited", "block quotes and lists nest 3000 levels deep here; at most 50 levels are allowed");
    }

    private void breakAndFix(String badLine, String message) throws Exception {
        TestCourse c = TestCourse.twoLessons(tmp.resolve("content"));
        Path lesson = c.root().resolve("lessons/first.md");
        String good = Files.readString(lesson);
        int badLineNumber = (int) good.lines().count() + 2; // after the last line and one blank line
        try (TestServer s = new TestServer(c.root(), tmp.resolve("db"))) {
            assertSiteUp(s, null);

            Files.writeString(lesson, good + "\n" + badLine + "\n");
            s.getUntil("/health", r -> r.body().contains("\"contentProblems\":1")); // noticed within about a second
            assertSiteUp(s, "lessons/first.md:" + badLineNumber + ": " + message);

            Files.writeString(lesson, good.replace("Take $\\log$", "Now take $\\log$"));
            HttpResponse<String> fixed = s.getUntil("/lessons/first", r -> r.body().contains("Now take"));
            assertEquals(200, fixed.statusCode());
            assertTrue(fixed.body().contains("Now take"), "the fixed lesson is served");
            assertTrue(s.get("/health").body().contains("\"contentProblems\":0"));
        }
    }

    /** /health, / and every lesson answer 200 with the original content; with a banner when {@code problem} is set. */
    private static void assertSiteUp(TestServer s, String problem) {
        HttpResponse<String> health = s.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"lessons\":2"), health.body());
        assertTrue(health.body().contains("\"contentProblems\":" + (problem == null ? 0 : 1)), health.body());
        if (problem != null) assertTrue(problem.startsWith("lessons/first.md:"), problem);
        for (String path : new String[]{"/", "/lessons/first", "/lessons/second"}) {
            HttpResponse<String> r = s.get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            // the banner is for instructors only (ServerTest checks theirs); a visitor never sees it
            assertFalse(r.body().contains("content-problems"), path + " shows visitors no banner");
        }
        String first = s.get("/lessons/first").body();
        assertTrue(first.contains("Take") && first.contains("Compute a likelihood."), "the last good first lesson");
        assertFalse(first.contains("edited"), "not the broken edit");
        assertTrue(s.get("/lessons/second").body().contains("The estimate."), "the last good second lesson");
    }
}
