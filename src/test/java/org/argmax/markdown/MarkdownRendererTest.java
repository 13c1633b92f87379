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

class MarkdownRendererTest {
    private static final Path FILE = Path.of("content/lessons/test.md");
    private static final EmbedTargets TARGETS = new EmbedTargets(Set.of("coin"), Set.of("coin-mle"));

    private final List<ContentProblem> problems = new ArrayList<>();

    private String html(String markdown) {
        RenderedDocument doc = new MarkdownRenderer().render(markdown, FILE, 5, TARGETS, problems);
        return doc.segments().stream().filter(s -> !s.isEmbed()).map(RenderedDocument.Segment::html).collect(Collectors.joining());
    }

    @Test
    void underscoresAsterisksAndBackslashesInsideMathSurvive() {
        String out = html("The sum $\\sum_{i=1}^{n} x_i * y_i$ and $a_1 b_2$ stay.\n");
        assertTrue(out.contains("<span class=\"math math-inline\">\\sum_{i=1}^{n} x_i * y_i</span>"), out);
        assertTrue(out.contains("<span class=\"math math-inline\">a_1 b_2</span>"), out);
        assertFalse(out.contains("<em>"), out);
        assertTrue(problems.isEmpty());
    }

    @Test
    void everyDelimiterIsRecognised() {
        String out = html("""
                Inline \\(\\theta^2\\) and $x$.

                $$
                \\hat\\theta = \\frac{k}{n}
                $$

                \\[ a \\\\ b \\]

                \\begin{equation} y = x_1 \\end{equation}

                \\begin{align} a &= b \\\\ c &= d \\end{align}
                """);
        assertTrue(out.contains("<span class=\"math math-inline\">\\theta^2</span>"), out);
        assertTrue(out.contains("<div class=\"math math-display\">\\hat\\theta = \\frac{k}{n}</div>"), out);
        assertTrue(out.contains("<div class=\"math math-display\">a \\\\ b</div>"), out);
        assertTrue(out.contains("<div class=\"math math-display\">\\begin{equation} y = x_1 \\end{equation}</div>"), out);
        assertTrue(out.contains("\\begin{align} a &amp;= b \\\\ c &amp;= d \\end{align}"), out);
        assertFalse(out.contains("$$"), out);
    }

    @Test
    void mathIsHtmlEscaped() {
        String out = html("If $a < b$ and $c > d$ then.\n");
        assertTrue(out.contains("a &lt; b"), out);
        assertTrue(out.contains("c &gt; d"), out);
    }

    @Test
    void dollarsInCodeAndPricesAreNotMath() {
        String out = html("""
                Costs $5 and $6 today. Inline `$x_1$` code.

                ```
                echo "$HOME_DIR and $PATH_X"
                ```
                """);
        assertFalse(out.contains("class=\"math"), out);
        assertTrue(out.contains("<code>$x_1$</code>"), out);
        assertTrue(out.contains("$HOME_DIR and $PATH_X"), out);
    }

    @Test
    void physicsMacrosAreExpanded() {
        String out = html("$$\\mqty[\\pdv{LL}{\\theta_1} \\\\ \\dv{f}{x}] = \\qty(\\sum_i (x_i))$$\n");
        assertTrue(out.contains("\\begin{bmatrix}\\frac{\\partial LL}{\\partial \\theta_1} \\\\ \\frac{\\mathrm{d} f}{\\mathrm{d} x}\\end{bmatrix}"), out);
        assertTrue(out.contains("\\left( \\sum_i (x_i) \\right)"), out);
    }

    @Test
    void headingsBecomeTableOfContentsWithIds() {
        RenderedDocument doc = new MarkdownRenderer().render("""
                ## Why logs?
                text
                ### The estimate $\\hat\\theta$
                ## Why logs?
                """, FILE, 1, TARGETS, problems);
        assertEquals(3, doc.toc().size());
        assertEquals("why-logs", doc.toc().get(0).id());
        assertEquals(3, doc.toc().get(1).level());
        assertTrue(doc.toc().get(1).html().contains("<span class=\"math math-inline\">\\hat\\theta</span>"));
        assertEquals("why-logs-1", doc.toc().get(2).id());
        String body = doc.segments().get(0).html();
        assertTrue(body.contains("<h2 id=\"why-logs\">"), body);
    }

    @Test
    void tablesRender() {
        String out = html("| x | $p(x)$ |\n|---|---|\n| 1 | 0.5 |\n");
        assertTrue(out.contains("<table class=\"data-table\">"), out);
        assertTrue(out.contains("<span class=\"math math-inline\">p(x)</span>"), out);
    }

    @Test
    void embedsSplitTheBodyIntoSegments() {
        RenderedDocument doc = new MarkdownRenderer().render("Before.\n\n{{widget coin}}\n\nAfter.\n", FILE, 1, TARGETS, problems);
        assertEquals(3, doc.segments().size());
        assertEquals("coin", doc.segments().get(1).embed().id());
        assertEquals(3, doc.segments().get(1).embed().line());
        assertTrue(problems.isEmpty());
    }

    @Test
    void unknownEmbedsAndUnclosedMathAreReportedWithTheirLine() {
        new MarkdownRenderer().render("Intro\n\n{{widget con}}\n\n$$ x = 1\n\n{{exercise nope}}\n", FILE, 10, TARGETS, problems);
        List<String> messages = problems.stream().map(ContentProblem::toString).toList();
        assertTrue(messages.contains("content/lessons/test.md:12: unknown widget 'con' (did you mean 'coin'?)"), messages.toString());
        assertTrue(messages.contains("content/lessons/test.md:14: the display formula opened with $$ is never closed with $$"), messages.toString());
        assertTrue(messages.contains("content/lessons/test.md:16: unknown exercise 'nope'"), messages.toString());
    }

    @Test
    void textOverTheNestingLimitIsNotParsedButShownEscaped() {
        String out = html("Intro <b>\n\n" + ">".repeat(50_000) + " deep\n");
        assertEquals(List.of("content/lessons/test.md:7: block quotes and lists nest 50000 levels deep here; at most 50 levels are allowed"),
                problems.stream().map(ContentProblem::toString).toList());
        assertTrue(out.startsWith("<pre>Intro &lt;b&gt;"), out.substring(0, 40));
        assertFalse(out.contains("<blockquote>"));
    }

    @Test
    void inlineNestingWithinTheLimitsRendersAndOverThemIsCaughtBeforeParsing() {
        String nested = "![".repeat(500) + "a" + "](u)".repeat(500);
        assertTrue(html(nested + "\n").contains("<img src=\"u\""));
        assertTrue(problems.isEmpty(), problems.toString());
        // 20,000 nested images overflow commonmark-java's inline parser on any usual stack
        html("Text\n" + "![".repeat(20_000) + "a" + "](u)".repeat(20_000) + "\n");
        assertEquals(List.of("content/lessons/test.md:5: the paragraph starting here has more than 500 emphasis and link markers (*, _ and [),"
                + " which could nest deeper than the Markdown parser can go; split it with blank lines"),
                problems.stream().map(ContentProblem::toString).toList());
    }

    @Test
    void textThatLooksLikeAPlaceholderIsKeptAsText() {
        RenderedDocument doc = new MarkdownRenderer().render("A $x$ and ZqMath7Zq.\n\nZqEmbed3Zq\n\nZqMath99999999999Zq\n", FILE, 1, TARGETS, problems);
        String out = doc.segments().stream().map(RenderedDocument.Segment::html).collect(Collectors.joining());
        assertTrue(out.contains("<span class=\"math math-inline\">x</span> and ZqMath7Zq."), out);
        assertTrue(out.contains("<p>ZqEmbed3Zq</p>") && out.contains("ZqMath99999999999Zq"), out);
        assertTrue(doc.embeds().isEmpty() && problems.isEmpty());
    }

    @Test
    void manyUnclosedFormulasTakeLinearTimeAndAreReportedOnce() {
        // searching the rest of the text again for each unclosed opener took minutes here
        String text = "\\( a ".repeat(200_000) + "\n\n$$ b\n\n" + "\\begin{align} c ".repeat(100_000) + "\n";
        long start = System.nanoTime();
        new MathExtractor().extract(text, FILE, 1, problems);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertEquals(List.of("content/lessons/test.md:1: the formula opened with \\( is never closed with \\)",
                "content/lessons/test.md:3: the display formula opened with $$ is never closed with $$",
                "content/lessons/test.md:5: \\begin{align} is never closed with \\end{align}"),
                problems.stream().map(ContentProblem::toString).toList());
    }
}
