package org.argmax.cli;

import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} on the lessons' {@code ```formulas} blocks, the formula sheet's source: a block it
 * cannot read or that sits in the wrong place, a lesson whose key points have none, and a formula
 * KaTeX cannot render are each reported as {@code file:line: message}.
 */
@Tag("slow") // the KaTeX part loads KaTeX in the GraalJS interpreter: about 10 s per JVM
class FormulaSheetCheckTest {
    private static final String FRONT = """
            ---
            title: "%s"
            summary: "S."
            objectives: ["O."]
            ---
            """; // the body starts on line 6

    @TempDir
    Path dir;

    private static String run(Path content, int expectedCode) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("check", content.toString(), "--seeds", "1");
        assertEquals(expectedCode, code, out.toString());
        return out.toString();
    }

    @Test
    void unreadableOrMisplacedBlocksFailWithFileAndLine() {
        TestCourse c = TestCourse.twoLessons(dir.resolve("content"));
        c.write("lessons/first.md", FRONT.formatted("First") + """
                ## The likelihood

                ```formulas
                Likelihood: L(\\theta) = \\prod_i p(x_i \\mid \\theta)
                ```

                ## Key points

                - One point.
                """);
        c.write("lessons/second.md", FRONT.formatted("Second") + """
                ## Key points

                - One point.

                ```formulas
                Estimate: \\hat\\theta = k/n
                Standard error sqrt(theta(1-theta)/n)
                Interval: $\\hat\\theta \\pm 1.96\\,\\mathrm{se}$
                ```
                """);
        c.write("glossary.md", """
                ---
                title: "Glossary"
                summary: "S."
                ---
                ```formulas
                MLE: \\hat\\theta
                ```
                """);
        String report = run(c.root(), 1);
        Path first = c.root().resolve("lessons/first.md");
        Path second = c.root().resolve("lessons/second.md");
        assertTrue(report.contains(second + ":12: write each formula as 'label: TeX' (e.g. 'Coin MLE: \\hat\\theta = k/n'); this line has no colon"), report);
        assertTrue(report.contains(second + ":13: write the formula of 'Interval' without $ or \\[ \\] delimiters"), report);
        assertTrue(report.contains(first + ":8: the ```formulas block belongs in the lesson's ## Key points section, not in 'The likelihood'"), report);
        assertTrue(report.contains(c.root().resolve("glossary.md") + ":5: ```formulas blocks belong in lessons (in ## Key points)"), report);
        assertTrue(report.contains("4 problems in " + c.root()), report);
    }

    @Test
    void aMissingBlockAndAFormulaKatexCannotRenderFailWithFileAndLine() {
        TestCourse c = TestCourse.twoLessons(dir.resolve("content"));
        c.write("lessons/first.md", FRONT.formatted("First") + """
                ## The likelihood

                Text.

                ## Key points

                - One point, and no formulas block.
                """);
        c.write("lessons/second.md", FRONT.formatted("Second") + """
                ## Key points

                ```formulas
                Estimate: \\hat\\theta = k/n
                Broken: \\frac{k}{n
                Long one:
                  a = b
                  + \\unknownmacro
                ```
                """);
        String report = run(c.root(), 1);
        Path first = c.root().resolve("lessons/first.md");
        Path second = c.root().resolve("lessons/second.md");
        assertTrue(report.contains(first + ":10: the ## Key points section has no ```formulas block"), report);
        assertTrue(report.contains(second + ":10: KaTeX cannot render \\frac{k}{n: "), report);
        assertTrue(report.contains(second + ":13: KaTeX cannot render a = b + \\unknownmacro: Undefined control sequence: \\unknownmacro"), report);
        assertTrue(report.contains("3 problems in " + c.root()), report);

        c.write("lessons/first.md", FRONT.formatted("First") + """
                ## Key points

                ```formulas
                Estimate: \\hat\\theta = k/n
                ```
                """);
        c.write("lessons/second.md", FRONT.formatted("Second") + """
                ## Key points

                ```formulas
                Standard error: \\sqrt{\\hat\\theta(1-\\hat\\theta)/n}
                ```
                """);
        assertTrue(run(c.root(), 0).contains("(2 on the formula sheet)"));
    }
}
