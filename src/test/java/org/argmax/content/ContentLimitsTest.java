package org.argmax.content;

import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.testing.Registries;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each limit of {@link ContentLimits} is reported as {@code file:line: message} before the parser
 * that it protects runs; content just within the limits loads.
 */
class ContentLimitsTest {
    @TempDir
    Path dir;

    /** The first lesson's body starts at line 8 of lessons/first.md. */
    private static final String FRONT = """
            ---
            title: "First lesson"
            summary: "Where the likelihood starts."
            minutes: 10
            objectives:
              - "Compute a likelihood."
            ---
            """;

    private TestCourse course() {
        return TestCourse.twoLessons(dir.resolve("content"));
    }

    /** Loads and renders the course as the server does, expecting problems; returns them as "file:line: message". */
    private static List<String> problems(TestCourse c) {
        ContentException e = assertThrows(ContentException.class, () -> Registries.courseService(c.root()));
        return e.problems().stream().map(p -> c.root().relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
    }

    private static void loads(TestCourse c) {
        assertEquals(2, Registries.course(c.root()).course().lessons().size());
    }

    private static TestCourse lessonBody(TestCourse c, String body) {
        return c.write("lessons/first.md", FRONT + body);
    }

    @Test
    void aFileOverOneMebibyteIsNotRead() {
        TestCourse c = lessonBody(course(), ("Some text.\n").repeat((int) (ContentLimits.MAX_FILE_BYTES / 11) + 1));
        List<String> p = problems(c);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).matches("lessons/first\\.md:1: the file is 1,048,\\d{3} bytes; content files may have at most 1,048,576 bytes \\(1 MiB\\): split it"), p.get(0));
    }

    @Test
    void aLineOverTenThousandCharactersIsReportedWithItsLine() {
        TestCourse c = lessonBody(course(), "Intro.\n\n" + "x".repeat(10_001) + "\n\n" + "y".repeat(20_000) + "\n");
        assertEquals(List.of("lessons/first.md:10: this line is 10,001 characters long; lines may have at most 10,000 characters"
                + " (2 lines of this file are too long)"), problems(c));
        loads(lessonBody(course(), "Intro.\n\n" + "x".repeat(10_000) + "\n"));
    }

    @Test
    void blockQuotesNestedDeeperThanFiftyLevelsAreReportedWithTheirLine() {
        TestCourse c = lessonBody(course(), "Intro.\n\n" + "> ".repeat(30) + "shallow\n\n" + ">".repeat(51) + " deep\n");
        assertEquals(List.of("lessons/first.md:12: block quotes and lists nest 51 levels deep here; at most 50 levels are allowed"), problems(c));
        loads(lessonBody(course(), "Intro.\n\n" + ">".repeat(50) + " at the limit\n"));
    }

    @Test
    void listsNestedOnOneLineOrByIndentationAreCounted() {
        assertEquals(List.of("lessons/first.md:10: block quotes and lists nest 51 levels deep here; at most 50 levels are allowed"),
                problems(lessonBody(course(), "Intro.\n\n" + "- ".repeat(51) + "deep\n")));
        StringBuilder indented = new StringBuilder("Intro.\n\n");
        for (int level = 0; level < 51; level++) indented.append("  ".repeat(level)).append("- item ").append(level).append('\n');
        assertEquals(List.of("lessons/first.md:60: block quotes and lists nest 51 levels deep here; at most 50 levels are allowed"),
                problems(lessonBody(course(), indented.toString())));
        // quotes and lists count together; long flat lists and lists that close again do not add up
        assertEquals(List.of("lessons/first.md:10: block quotes and lists nest 51 levels deep here; at most 50 levels are allowed"),
                problems(lessonBody(course(), "Intro.\n\n" + "> - ".repeat(25) + "> deep\n")));
        StringBuilder flat = new StringBuilder("Intro.\n\n");
        for (int i = 0; i < 200; i++) flat.append("- item\n  - sub-item\n");
        flat.append("\n```\n").append("- ".repeat(80)).append("code, not a list\n```\n");
        loads(lessonBody(course(), flat.toString()));
    }

    @Test
    void aParagraphWithTooManyEmphasisOrLinkMarkersIsReported() {
        String many = "Intro.\n\n" + "*a ".repeat(300) + "\n" + "b* ".repeat(300) + "\n";
        assertEquals(List.of("lessons/first.md:10: the paragraph starting here has more than 500 emphasis and link markers (*, _ and [),"
                + " which could nest deeper than the Markdown parser can go; split it with blank lines"), problems(lessonBody(course(), many)));
        // the same markers spread over paragraphs, list items and table rows are fine
        StringBuilder fine = new StringBuilder("Intro.\n\n");
        for (int i = 0; i < 300; i++) fine.append("- **term** with `x_i` and [a link](https://example.org)\n");
        fine.append("\n| a | b |\n|---|---|\n");
        for (int i = 0; i < 300; i++) fine.append("| *x* | [y](z) |\n");
        loads(lessonBody(course(), fine.toString()));
    }

    @Test
    void aFormulaOverFiveThousandCharactersIsReportedWithItsLine() {
        String formula = "x + ".repeat(1_300) + "x";
        assertEquals(List.of("lessons/first.md:11: this formula is 5,201 characters long; formulas may have at most 5,000 characters: split it"),
                problems(lessonBody(course(), "Intro.\n\nText\n$$\n" + formula + "\n$$\n")));
        assertEquals(List.of("lessons/first.md:10: this formula is 5,201 characters long; formulas may have at most 5,000 characters: split it"),
                problems(lessonBody(course(), "Intro.\n\n$" + formula + "$ inline\n")));
        loads(lessonBody(course(), "Intro.\n\n$$\n" + "x".repeat(5_000) + "\n$$\n"));
    }

    @Test
    void yamlNestedTooDeeplyIsReportedWithItsLineInCourseFileAndFrontMatter() {
        TestCourse c = course().write("course.yml", "title: T\nlessons: [first, second]\ndescription:\n  x: " + "[".repeat(25) + "]".repeat(25) + "\n");
        assertEquals(List.of("course.yml:4: lists and mappings nest more than 20 levels deep here; content needs far fewer"), problems(c));
        TestCourse f = course().write("lessons/first.md", "---\ntitle: T\nsummary: S\nobjectives:\n  - " + "[".repeat(20) + "]".repeat(20) + "\n---\nBody.\n");
        assertEquals(List.of("lessons/first.md:5: lists and mappings nest more than 20 levels deep here; content needs far fewer"), problems(f));
        // 50,000 levels: measured on the parser's events, without recursion
        TestCourse deep = course().write("course.yml", "title: T\nlessons: [first, second]\nx: " + "[".repeat(5_000) + "\n");
        assertEquals(List.of("course.yml:3: lists and mappings nest more than 20 levels deep here; content needs far fewer"), problems(deep));
    }

    @Test
    void yamlAliasesToListsAreLimited() {
        StringBuilder yaml = new StringBuilder("title: T\nlessons: &l [first, second]\ndescription: D\n");
        for (int i = 0; i < 21; i++) yaml.append("a").append(i).append(": *l\n");
        List<ContentProblem> p = new ArrayList<>();
        YamlMap parsed = YamlMap.parse(Path.of("course.yml"), yaml.toString(), 1, p);
        assertNull(parsed);
        assertEquals("[course.yml:24: more than 20 aliases (*name) to lists or mappings; write the values out]", p.toString());
        List<ContentProblem> none = new ArrayList<>();
        assertNotNull(YamlMap.parse(Path.of("course.yml"), "title: T\nlessons: &l [first]\nagain: *l\nname: &n x\nn2: *n\n", 1, none));
        assertTrue(none.isEmpty(), none.toString());
    }

    @Test
    void yamlOverTheSizeLimitIsNotParsed() {
        List<ContentProblem> p = new ArrayList<>();
        assertNull(YamlMap.parse(Path.of("x.yml"), "a: \"" + "x".repeat((int) ContentLimits.MAX_FILE_BYTES) + "\"\n", 3, p));
        assertEquals("x.yml:3: the YAML has 1,048,582 characters; at most 1,048,576 are allowed", p.get(0).toString());
    }

    @Test
    void exercisePromptsLabelsHintsAndChoicesHaveTheSameMarkdownLimits() {
        TestCourse c = course().write("exercises/pick.yml", """
                id: pick
                title: "Pick"
                prompt: |
                  Which one?

                  %s deep
                answers:
                  - name: which
                    label: "%s"
                    type: choice
                    hints:
                      - "Think."
                      - "$%s$"
                    choices:
                      - text: "yes"
                        correct: true
                      - text: "%s no"
                """.formatted(">".repeat(60), "- ".repeat(55) + "x", "y".repeat(5_001), "> ".repeat(51)));
        assertEquals(List.of(
                "exercises/pick.yml:6: block quotes and lists nest 60 levels deep here; at most 50 levels are allowed",
                "exercises/pick.yml:9: block quotes and lists nest 55 levels deep here; at most 50 levels are allowed",
                "exercises/pick.yml:17: block quotes and lists nest 51 levels deep here; at most 50 levels are allowed",
                "exercises/pick.yml:13: this formula is 5,001 characters long; formulas may have at most 5,000 characters: split it"), problems(c));
    }

    @Test
    void contentAtEveryLimitAtOnceRendersOnHalfTheDefaultStack() throws Exception {
        // 50 levels of quotes and lists holding 500 nested images, the deepest the limits let through
        String deepest = "> ".repeat(25) + "- ".repeat(25) + "![".repeat(500) + "a" + "](u)".repeat(500) + "\n";
        TestCourse c = lessonBody(course(), "Intro.\n\n" + deepest + "\n" + "> ".repeat(25) + "- ".repeat(25) + "*a ".repeat(250) + "b" + " a*".repeat(250) + "\n");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                loads(c);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "half-stack", 512 * 1024);
        t.start();
        t.join();
        assertNull(failure.get(), () -> "failed: " + failure.get());
    }

    @Test
    void aParserFailureDuringReloadKeepsTheLastGoodVersionAndNamesTheFile() throws Exception {
        TestCourse c = course();
        CourseService service = Registries.courseService(c.root());
        // within the limits, but a thread with a small stack cannot render it: stands in for any failure nothing foresaw.
        // The images nest as deep as a paragraph may (500 markers), inside block quotes as deep as they may (50): with
        // the images alone, a parser the JIT had compiled (other tests render Markdown first) fitted in the stack
        lessonBody(c, "Intro.\n\n" + "> ".repeat(ContentLimits.MAX_MARKDOWN_NESTING) + "![".repeat(500) + "a" + "](u)".repeat(500) + "\n");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(service.currentNow());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        CourseSnapshot snapshot = assertInstanceOfSnapshot(result.get());
        // when the JIT has compiled the parser (other tests of the class render Markdown first, in a random order), its
        // frames can be small enough for the lesson to render in the small stack: then there is no failure to handle here
        org.junit.jupiter.api.Assumptions.assumeFalse(snapshot.problems().isEmpty()
                        && snapshot.lessons().get("first").segments().get(0).html().contains("<img"),
                "the compiled parser rendered the nested lesson in a small stack: no failure to handle on this JVM");
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
        ContentProblem p = snapshot.problems().get(0);
        assertEquals(c.root().resolve("lessons/first.md"), p.file());
        assertEquals("this file could not be processed (StackOverflowError: it nests too deeply for the parser); simplify it and check it with 'check'",
                p.message());
        assertTrue(snapshot.lessons().get("first").segments().get(0).html().contains("The likelihood"), "the last good lesson is kept");

        Files.writeString(c.root().resolve("lessons/first.md"), FRONT + "Fixed.\n");
        CourseSnapshot fixed = service.currentNow();
        assertTrue(fixed.problems().isEmpty(), fixed.problems().toString());
        assertTrue(fixed.lessons().get("first").segments().get(0).html().contains("Fixed."));
    }

    private static CourseSnapshot assertInstanceOfSnapshot(Object o) {
        if (o instanceof Throwable t) throw new AssertionError("current() threw " + t, t);
        return (CourseSnapshot) o;
    }
}
