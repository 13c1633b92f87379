package org.argmax.exercises;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exercise's HTML (what every page with an exercise and every JSON answer shows): text is
 * escaped wherever it goes, the form follows the learner's state, and each kind of answer gets its
 * input. The pages themselves are checked end to end by the flow and browser tests.
 */
class ExerciseHtmlTest {
    private static final String HOSTILE = "\"><script>alert('x')</script>&";

    private static ExerciseSpec.AnswerSpec answer(String name, AnswerType type, ExerciseSpec.Input input) {
        return new ExerciseSpec.AnswerSpec(name, name, type, "bernoulli.mle.p", Tolerance.DEFAULT, ExerciseSpec.Grading.VALUE, 0.01,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, input, 1);
    }

    private static ExerciseSpec spec(String title, int maxAttempts) {
        return new ExerciseSpec("coin", title, "p", null, Map.of(), List.of(answer("p", AnswerType.NUMBER, ExerciseSpec.Input.TEXT)),
                maxAttempts, 0, true, true, Path.of("coin.yml"), 1);
    }

    private static ExerciseView.AnswerField field(String name, String type, String lastValue, String error, ExerciseSpec.Input input) {
        return new ExerciseView.AnswerField(name, "<em>" + name + "</em>", type, "to within 0.1 % (relative)", List.of("<b>hint</b>"),
                List.of("<span>one</span>", "two"), List.of("k", "n"), lastValue, input, error, null);
    }

    private static ExerciseView view(ExerciseSpec spec, List<ExerciseView.AnswerField> fields, Attempt last, int left, boolean solved, boolean closed) {
        return new ExerciseView(spec, "<p>prompt</p>", true, "1 0 1", 3, fields, last, left, solved, false, closed, solved ? 1.0 : 0.5,
                List.of(), 0, false);
    }

    @Test
    void everyTextIsEscapedAndTheAuthorsHtmlIsKept() {
        ExerciseView v = view(spec(HOSTILE, 5), List.of(field("p", "number", HOSTILE, null, ExerciseSpec.Input.TEXT)), null, 5, false, false);
        String html = ExerciseHtml.render(v, HOSTILE, HOSTILE, false);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("aria-label=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""), "typed value and token escaped");
        assertTrue(html.contains("<div class=\"notice notice-error\" role=\"alert\">&quot;&gt;&lt;script&gt;"), "the error escaped");
        assertTrue(html.contains("<span><em>p</em></span>") && html.contains("<p><b>hint</b></p>") && html.contains("<p>prompt</p>"),
                "labels, hints and the prompt are our rendered Markdown");
        assertTrue(html.contains("<h3 class=\"exercise-title\">"), "in a lesson, a third-level heading");
        assertTrue(ExerciseHtml.render(v, null, "t", true).contains("<h1 class=\"exercise-title\">"), "on its own page, the first level");
    }

    @Test
    void charactersBeyondLatin1AreWrittenAsReferences() {
        // a title (escaped text), a typed value (an attribute) and the prompt (our HTML) beyond Latin-1, one of them beyond the BMP
        ExerciseSpec spec = spec("λ & μ", 5);
        ExerciseView v = new ExerciseView(spec, "<p>θ̂ = x̄ − 1 … 😀</p>", true, "1 0 1", 3,
                List.of(field("p", "number", "σ²", null, ExerciseSpec.Input.TEXT)), null, 5, false, false, false, 0.5, List.of(), 0, false);
        String html = ExerciseHtml.render(v, "ε is not a number", "tok", false);
        assertTrue(html.chars().allMatch(c -> c <= 0xFF), "one byte per character: " + html);
        assertTrue(html.contains("aria-label=\"&#955; &amp; &#956;\""), html);
        assertTrue(html.contains("value=\"&#963;²\""), "² is Latin-1 and stays: " + html);
        assertTrue(html.contains("<p>&#952;&#770; = x&#772; &#8722; 1 &#8230; &#128512;</p>"), "a pair of surrogates is one reference: " + html);
        assertTrue(html.contains("role=\"alert\">&#949; is not a number</div>"), html);
    }

    @Test
    void theFormFollowsTheLearnersState() {
        ExerciseSpec spec = spec("Coin", 5);
        String open = ExerciseHtml.render(view(spec, List.of(field("p", "number", "", null, ExerciseSpec.Input.TEXT)), null, 5, false, false),
                null, "tok", false);
        assertTrue(open.contains("<span>5</span> attempt(s) left"));
        assertFalse(open.contains("disabled"), open);
        assertTrue(open.contains("aria-describedby=\"coin-p-help\"") && !open.contains("aria-invalid"), open);
        assertTrue(open.contains("<input type=\"hidden\" name=\"_csrf\" value=\"tok\">"));
        assertFalse(open.contains("name=\"from\""), "posted from the lesson");

        Attempt right = new Attempt(1, 2, "coin", 0, Map.of("p", "0.5"),
                List.of(new Grade.AnswerVerdict("p", "0.5", true, null, "Correct.")), true, 1, OffsetDateTime.now());
        String solved = ExerciseHtml.render(view(spec, List.of(field("p", "number", "0.5", null, ExerciseSpec.Input.TEXT)), right, 4, true, true),
                null, "tok", true);
        assertTrue(solved.contains("<strong>Right</strong><span>.</span>"), solved);
        assertTrue(solved.contains("<strong>Solved.</strong> Well done: this exercise is done."));
        assertTrue(solved.contains("Best score so far: <span>100</span> %"));
        assertTrue(solved.contains("<button type=\"submit\" disabled=\"disabled\">Check my answer</button>"));
        assertFalse(solved.contains("attempt(s) left"));
        assertFalse(solved.contains("Give up"), "nothing to give up once solved");
        assertTrue(solved.contains("<input type=\"hidden\" name=\"from\" value=\"exercise\">"), "posted from the exercise's page");

        String invalid = ExerciseHtml.render(view(spec, List.of(field("p", "number", "0,5", "Use a point for decimals.", ExerciseSpec.Input.TEXT)),
                right, 4, false, false), "Not checked", "tok", false);
        assertTrue(invalid.contains("<strong>Not checked, and no attempt used:</strong> Use a point for decimals."), invalid);
        assertTrue(invalid.contains("aria-describedby=\"coin-p-error coin-p-help\" aria-invalid=\"true\""), invalid);
        assertFalse(invalid.contains("verdict"), "the last attempt's feedback is hidden after an invalid submission");
        assertFalse(invalid.contains("<div class=\"notice notice-error\" role=\"alert\">Not checked"), "the summary says it once");
    }

    @Test
    void eachKindOfAnswerGetsItsInput() {
        ExerciseSpec spec = spec("Coin", 0);
        ExerciseView v = view(spec, List.of(
                field("s", "number", "", null, new ExerciseSpec.Input("slider", 0, 1)),
                field("f", "formula", "k/n", null, ExerciseSpec.Input.TEXT),
                field("c", "choice", "1", null, ExerciseSpec.Input.TEXT),
                field("v", "vector", "1, 2", null, ExerciseSpec.Input.TEXT)), null, Integer.MAX_VALUE, false, false);
        String html = ExerciseHtml.render(v, null, "tok", false);
        assertTrue(html.contains("<input type=\"range\" id=\"coin-s\" name=\"answer_s\" min=\"0.0\" max=\"1.0\" step=\"0.001\" value=\"0.5\""), html);
        assertTrue(html.contains("<output class=\"slider-value\" for=\"coin-s\">0.5</output>"));
        assertTrue(html.contains("a formula in <code>k, n</code>"));
        assertTrue(html.contains("<input type=\"radio\" name=\"answer_c\" value=\"1\" checked=\"checked\"> <span>two</span>"), html);
        assertTrue(html.contains("<input type=\"radio\" name=\"answer_c\" value=\"0\"> <span><span>one</span></span>"));
        assertTrue(html.contains("name=\"answer_v\" value=\"1, 2\""));
        assertFalse(html.contains("attempt(s) left"), "no limit, no count");
    }

    @Test
    void scoresAreWholePercentagesRoundedHalfToEven() {
        assertEquals("70", ExerciseHtml.percent(0.7));
        assertEquals("33", ExerciseHtml.percent(1.0 / 3));
        assertEquals("0", ExerciseHtml.percent(0));
        assertEquals("100", ExerciseHtml.percent(1));
    }
}
