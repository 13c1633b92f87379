package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/** One number, typed (arithmetic such as {@code 7/10} allowed) or picked on a slider. */
public final class NumberAnswer extends NumericAnswer {
    NumberAnswer() {
        super("number", false);
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return AnswerParser.number(raw);
    }

    @Override
    double[] numbers(Object parsed) {
        return new double[]{(Double) parsed};
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return a.grading() == ExerciseSpec.Grading.LIKELIHOOD
                ? "accepted when the log-likelihood is within " + a.likelihoodTolerance() + " of its maximum"
                : a.tolerance().describe();
    }
}
