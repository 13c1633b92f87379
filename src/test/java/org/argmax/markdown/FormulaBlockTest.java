package org.argmax.markdown;

import org.argmax.content.ContentProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson's {@code ```formulas} block: read line by line with file lines, shown in the lesson as
 * display math (escaped) with the link to the formula sheet; other code blocks stay code; every
 * mistake in the block is a problem on its line.
 */
class FormulaBlockTest {
    private static final Path FILE = Path.of("content/lessons/test.md");
    private static final EmbedTargets NONE = new EmbedTargets(Set.of(), Set.of());

    private final List<ContentProblem> problems = new ArrayList<>();

    private List<String> problemTexts() {
        return problems.stream().map(p -> p.line() + ": " + p.message()).toList();
    }

    @Test
    void entriesWithTheirLinesSectionAndContinuationLines() {
        String md = """
                ## Key points

                - A point.

                ```formulas
                Coin MLE: \\hat\\theta = k/n

                M-step:
                  \\pi_k = N_k/n,
                  \\mu_k = \\frac{1}{N_k}\\sum_i r_{ik}x_i
                Derivative: \\pdv{\\ell}{\\theta} = 0
                ```
                """;
        FormulaBlock.Scan scan = FormulaBlock.scan(md, FILE, 10, problems);
        assertEquals(List.of(), problems);
        assertEquals(10, scan.keyPointsLine());
        assertEquals(1, scan.blocks().size());
        FormulaBlock block = scan.blocks().get(0);
        assertEquals(14, block.line());
        assertEquals("Key points", block.section());
        List<String> got = block.entries().stream().map(e -> e.line() + " " + e.label() + " = " + e.written()).toList();
        assertEquals(List.of("15 Coin MLE = \\hat\\theta = k/n",
                "18 M-step = \\pi_k = N_k/n,\n\\mu_k = \\frac{1}{N_k}\\sum_i r_{ik}x_i",
                "20 Derivative = \\pdv{\\ell}{\\theta} = 0"), got);
        assertTrue(block.entries().get(2).tex().contains("\\frac{\\partial \\ell}{\\partial \\theta}"),
                "the physics macros expanded for KaTeX: " + block.entries().get(2).tex());
    }

    @Test
    void theLessonShowsTheFormulasEscapedWithTheSheetLinkAndOtherCodeStaysCode() {
        String md = """
                ## Key points

                ```formulas
                Less than <b>: a < b \\text{ </div>}
                ```

                ```python
                x = "$a$ </pre>"
                ```
                """;
        RenderedDocument doc = new MarkdownRenderer().render(md, FILE, 1, NONE, problems, "/formulas#lesson-test");
        String html = doc.segments().stream().map(RenderedDocument.Segment::html).collect(Collectors.joining());
        assertEquals(List.of(), problems);
        assertTrue(html.contains("<div class=\"key-formulas\">\n<dl class=\"formula-list\">\n<div class=\"formula\"><dt>Less than &lt;b&gt;</dt>"
                + "<dd><div class=\"math math-display\">a &lt; b \\text{ &lt;/div&gt;}</div></dd></div>\n</dl>\n"
                + "<p class=\"formula-sheet-link\"><a href=\"/formulas#lesson-test\">"), html);
        assertTrue(html.contains("<pre><code class=\"language-python\">x = &quot;$a$ &lt;/pre&gt;&quot;\n</code></pre>"), html);
        assertEquals(1, doc.formulaBlocks().size());
        assertFalse(new MarkdownRenderer().render(md, FILE, 1, NONE, problems).segments().get(0).html().contains("formula-sheet-link"),
                "no link outside lessons");
    }

    @Test
    void everyMistakeIsReportedOnItsLine() {
        String md = """
                ## Key points

                ```formulas
                No colon here
                : \\alpha
                Empty:
                Math $in$ label: x
                Delimited: $x^2$
                  \\beta continues the delimited one
                Fine: x
                ```

                ```formulas
                  \\gamma without a formula above
                ```

                ~~~formulas
                """;
        FormulaBlock.Scan scan = FormulaBlock.scan(md, FILE, 1, problems);
        assertEquals(List.of(
                "4: write each formula as 'label: TeX' (e.g. 'Coin MLE: \\hat\\theta = k/n'); this line has no colon",
                "5: this formula has no label before the colon: write 'label: TeX'",
                "6: 'Empty:' has no formula after the colon",
                "7: the label 'Math $in$ label' is plain text: write math only in the formula after the colon",
                "8: write the formula of 'Delimited' without $ or \\[ \\] delimiters: every formula of the block is shown as display math",
                "14: a line that starts with a space continues the formula above it, and there is none: start a formula as 'label: TeX'",
                "13: this ```formulas block has no formulas: write one per line as 'label: TeX'",
                "17: the ~~~formulas block opened here is never closed with ~~~",
                "17: this ~~~formulas block has no formulas: write one per line as 'label: TeX'"), problemTexts());
        assertEquals(3, scan.blocks().size());
        assertEquals(List.of("Fine"), scan.blocks().get(0).entries().stream().map(FormulaBlock.Entry::label).toList());
    }

    @Test
    void fencesInsideOtherCodeAreNotBlocksAndTheSectionIsTheLastHeading() {
        String md = """
                ## Worked example

                ````markdown
                ```formulas
                Shown as code: x
                ```
                ## Not a heading
                ````

                ```formulas
                Out of place: y
                ```
                """;
        FormulaBlock.Scan scan = FormulaBlock.scan(md, FILE, 1, problems);
        assertEquals(List.of(), problems);
        assertEquals(0, scan.keyPointsLine());
        assertEquals(1, scan.blocks().size());
        assertEquals("Worked example", scan.blocks().get(0).section());
        assertEquals(10, scan.blocks().get(0).line());
    }
}
