package org.argmax.lessons;

import org.argmax.markdown.KatexValidator;
import org.argmax.testing.Registries;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every formula is found with the line it is written on, as the page's KaTeX gets it. */
class CourseFormulasTest {
    @TempDir
    Path dir;

    @Test
    void lessonFormulasAndObjectivesKeepTheirLines() {
        TestCourse course = TestCourse.twoLessons(dir);
        course.write("lessons/second.md", """
                ---
                title: "Second lesson"
                summary: "The estimate."
                objectives:
                  - "Find the maximum."
                  - "Write $\\\\hat\\\\theta$."
                ---
                ## Estimate
                \\[ \\hat\\theta = \\pdv{\\ell}{\\theta} \\]
                """);
        List<String> found = describe(CourseFormulas.collect(Registries.course(dir)));
        assertEquals(List.of(
                "first.md:10 inline x_1, \\dots, x_n",
                "first.md:12 display L(\\theta) = \\prod_{i=1}^{n} p(x_i \\mid \\theta)",
                "first.md:17 inline \\log",
                "second.md:6 inline \\hat\\theta",
                "second.md:9 display \\hat\\theta = \\frac{\\partial \\ell}{\\partial \\theta}"), found);
    }

    @Test
    void exerciseTextInEveryYamlStyleKeepsItsLines() throws IOException {
        Path file = dir.resolve("ex.yml");
        Files.writeString(file, """
                id: ex
                prompt: |
                  First line with {{n}} and $a$.

                  Third line: $b = {{mu}}$ and {{n}}, $c$
                answers:
                  - name: p
                    label: "$\\\\hat p_{ {{n}} }$"
                    hints:
                      - Plain hint
                        over two lines $d$
                      - "Quoted \\"hint\\"
                        with \\\\ escapes, then
                        $\\\\sqrt{e}$"
                      - >
                        Folded hint
                        $f$ on its second line
                    choices:
                      - text: 'It''s $g$'
                        feedback: "No: $h$"
                    mistakes:
                      - name: m
                        formula: "1 - k/n"
                        message: "Message with $i$"
                """);
        List<KatexValidator.Formula> out = new ArrayList<>();
        CourseFormulas.exercise(file, out);
        assertEquals(List.of(
                "ex.yml:3 inline a",
                "ex.yml:5 inline b = 1.5",
                "ex.yml:5 inline c",
                "ex.yml:8 inline \\hat p_{ 1.5 }",
                "ex.yml:11 inline d",
                "ex.yml:14 inline \\sqrt{e}",
                "ex.yml:17 inline f",
                "ex.yml:19 inline g",
                "ex.yml:20 inline h",
                "ex.yml:24 inline i"), describe(out));
        assertEquals("$b = {{mu}}$", out.get(1).written(), "the formula as written, placeholders kept");
        assertEquals("$\\hat p_{ {{n}} }$", out.get(3).written());
    }

    @Test
    void theShippedCourseHasFormulasInEveryKindOfPlace() {
        List<KatexValidator.Formula> all = CourseFormulas.collect(Registries.course(Path.of("content")));
        assertTrue(all.size() > 600, "formulas found: " + all.size());
        for (String where : List.of("lessons", "glossary.md", "exercises")) {
            assertTrue(all.stream().anyMatch(f -> f.file().toString().contains(where)), where);
        }
        assertTrue(all.stream().anyMatch(f -> f.file().toString().endsWith("gaussian-mle.md") && f.line() == 6),
                "an objective in the front matter");
        assertTrue(all.stream().noneMatch(f -> f.tex().contains("{{")), "placeholders in prompts and labels are replaced");
    }

    private static List<String> describe(List<KatexValidator.Formula> formulas) {
        return formulas.stream().map(f -> f.file().getFileName() + ":" + f.line() + " " + (f.display() ? "display " : "inline ") + f.tex()).toList();
    }
}
