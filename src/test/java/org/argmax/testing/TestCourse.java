package org.argmax.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small courses into a temporary folder, so tests own their content. */
public final class TestCourse {
    private final Path root;

    private TestCourse(Path root) {
        this.root = root;
    }

    /** A valid two-lesson course with display and inline math. */
    public static TestCourse twoLessons(Path dir) {
        TestCourse c = new TestCourse(dir);
        c.write("course.yml", """
                title: "Test Estimation"
                description: "A course for tests."
                lessons:
                  - first
                  - second
                """);
        c.write("lessons/first.md", """
                ---
                title: "First lesson"
                summary: "Where the likelihood starts."
                minutes: 10
                objectives:
                  - "Compute a likelihood."
                ---
                ## The likelihood

                For data $x_1, \\dots, x_n$ the likelihood is

                $$
                L(\\theta) = \\prod_{i=1}^{n} p(x_i \\mid \\theta)
                $$

                ## Logs
                Take $\\log$ of both sides.
                """);
        c.write("lessons/second.md", """
                ---
                title: "Second lesson"
                summary: "The estimate."
                objectives: ["Find the maximum."]
                ---
                ## Estimate
                \\[ \\hat\\theta = \\frac{k}{n} \\]
                """);
        return c;
    }

    /** A folder with no course file at all. */
    public static TestCourse empty(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestCourse(dir);
    }

    public Path root() {
        return root;
    }

    public TestCourse write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
