package org.argmax.web;

import org.argmax.content.ContentException;
import org.argmax.lessons.CourseCheckCache;
import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real server started again on its database: the course check recorded next to the H2 file is used, and broken content is still refused. */
class CheckedCourseStartTest {
    @TempDir
    Path tmp;

    @Test
    void aRestartServesFromTheRecordedCheckAndABrokenCourseIsStillRefused() throws Exception {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        Path db = tmp.resolve("db");
        Path record = db.resolve("argmax" + CourseCheckCache.SUFFIX);
        try (TestServer first = new TestServer(course.root(), db)) {
            assertEquals(200, first.get("/").statusCode());
        }
        assertTrue(Files.isRegularFile(record), "the first start records its pass next to the database");
        String recorded = Files.readString(record);
        assertTrue(recorded.contains("content sha256:"), recorded);

        try (TestServer second = new TestServer(course.root(), db)) {
            assertTrue(second.get("/").body().contains("First lesson"));
            var lesson = second.get("/lessons/first");
            assertEquals(200, lesson.statusCode());
            assertTrue(lesson.body().contains("The likelihood"), lesson.body());
            assertEquals(200, second.get("/lessons/second").statusCode());
        }
        assertEquals(recorded, Files.readString(record), "unchanged content: nothing to record again");

        course.write("lessons/second.md", "---\ntitle: [x\n---\n");
        ContentException e = assertThrows(ContentException.class, () -> new TestServer(course.root(), db));
        assertTrue(e.getMessage().contains("lessons/second.md:2: invalid YAML"), e.getMessage());
    }

    /**
     * First starts, each on a database folder that does not exist yet: the course thread records its check in that folder while
     * the main thread opens H2, which fails ("a file with this name already exists", error 90062, once in CI) when the folder
     * appears while H2 makes it. The server now makes it before either starts.
     */
    @Test
    @Tag("slow")
    void manyFirstStartsOnAMissingDatabaseFolderAllOpenIt() throws Exception {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        for (int i = 0; i < 150; i++) {
            Path db = tmp.resolve("starts/" + i + "/db");
            try (TestServer server = new TestServer(course.root(), db)) {
                assertEquals(200, server.get("/health").statusCode(), "start " + i);
            }
        }
    }
}
