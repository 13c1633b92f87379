package org.argmax.exercises;

import org.argmax.markdown.Html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The exercise as HTML: its prompt and data, the form with one input per answer (each kind of
 * answer draws its own, see {@link #input}), the feedback on the last attempt and the further
 * actions. Every page that shows an exercise (the lesson, the exercise's own page) and the JSON
 * answer to a submission use it.
 * <p>
 * Written in Java rather than as a Thymeleaf fragment because a JSON submission re-renders it on the
 * grading path: the template's ~80 OGNL expressions cost about a third of a submission's CPU and
 * allocation (BENCHMARKS.md, "Grading under a class's load"). Text goes through {@link Html#escape};
 * only the prompt, labels, hints and choices, which are our own Markdown rendered to HTML, are
 * written as they are.
 */
public final class ExerciseHtml {
    private final Latin1Out out;
    private final ExerciseView exercise;
    private final String id;
    private final String csrfToken;
    private final boolean standalone;

    private ExerciseHtml(Latin1Out out, ExerciseView exercise, String csrfToken, boolean standalone) {
        this.out = out;
        this.exercise = exercise;
        this.id = exercise.spec().id();
        this.csrfToken = csrfToken == null ? "" : csrfToken;
        this.standalone = standalone;
    }

    /**
     * {@code error}: a message shown above the form (null for none); {@code csrfToken}: the session's,
     * put in every form; {@code standalone}: on the exercise's own page (a heading of the first level,
     * and forms that come back to that page) rather than in its lesson.
     */
    public static String render(ExerciseView exercise, String error, String csrfToken, boolean standalone) {
        Latin1Out out = Latin1Out.forThisThread();
        try {
            new ExerciseHtml(out, exercise, csrfToken, standalone).section(error);
            return out.toString();
        } finally {
            out.release();
        }
    }

    private void section(String error) {
        ExerciseSpec spec = exercise.spec();
        out.append("<section class=\"exercise\"");
        attr("id", "exercise-" + id);
        attr("data-exercise", id);
        attr("aria-label", spec.title());
        out.append(">\n");
        String heading = standalone ? "h1" : "h3";
        out.append("  <").append(heading).append(" class=\"exercise-title\"><span class=\"eyebrow\">Exercise</span> <span>");
        text(spec.title());
        out.append("</span></").append(heading).append(">\n");
        out.append("  <div class=\"exercise-prompt\">").append(exercise.promptHtml()).append("</div>\n");
        if (spec.buildsUp()) {
            out.append("  <p class=\"notice builds-up\"><strong>This exercise builds up.</strong> Its parts come one after another"
                    + " on one form, and you can check them together at any time. A part that uses an earlier answer is graded with"
                    + " your own earlier value when that one is wrong (error carried forward): one slip costs one part, not every"
                    + " part after it.</p>\n");
        }
        if (!exercise.signedIn()) signInNotice();
        if (exercise.dataPreview() != null) data();
        if (error != null && !exercise.invalidSubmission()) {
            out.append("  <div class=\"notice notice-error\" role=\"alert\">");
            text(error);
            out.append("</div>\n");
        }
        if (exercise.invalidSubmission()) invalidSummary();
        if (exercise.signedIn()) form();
        feedback();
        if (exercise.signedIn()) more();
        out.append("</section>");
    }

    private void signInNotice() {
        String next = "?next=%2Fexercises%2F" + id;
        if (exercise.dataPreview() == null) {
            out.append("  <p class=\"notice\"><a");
            attr("href", "/signin" + next);
            out.append(">Sign in</a> or <a");
            attr("href", "/signup" + next);
            out.append(">create an account</a> to submit an answer and keep your progress.</p>\n");
        } else {
            out.append("  <p class=\"notice\">This is example data. <a");
            attr("href", "/signin" + next);
            out.append(">Sign in</a> or <a");
            attr("href", "/signup" + next);
            out.append(">create an account</a> to get data of your own, submit answers and keep your progress.</p>\n");
        }
    }

    private void data() {
        out.append("  <div class=\"exercise-data\">\n    <p class=\"meta\"><span>")
                .append(exercise.signedIn() ? "Your data" : "Example data").append("</span> (<span>").append(exercise.n())
                .append("</span> values");
        if (exercise.signedIn()) {
            out.append(", <a");
            attr("href", "/exercises/" + id + "/data.csv");
            out.append(">download as CSV</a>");
        }
        out.append("):</p>\n    <pre class=\"data\" tabindex=\"0\">");
        text(exercise.dataPreview());
        out.append("</pre>\n  </div>\n");
    }

    private void invalidSummary() {
        List<ExerciseView.AnswerField> fields = exercise.fields();
        out.append("  <div class=\"notice notice-error invalid-summary\" role=\"alert\" tabindex=\"-1\">\n"
                + "    <p><strong>Not checked, and no attempt used:</strong> ");
        if (fields.size() == 1) text(fields.get(0).error());
        out.append("</p>\n");
        if (fields.size() > 1) {
            out.append("    <ul>\n");
            for (ExerciseView.AnswerField f : fields) {
                if (f.error() == null) continue;
                out.append("      <li><a");
                attr("href", "#" + id + "-" + f.name());
                out.append('>');
                text(f.name());
                out.append("</a>: <span>");
                text(f.error());
                out.append("</span></li>\n");
            }
            out.append("    </ul>\n");
        }
        out.append("  </div>\n");
    }

    private void form() {
        out.append("  <form class=\"exercise-form\" method=\"post\"");
        attr("action", "/exercises/" + id + "/submit");
        out.append(">\n");
        hiddenFields();
        for (ExerciseView.AnswerField f : exercise.fields()) {
            out.append("    <div class=\"answer-field\">\n      <label");
            attr("for", id + "-" + f.name());
            out.append("><span>").append(f.labelHtml()).append("</span></label>\n      ");
            input(f);
            out.append('\n');
            if (f.error() != null) {
                out.append("      <p class=\"field-error\"");
                attr("id", id + "-" + f.name() + "-error");
                out.append('>');
                text(f.error());
                out.append("</p>\n");
            }
            if (!f.hints().isEmpty()) {
                out.append("      <details class=\"hints\">\n        <summary>Hint</summary>\n");
                for (String h : f.hints()) out.append("        <p>").append(h).append("</p>\n");
                out.append("      </details>\n");
            }
            out.append("    </div>\n");
        }
        out.append("    <p class=\"exercise-actions\">\n      <button type=\"submit\"");
        flag("disabled", exercise.closed());
        out.append(">Check my answer</button>\n");
        if (!exercise.unlimited() && !exercise.closed()) {
            out.append("      <span class=\"meta\"><span>").append(exercise.attemptsLeft()).append("</span> attempt(s) left</span>\n");
        }
        out.append("    </p>\n  </form>\n");
    }

    private void hiddenFields() {
        out.append("    <input type=\"hidden\" name=\"_csrf\"");
        attr("value", csrfToken);
        out.append(">\n");
        if (standalone) out.append("    <input type=\"hidden\" name=\"from\" value=\"exercise\">\n");
    }

    /** The input of one kind of answer ({@link AnswerType#name}); each is described by its help text and, after an invalid submission, by its error. */
    private void input(ExerciseView.AnswerField f) {
        switch (f.type()) {
            case "number" -> number(f);
            case "formula" -> {
                textInput(f);
                out.append("\n      <span class=\"answer-help meta\"");
                attr("id", helpId(f));
                out.append(">a formula in <code>");
                text(String.join(", ", f.variables()));
                out.append("</code></span>");
            }
            case "choice" -> choice(f);
            case "trace" -> trace(f, (TraceAnswer.TraceView) f.extra());
            default -> { // vector, interval and any kind drawn as a line of text with its help
                textInput(f);
                help(f);
            }
        }
    }

    private String helpId(ExerciseView.AnswerField f) {
        return id + "-" + f.name() + "-help";
    }

    private void help(ExerciseView.AnswerField f) {
        out.append("\n      <span class=\"answer-help meta\"");
        attr("id", helpId(f));
        out.append('>');
        text(f.tolerance());
        out.append("</span>");
    }

    /** The input's own attributes: id, name, disabled, and what describes it. */
    private void common(ExerciseView.AnswerField f) {
        attr("id", id + "-" + f.name());
        attr("name", "answer_" + f.name());
    }

    private void describedBy(ExerciseView.AnswerField f) {
        flag("disabled", exercise.closed());
        attr("aria-describedby", f.error() == null ? helpId(f) : id + "-" + f.name() + "-error " + helpId(f));
        if (f.error() != null) attr("aria-invalid", "true");
    }

    private void textInput(ExerciseView.AnswerField f) {
        out.append("<input type=\"text\" autocomplete=\"off\" spellcheck=\"false\"");
        common(f);
        attr("value", f.lastValue());
        describedBy(f);
        out.append('>');
    }

    private void number(ExerciseView.AnswerField f) {
        ExerciseSpec.Input input = f.input();
        if (!input.isSlider()) {
            textInput(f);
            help(f);
            return;
        }
        String value = f.lastValue() == null || f.lastValue().isEmpty() ? String.valueOf((input.min() + input.max()) / 2) : f.lastValue();
        out.append("<div class=\"slider-answer\"");
        attr("data-min", String.valueOf(input.min()));
        attr("data-max", String.valueOf(input.max()));
        out.append(">\n        <input type=\"range\"");
        common(f);
        attr("min", String.valueOf(input.min()));
        attr("max", String.valueOf(input.max()));
        attr("step", String.valueOf(input.step()));
        attr("value", value);
        describedBy(f);
        out.append(">\n        <output class=\"slider-value\"");
        attr("for", id + "-" + f.name());
        out.append('>');
        text(value);
        out.append("</output>\n        <div class=\"widget-canvas slider-chart\"><canvas aria-label=\"Log-likelihood of your data as θ varies\"></canvas></div>");
        help(f);
        out.append("\n      </div>");
    }

    private void choice(ExerciseView.AnswerField f) {
        out.append("<fieldset class=\"choices\"");
        if (f.error() != null) attr("aria-describedby", id + "-" + f.name() + "-error");
        out.append(">\n        <legend class=\"visually-hidden\">").append(f.labelHtml()).append("</legend>\n");
        List<String> choices = f.choices();
        for (int i = 0; i < choices.size(); i++) {
            out.append("        <label class=\"choice\">\n          <input type=\"radio\"");
            attr("name", "answer_" + f.name());
            attr("value", String.valueOf(i));
            flag("checked", String.valueOf(i).equals(f.lastValue()));
            flag("disabled", exercise.closed());
            out.append("> <span>").append(choices.get(i)).append("</span>\n        </label>\n");
        }
        out.append("      </fieldset>");
    }

    /**
     * An implementation lab's run: the downloads, both file formats, a text area the learner pastes
     * into or fills from a file ({@code static/js/labs.js} reads it in the browser), the chart of the
     * learner's trace over the core's after a submission, and the worked solution once shown.
     */
    private void trace(ExerciseView.AnswerField f, TraceAnswer.TraceView v) {
        out.append("<div class=\"trace-answer\">\n");
        if (exercise.signedIn()) {
            out.append("        <p class=\"lab-downloads meta\">Download your <a");
            attr("href", "/exercises/" + id + "/data.csv");
            out.append(">data (CSV)</a> or your <a");
            attr("href", "/exercises/" + id + "/start.json");
            out.append(">data and starting points (JSON)</a>.</p>\n");
        }
        out.append("        <details class=\"trace-formats\">\n          <summary>What to upload: CSV or JSON</summary>\n"
                + "          <p>CSV: an optional header, one row per iteration (<code>");
        text("iteration," + v.traceName());
        out.append("</code>, numbered from 1 to <span>").append(v.iterations()).append("</span>: the value <em>after</em> that"
                + " iteration), then one row per final parameter, its name first. Lines starting with <code>#</code> are ignored.</p>\n"
                + "          <pre class=\"data\">");
        text(v.csvExample());
        out.append("</pre>\n          <p>JSON: one object with the <span>").append(v.iterations())
                .append("</span> values and one list per parameter.</p>\n          <pre class=\"data\">");
        text(v.jsonExample());
        out.append("</pre>\n          <p>Numbers with a point for decimals, as many digits as your program prints; <code>nan</code>,"
                + " <code>inf</code> and <code>-inf</code> (or <code>NaN</code>, <code>-Infinity</code>) are read as such.</p>\n"
                + "        </details>\n        <textarea rows=\"10\" spellcheck=\"false\" autocomplete=\"off\" class=\"trace-input\"");
        common(f);
        describedBy(f);
        out.append('>');
        text(f.lastValue());
        out.append("</textarea>\n");
        if (!exercise.closed()) {
            out.append("        <p class=\"trace-upload\"><label>Or read a file into the box: <input type=\"file\" class=\"trace-file\""
                    + " accept=\".csv,.json,.txt,text/csv,application/json,text/plain\"");
            attr("data-target", id + "-" + f.name());
            out.append("></label></p>\n");
        }
        out.append("        <span class=\"answer-help meta\"");
        attr("id", helpId(f));
        out.append('>');
        text(f.tolerance());
        out.append("</span>\n");
        if (v.learnerTrace() != null || v.coreTrace() != null) {
            out.append("        <div class=\"widget-canvas trace-chart\"");
            if (v.learnerTrace() != null) attr("data-learner", v.learnerTrace());
            if (v.coreTrace() != null) attr("data-core", v.coreTrace());
            if (v.traceLabel() != null) attr("data-label", v.traceLabel());
            out.append(">\n          <canvas role=\"img\"");
            attr("aria-label", "Your " + v.traceLabel() + " per iteration, drawn over the core's run");
            out.append("></canvas>\n        </div>\n");
        }
        if (v.solution() != null) {
            out.append("        <details class=\"trace-solution\">\n          <summary>A worked implementation in Python</summary>\n"
                    + "          <pre class=\"data\" tabindex=\"0\"><code>");
            text(v.solution());
            out.append("</code></pre>\n        </details>\n");
        }
        out.append("      </div>");
    }

    private void feedback() {
        ExerciseSpec spec = exercise.spec();
        out.append("  <div class=\"feedback\" aria-live=\"polite\">\n");
        if (exercise.lastAttempt() != null && !exercise.invalidSubmission()) {
            for (Grade.AnswerVerdict v : exercise.lastAttempt().verdicts()) {
                out.append("    <div");
                attr("class", v.correct() ? "notice notice-ok verdict" : "notice notice-error verdict");
                attr("data-answer", v.name());
                if (v.rule() != null) attr("data-rule", v.rule());
                out.append("><strong>");
                text(exercise.verdictHeadline(v));
                out.append("</strong>");
                if (exercise.fields().size() > 1) {
                    out.append("<span>");
                    text(" (" + v.name() + ")");
                    out.append("</span>");
                }
                String detail = exercise.verdictDetail(v);
                out.append("<span>");
                text(detail.isEmpty() ? "." : ". " + detail);
                out.append("</span></div>\n");
            }
        }
        if (exercise.solved()) {
            out.append("    <p class=\"notice notice-state state-solved\"><strong>Solved.</strong> ")
                    .append(exercise.practiceOnly() ? "This was practice: it is not scored." : "Well done: this exercise is done.")
                    .append("</p>\n");
        }
        if (exercise.closed() && !exercise.solved() && !exercise.revealed()) {
            out.append("    <p class=\"notice notice-state state-out\"><strong>No attempts left on this data.</strong> You used all ")
                    .append(spec.maxAttempts()).append(" attempts.");
            if (spec.offersNewData()) {
                out.append(" Ask for new data below to try again");
                if (spec.giveUp()) out.append(", or give up to see the answer");
                out.append('.');
            } else if (spec.giveUp()) {
                out.append(" You can still give up to see the answer.");
            }
            out.append("</p>\n");
        }
        if (exercise.revealed() && !exercise.solved()) {
            out.append("    <p class=\"notice notice-state state-given-up\"><strong>You gave up on this data</strong>, so its answer is shown below.");
            if (spec.offersNewData()) {
                out.append(" Ask for new data to practise: answers on new data are checked for practice and not scored.");
            }
            out.append("</p>\n");
        }
        if (exercise.practiceOnly()) {
            out.append("    <p class=\"notice notice-state practice-only\"><strong>Practice:</strong> you saw the answer to this exercise"
                    + " earlier, so answers on new data are checked for practice and not scored.</p>\n");
        }
        if (exercise.bestScore() != null) {
            out.append("    <p class=\"meta\">Best score so far: <span>").append(percent(exercise.bestScore())).append("</span> %</p>\n");
        }
        if (!exercise.revealedAnswers().isEmpty()) {
            out.append("    <div class=\"revealed\">\n      <p><strong>The answer:</strong>\n");
            for (String a : exercise.revealedAnswers()) {
                out.append("        <span><code>");
                text(a);
                out.append("</code> </span>\n");
            }
            out.append("      </p>\n    </div>\n");
        }
        out.append("  </div>\n");
    }

    private void more() {
        ExerciseSpec spec = exercise.spec();
        out.append("  <div class=\"exercise-more\">\n");
        if (spec.offersNewData()) {
            out.append("    <form method=\"post\"");
            attr("action", "/exercises/" + id + "/variant");
            out.append(">\n");
            hiddenFields();
            out.append("      <button type=\"submit\" class=\"secondary\"");
            flag("disabled", exercise.newDataUsedUp());
            out.append(">New data</button>\n");
            if (spec.newData() > 0) {
                out.append("      <span class=\"meta new-data-used\">").append(exercise.newDataUsed()).append(" of ")
                        .append(spec.newData()).append(" new data sets used</span>\n");
            }
            out.append("    </form>\n");
        }
        if (spec.giveUp() && !exercise.solved() && !exercise.revealed()) {
            out.append("    <details class=\"give-up\">\n      <summary>Give up and show the answer…</summary>\n      <form method=\"post\"");
            attr("action", "/exercises/" + id + "/reveal");
            out.append(">\n");
            hiddenFields();
            out.append("        <p>You will see the answer to this data and cannot submit on it any more. After that, answers on new"
                    + " data are checked for practice and not scored.</p>\n"
                    + "        <button type=\"submit\" class=\"danger\">Yes, show me the answer</button>\n      </form>\n    </details>\n");
        }
        out.append("  </div>\n");
    }

    /** The best score as a whole percentage, rounded half to even as the template's {@code #numbers.formatDecimal} did. */
    static String percent(double score) {
        return new BigDecimal(score * 100).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    private void attr(String name, String value) {
        out.append(' ').append(name).append("=\"");
        text(value);
        out.append('"');
    }

    private void flag(String name, boolean on) {
        if (on) out.append(' ').append(name).append("=\"").append(name).append('"');
    }

    private void text(String s) {
        Html.escapeLatin1To(out.html, s);
    }

    /**
     * The HTML being written, with every character beyond Latin-1 as a numeric character reference
     * ({@link Html#latin1To}): the builder and the string made from it keep one byte per character
     * (a single λ in a prompt made both two bytes per character, a third of a JSON answer's allocation).
     */
    private static final class Latin1Out {
        /** An exercise is 5-15 kB: no regrowing copies. */
        private static final int CAPACITY = 16_384;
        /**
         * One buffer per request thread, used again: a new 16 kB buffer per JSON answer was a twentieth of all
         * the grading path allocated, and allocation sets how often young collections pause the server.
         */
        private static final ThreadLocal<Latin1Out> REUSED = ThreadLocal.withInitial(Latin1Out::new);

        final StringBuilder html = new StringBuilder(CAPACITY);
        private boolean inUse;

        /** This thread's buffer, empty; a new one should a rendering on this thread be under way (it is not reentrant). */
        static Latin1Out forThisThread() {
            Latin1Out out = REUSED.get();
            if (out.inUse) return new Latin1Out();
            out.inUse = true;
            out.html.setLength(0);
            return out;
        }

        /** Done with it: kept for the thread's next rendering unless an unusually large exercise grew it. */
        void release() {
            inUse = false;
            if (html.capacity() > 4 * CAPACITY) REUSED.remove();
        }

        Latin1Out append(String s) {
            Html.latin1To(html, s);
            return this;
        }

        Latin1Out append(char c) {
            if (c <= 0xFF) html.append(c);
            else Html.latin1To(html, String.valueOf(c));
            return this;
        }

        Latin1Out append(int i) {
            html.append(i);
            return this;
        }

        Latin1Out append(long l) {
            html.append(l);
            return this;
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }
}
