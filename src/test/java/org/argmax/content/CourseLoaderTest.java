package org.argmax.content;

import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseLoaderTest {
    @TempDir
    Path dir;

    private List<String> problems(TestCourse course) {
        ContentException e = assertThrows(ContentException.class, () -> new CourseLoader(course.root()).load());
        return e.problems().stream().map(p -> course.root().relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
    }

    @Test
    void loadsLessonsInCourseOrderWithFrontMatter() {
        Course course = new CourseLoader(TestCourse.twoLessons(dir).root()).load();
        assertEquals("Test Estimation", course.title());
        assertEquals(List.of("first", "second"), course.lessons().stream().map(Lesson::slug).toList());
        Lesson first = course.lessons().get(0);
        assertEquals("First lesson", first.title());
        assertEquals(10, first.minutes());
        assertEquals(List.of("Compute a likelihood."), first.objectives());
        assertEquals(8, first.bodyLine());
        assertEquals(15, course.lessons().get(1).minutes(), "minutes defaults to 15");
        assertEquals("second", course.next("first").orElseThrow().slug());
    }

    @Test
    void unknownLessonInCourseFileNamesTheLineAndSuggests() {
        TestCourse c = TestCourse.twoLessons(dir).write("course.yml", """
                title: T
                lessons:
                  - first
                  - secnd
                """);
        assertEquals(List.of("course.yml:4: unknown lesson 'secnd': there is no file lessons/secnd.md (did you mean 'second'?)"), problems(c));
    }

    @Test
    void brokenFrontMatterIsReportedWithFileAndLine() {
        TestCourse c = TestCourse.twoLessons(dir).write("lessons/second.md", """
                ---
                title: "Second"
                summary: [unclosed
                ---
                body
                """);
        List<String> p = problems(c);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("lessons/second.md:3: invalid YAML"), p.toString());
    }

    @Test
    void missingFieldsUnknownKeysAndBadValuesAreAllReported() {
        TestCourse c = TestCourse.twoLessons(dir).write("lessons/second.md", """
                ---
                titel: "Second"
                minutes: lots
                objectives: []
                ---
                body
                """);
        List<String> p = problems(c);
        assertTrue(p.contains("lessons/second.md:2: unknown key 'titel' (did you mean 'title'?)"), p.toString());
        assertTrue(p.contains("lessons/second.md:2: missing required key 'title'"), p.toString());
        assertTrue(p.contains("lessons/second.md:2: missing required key 'summary'"), p.toString());
        assertTrue(p.contains("lessons/second.md:3: 'minutes' must be a whole number, got 'lots'"), p.toString());
        assertTrue(p.contains("lessons/second.md:4: list at least one learning objective"), p.toString());
    }

    @Test
    void missingFrontMatterAndUnclosedFrontMatter() {
        TestCourse c = TestCourse.twoLessons(dir).write("lessons/first.md", "# No front matter\n")
                .write("lessons/second.md", "---\ntitle: x\n");
        List<String> p = problems(c);
        assertTrue(p.get(0).startsWith("lessons/first.md:1: the file must start with front matter"), p.toString());
        assertTrue(p.get(1).startsWith("lessons/second.md:1: the front matter that starts here is never closed"), p.toString());
    }

    @Test
    void missingCourseFileAndDuplicateLessons() {
        assertTrue(problems(TestCourse.empty(dir.resolve("empty"))).get(0).startsWith("course.yml:1: the course file is missing"));
        TestCourse c = TestCourse.twoLessons(dir.resolve("dup")).write("course.yml", "title: T\nlessons: [first, first]\n");
        assertEquals(List.of("course.yml:2: lesson 'first' is listed twice"), problems(c));
    }

}
