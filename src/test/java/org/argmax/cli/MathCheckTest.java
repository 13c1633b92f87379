package org.argmax.cli;

import org.argmax.lessons.CourseFormulas;
import org.argmax.markdown.KatexValidator;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} renders every formula with the browser's KaTeX: the shipped course passes, and a
 * formula broken in a lesson, an objective, or an exercise's prompt, label, hint, choice feedback or
 * mistake message fails it with the file and the line.
 */
@Tag("slow") // KaTeX runs in the GraalJS interpreter: about 10 s to load it and render the course once per JVM
class MathCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyFormulaOfTheShippedCourseRenders() {
        var formulas = CourseFormulas.collect(Registries.course(Path.of("content")));
        assertEquals(List.of(), KatexValidator.shared().check(formulas));
    }

    @Test
    void brokenMathAnywhereFailsCheckWithFileAndLine() throws IOException {
        Path content = copyOfShippedContent();
        int lesson = breakLine(content.resolve("lessons/gaussian-mle.md"), "\\pdv{\\ell}{\\mu} =", "\\pdv{\\ell}{\\mu =");
        int objective = breakLine(content.resolve("lessons/gaussian-mle.md"), "$n-1$", "$n-{1$");
        Path coin = content.resolve("exercises/coin-mle.yml");
        int prompt = breakLine(coin, "estimate $\\hat\\theta$ of", "estimate $\\hat{\\theta$ of");
        int label = breakLine(coin, "label: \"$\\\\hat\\\\theta$\"", "label: \"$\\\\hat\\\\theta_{$\"");
        int hint = breakLine(coin, "flips $n$.", "flips $\\\\frac{n}$.");
        int message = breakLine(coin, "count the 1s.", "count the $1^$s.");
        Path kmeans = content.resolve("exercises/kmeans-limits.yml");
        int feedback = breakLine(kmeans, "makes the nearest one dominate", "makes the $\\\\unknown$ nearest one dominate");

        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("check", content.toString(), "--seeds", "2");
        String report = out.toString();

        assertEquals(1, code, report);
        assertTrue(report.contains(content.resolve("lessons/gaussian-mle.md") + ":" + lesson
                + ": KaTeX cannot render $$ \\pdv{\\ell}{\\mu = "), report);
        assertTrue(report.contains("Undefined control sequence: \\pdv at position 1"), report);
        assertTrue(report.contains(content.resolve("lessons/gaussian-mle.md") + ":" + objective + ": KaTeX cannot render $n-{1$: "), report);
        assertTrue(report.contains(coin + ":" + prompt + ": KaTeX cannot render $\\hat{\\theta$: Unexpected end of input"), report);
        assertTrue(report.contains(coin + ":" + label + ": KaTeX cannot render $\\hat\\theta_{$: "), report);
        assertTrue(report.contains(coin + ":" + hint + ": KaTeX cannot render $\\frac{n}$: "), report);
        assertTrue(report.contains(coin + ":" + message + ": KaTeX cannot render $1^$: "), report);
        assertTrue(report.contains(kmeans + ":" + feedback + ": KaTeX cannot render $\\unknown$: Undefined control sequence"), report);
        assertTrue(report.contains("7 problems in " + content), report);
    }

    /** Replaces the first occurrence of {@code from} and returns its 1-based line. */
    private static int breakLine(Path file, String from, String to) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(from)) {
                lines.set(i, lines.get(i).replace(from, to));
                Files.write(file, lines);
                return i + 1;
            }
        }
        throw new AssertionError(file + " no longer contains " + from + ": pick another formula for this test");
    }

    private Path copyOfShippedContent() throws IOException {
        Path source = Path.of("content");
        Path target = dir.resolve("content");
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
