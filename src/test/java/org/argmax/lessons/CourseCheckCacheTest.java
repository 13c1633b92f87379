package org.argmax.lessons;

import org.argmax.content.ContentException;
import org.argmax.content.CourseLoader;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A start on content that passed the full check with the same build skips the check; anything else checks in full. */
class CourseCheckCacheTest {
    @TempDir
    Path dir;

    private static final String GOOD_EXERCISE = """
            id: coin-estimate
            title: "Estimate the coin"
            prompt: "Estimate p."
            data:
              family: bernoulli
              n: [10, 20]
              parameters:
                p: [0.3, 0.7]
            answers:
              - name: p
                type: number
                reference: bernoulli.mle.p
            """;
    /** Loads and parses (line 1 is fine) but fails the seed check: its named mistake is the right answer. */
    private static final String ALWAYS_AMBIGUOUS = GOOD_EXERCISE + """
                mistakes:
                  - name: same-thing
                    formula: "k / n"
                    message: "This is the right answer under another name."
            """;

    private TestCourse course() {
        return TestCourse.twoLessons(dir.resolve("content")).write("exercises/coin-estimate.yml", GOOD_EXERCISE)
                .write("lessons/second.md", """
                        ---
                        title: "Second lesson"
                        summary: "The estimate."
                        objectives: ["Find the maximum."]
                        ---
                        ## Estimate
                        \\[ \\hat\\theta = \\frac{k}{n} \\]

                        {{exercise coin-estimate}}
                        """);
    }

    private CourseCheckCache cache(String build) {
        return new CourseCheckCache(dir.resolve("db/argmax" + CourseCheckCache.SUFFIX), build);
    }

    private static CourseService start(TestCourse course, CourseCheckCache cache) {
        References references = References.standard();
        return new CourseService(new CourseLoader(course.root()), references, Misconceptions.standard(references), Widgets.standard(), cache);
    }

    @Test
    void aSecondStartOnUnchangedContentUsesTheRecordedCheckAndRendersTheSameCourse() {
        TestCourse course = course();
        CourseService first = start(course, cache("build-1"));
        assertFalse(first.checkedBefore());
        assertTrue(Files.isRegularFile(cache("build-1").file()), "the pass is recorded next to the database (its folder made)");

        CourseService second = start(course, cache("build-1"));
        assertTrue(second.checkedBefore());
        CourseSnapshot snapshot = second.current();
        assertEquals(List.of("first", "second"), snapshot.course().lessons().stream().map(org.argmax.content.Lesson::slug).toList());
        assertFalse(snapshot.ready(), "the lessons and exercises are left for later");
        // rendered on demand: the same pages and exercises as the full load made
        CourseSnapshot full = first.current();
        assertEquals(full.lessons(), snapshot.lessons());
        assertEquals(1, snapshot.lessons().get("second").embeds().size());
        assertEquals(full.objectivesHtml(), snapshot.objectivesHtml());
        assertEquals(full.exercises().keySet(), snapshot.exercises().keySet());
        assertEquals(Optional.of("second"), snapshot.lessonOf("coin-estimate"));
        assertTrue(snapshot.ready());
    }

    @Test
    void theServerRendersInTheBackgroundWhenAsked() throws Exception {
        TestCourse course = course();
        start(course, cache("b"));
        CourseService second = start(course, cache("b"));
        second.renderInBackground(0).orElseThrow();
        long until = System.nanoTime() + 60_000_000_000L;
        while (!second.current().ready() && System.nanoTime() < until) Thread.sleep(20);
        assertTrue(second.current().ready());
        assertTrue(second.current().lessons().get("first").segments().toString().contains("likelihood"));
    }

    @Test
    void aDelayedBackgroundRenderingWaitsButAPageThatNeedsItDoesNot() {
        TestCourse course = course();
        start(course, cache("b"));
        CourseService second = start(course, cache("b"));
        Thread background = second.renderInBackground(60_000).orElseThrow(); // would start in a minute
        try {
            assertFalse(second.current().ready(), "nothing rendered before the delay is over");
            // a lesson page needs the rendering now: it renders it on its own thread instead of waiting for the delay
            assertTrue(second.current().lessons().get("first").segments().toString().contains("likelihood"));
            assertTrue(second.current().ready());
        } finally {
            background.interrupt(); // stopped in its delay: it neither renders nor hashes this test's folder after the test
        }
    }

    @Test
    void contentBrokenWithoutChangingSizeOrTimeIsFoundOnceUpAndRefusedAtTheNextStart() throws Exception {
        TestCourse course = course();
        start(course, cache("b"));
        Path exercise = course.root().resolve("exercises/coin-estimate.yml");
        var time = Files.getLastModifiedTime(exercise);
        Files.writeString(exercise, GOOD_EXERCISE.replace("bernoulli.mle.p", "bernoulli.mle.q")); // an unknown reference
        Files.setLastModifiedTime(exercise, time);

        CourseService second = start(course, cache("b"));
        assertTrue(second.checkedBefore(), "the record was trusted at start");
        second.renderInBackground(0).orElseThrow().join(); // renders, hashes, finds the difference, forgets the record
        assertFalse(Files.exists(cache("b").file()), "the record no longer describes the files");
        second.current(); // the reload with the full check finds the problem and keeps serving, with it listed
        ContentException refused = assertThrows(ContentException.class, () -> start(course, cache("b")));
        assertTrue(refused.getMessage().contains("coin-estimate.yml"), refused.getMessage());
    }

    @Test
    void filesWithUnchangedTimesTakeTheRecordedHashWhichTheServerConfirmsOnceUp() throws Exception {
        TestCourse course = course();
        CourseService first = start(course, cache("b"));
        String checkedVersion = first.contentVersion();
        // an edit that keeps the file's size and modification time (a copy that preserves times)
        Path lesson = course.root().resolve("lessons/second.md");
        var time = Files.getLastModifiedTime(lesson);
        String text = Files.readString(lesson);
        Files.writeString(lesson, text.replace("Second lesson", "Secund lesson"));
        Files.setLastModifiedTime(lesson, time);
        String edited = CourseService.contentHash(course.root());
        assertFalse(edited.equals(checkedVersion));

        CourseService second = start(course, cache("b"));
        assertTrue(second.checkedBefore());
        assertEquals(checkedVersion, second.contentVersion(), "the recorded hash was taken, the files not hashed at start");
        second.renderInBackground(0); // renders, then hashes the files: they differ, so the next request reloads with the full check
        long until = System.nanoTime() + 60_000_000_000L;
        while (!second.contentVersion().equals(edited) && System.nanoTime() < until) Thread.sleep(20);
        assertEquals(edited, second.contentVersion());
        assertEquals("Secund lesson", second.current().course().lessons().get(1).title());
        assertTrue(second.current().ready());

        // that full check passed and was recorded with the files as they are: the next start takes it
        CourseService third = start(course, cache("b"));
        assertTrue(third.checkedBefore());
        assertEquals(edited, third.contentVersion());
    }

    @Test
    void theSameBytesWithNewTimesAreHashedAndNeedNoCheck() throws Exception {
        TestCourse course = course();
        CourseService first = start(course, cache("b"));
        Path lesson = course.root().resolve("lessons/second.md");
        Files.setLastModifiedTime(lesson, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(lesson).toMillis() + 60_000));
        assertTrue(cache("b").versionOfUnchangedFiles(CourseService.fingerprint(course.root())).isEmpty(), "new times: not trusted");
        CourseService second = start(course, cache("b"));
        assertTrue(second.checkedBefore(), "a checkout of the same bytes: the hash matches the recorded check");
        assertEquals(first.contentVersion(), second.contentVersion());
        assertEquals(Optional.of(first.contentVersion()), cache("b").versionOfUnchangedFiles(CourseService.fingerprint(course.root())),
                "the new times are recorded");
    }

    @Test
    void anyChangedContentFileMeansAFullCheck() {
        TestCourse course = course();
        start(course, cache("b"));
        for (String file : List.of("course.yml", "lessons/first.md", "exercises/coin-estimate.yml")) {
            course.write(file, read(course.root().resolve(file)) + "\n");
            assertFalse(start(course, cache("b")).checkedBefore(), file);
            assertTrue(start(course, cache("b")).checkedBefore(), file + ": the new pass is recorded");
        }
        course.write("exercises/another-file.txt", "any file under content/ counts");
        assertFalse(start(course, cache("b")).checkedBefore());
    }

    @Test
    void anotherBuildMeansAFullCheck() {
        TestCourse course = course();
        start(course, cache("build-1"));
        assertFalse(start(course, cache("build-2")).checkedBefore());
        assertTrue(start(course, cache("build-2")).checkedBefore());
        assertFalse(start(course, cache(CourseCheckCache.UNKNOWN)).checkedBefore(), "an unknown build is never trusted");
        assertFalse(start(course, cache(CourseCheckCache.UNKNOWN)).checkedBefore());
    }

    @Test
    void aCorruptOrUnreadableRecordMeansAFullCheck() throws Exception {
        TestCourse course = course();
        start(course, cache("b"));
        Path file = cache("b").file();
        String good = Files.readString(file);

        Files.write(file, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertFalse(start(course, cache("b")).checkedBefore(), "not UTF-8");
        assertEquals(good, Files.readString(file), "rewritten after the full check");

        Files.writeString(file, good.substring(0, good.length() / 2));
        assertFalse(start(course, cache("b")).checkedBefore(), "truncated");

        Files.writeString(file, good.replace("sha256:", "sha256:0").replace("\nfiles ", "\nfiles 1"));
        assertFalse(start(course, cache("b")).checkedBefore(), "another content hash (and other files)");
        // another hash for the same files is taken at start and found out once the server is up (the test above)

        String content = good.lines().filter(l -> l.startsWith("content ")).findFirst().orElseThrow();
        String build = good.lines().filter(l -> l.startsWith("build ")).findFirst().orElseThrow();
        Files.writeString(file, "argmax course check 1\n" + content + "\n" + build + "\n"); // the first format, as written before
        assertFalse(start(course, cache("b")).checkedBefore(), "the first format: checked in full once");
        assertTrue(start(course, cache("b")).checkedBefore(), "then recorded in the new one");

        Files.delete(file);
        Files.createDirectory(file);
        assertFalse(start(course, cache("b")).checkedBefore(), "a folder where the file should be");
        assertFalse(start(course, cache("b")).checkedBefore(), "and it cannot be written: still a full check each time");
    }

    @Test
    void aCourseBrokenAfterARecordedPassIsRefusedWithFileAndLine() {
        TestCourse course = course();
        start(course, cache("b"));
        course.write("lessons/second.md", "---\ntitle: [x\n---\n");
        ContentException yaml = assertThrows(ContentException.class, () -> start(course, cache("b")));
        assertTrue(yaml.getMessage().contains("lessons/second.md:2: invalid YAML"), yaml.getMessage());
    }

    @Test
    void anExerciseOnlyTheSeedCheckRejectsIsStillRejectedAfterARecordedPass() {
        TestCourse course = course();
        start(course, cache("b"));
        course.write("exercises/coin-estimate.yml", ALWAYS_AMBIGUOUS);
        ContentException e = assertThrows(ContentException.class, () -> start(course, cache("b")));
        assertTrue(e.getMessage().contains("coin-estimate.yml:1"), e.getMessage());
        assertTrue(e.getMessage().contains("no gradeable data"), e.getMessage());
        // a failed start records nothing: the last pass (other content) still does not match
        assertThrows(ContentException.class, () -> start(course, cache("b")));
    }

    @Test
    void theRecordLivesNextToAnEmbeddedH2File() {
        assertEquals(Path.of("./db/argmax.course-check"), CourseCheckCache.nextToDatabase("jdbc:h2:./db/argmax").orElseThrow().file());
        assertEquals(Path.of("/srv/a/argmax.course-check"),
                CourseCheckCache.nextToDatabase("jdbc:h2:file:/srv/a/argmax;WRITE_DELAY=0").orElseThrow().file());
        assertEquals(Path.of(System.getProperty("user.home") + "/argmax.course-check"),
                CourseCheckCache.nextToDatabase("jdbc:h2:~/argmax").orElseThrow().file());
        for (String url : List.of("jdbc:h2:mem:x", "jdbc:h2:tcp://localhost/x", "jdbc:h2:nio:/x/y", "jdbc:postgresql://h/argmax", "")) {
            assertTrue(CourseCheckCache.nextToDatabase(url).isEmpty(), url);
            assertTrue(CourseCheckCache.databaseFolder(url).isEmpty(), url);
        }
        // the folder the server makes before its start-up jobs (so that H2 and the record's writer never make it at once)
        assertEquals(Path.of("db").toAbsolutePath(), CourseCheckCache.databaseFolder("jdbc:h2:./db/argmax").orElseThrow().normalize());
        assertEquals(Path.of("/srv/a"), CourseCheckCache.databaseFolder("jdbc:h2:file:/srv/a/argmax;WRITE_DELAY=0").orElseThrow());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
