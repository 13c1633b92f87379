package org.argmax.exercises;

import java.util.List;
import java.util.Map;

/**
 * Everything the exercise fragment shows one person. {@code revealedAnswers} is filled only once
 * the learner solved the exercise or gave up: the reference never reaches the browser before.
 */
public record ExerciseView(ExerciseSpec spec, String promptHtml, boolean signedIn, String dataPreview, int n,
                           List<AnswerField> fields, Attempt lastAttempt, int attemptsLeft,
                           boolean solved, boolean revealed, boolean closed, Double bestScore,
                           List<String> revealedAnswers, int variant, boolean practiceOnly) {


    /**
     * One input of the form. {@code lastValue} is what the input shows: the last attempt's answer, or
     * what the learner just typed when the submission was invalid; {@code error} is then this field's
     * problem (null when it has none); {@code extra} is what the kind's fragment needs beyond these
     * ({@link AnswerType#view}; null for most kinds).
     */
    public record AnswerField(String name, String labelHtml, String type, String tolerance, List<String> hints,
                              List<String> choices, List<String> variables, String lastValue, ExerciseSpec.Input input,
                              String error, Object extra) {
        public AnswerField(String name, String labelHtml, String type, String tolerance, List<String> hints,
                           List<String> choices, List<String> variables, String lastValue, ExerciseSpec.Input input) {
            this(name, labelHtml, type, tolerance, hints, choices, variables, lastValue, input, null, null);
        }

        public AnswerField(String name, String labelHtml, String type, String tolerance, List<String> hints,
                           List<String> choices, List<String> variables, String lastValue, ExerciseSpec.Input input, String error) {
            this(name, labelHtml, type, tolerance, hints, choices, variables, lastValue, input, error, null);
        }
    }

    /**
     * The view after an invalid submission, which was neither graded nor stored: every input shows what
     * was typed (valid fields too), and each field with a problem carries its message.
     */
    public ExerciseView withInvalidSubmission(Map<String, String> typed, Map<String, String> problems) {
        List<AnswerField> shown = fields.stream().map(f -> new AnswerField(f.name(), f.labelHtml(), f.type(), f.tolerance(), f.hints(),
                f.choices(), f.variables(), typed.getOrDefault(f.name(), ""), f.input(), problems.get(f.name()), f.extra())).toList();
        return new ExerciseView(spec, promptHtml, signedIn, dataPreview, n, shown, lastAttempt, attemptsLeft, solved, revealed,
                closed, bestScore, revealedAnswers, variant, practiceOnly);
    }

    /** Whether the form shows an invalid submission (its fields keep what was typed; the last attempt's feedback is hidden). */
    public boolean invalidSubmission() {
        return fields.stream().anyMatch(f -> f.error() != null);
    }

    public boolean unlimited() {
        return spec.maxAttempts() == 0;
    }

    /** New data sets drawn so far, as "n of N used" shows them (N = {@code new_data}; the variant counts draws). */
    public int newDataUsed() {
        return Math.min(variant, spec.newData());
    }

    /** Whether the author's cap on new data sets is reached (the New data button is then disabled). */
    public boolean newDataUsedUp() {
        return spec.newDataUsedUp(variant);
    }

    /** "Right" or "Not yet": the verdict, said once (the detail below no longer repeats it). */
    public String verdictHeadline(Grade.AnswerVerdict v) {
        return v.correct() ? "Right" : "Not yet";
    }

    /** The verdict's message without its own "Correct." / "Not quite:" opening, as a sentence; empty when nothing is left. */
    public String verdictDetail(Grade.AnswerVerdict v) {
        String m = v.message() == null ? "" : v.message().strip();
        for (String opening : new String[]{"Correct.", "Correct:", "Not quite:", "Not quite.", "Wrong:", "Wrong."}) {
            if (m.startsWith(opening)) {
                m = m.substring(opening.length()).strip();
                break;
            }
        }
        if (m.isEmpty()) return "";
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
