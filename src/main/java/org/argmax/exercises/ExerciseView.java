package org.argmax.exercises;

import java.util.List;

/**
 * Everything the exercise fragment shows one person. {@code revealedAnswers} is filled only once
 * the learner solved the exercise or gave up: the reference never reaches the browser before.
 */
public record ExerciseView(ExerciseSpec spec, String promptHtml, boolean signedIn, String dataPreview, int n,
                           List<AnswerField> fields, List<Attempt> attempts, Attempt lastAttempt, int attemptsLeft,
                           boolean solved, boolean revealed, boolean closed, Double bestScore,
                           List<String> revealedAnswers, int variant, boolean practiceOnly) {


    /** One input of the form. */
    public record AnswerField(String name, String labelHtml, String type, String tolerance, List<String> hints,
                              List<String> choices, List<String> variables, String lastValue, ExerciseSpec.Input input) {
    }

    public boolean unlimited() {
        return spec.maxAttempts() == 0;
    }
}
