package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/** Several numbers separated by commas, compared one by one (in any order with {@code grading: unordered}). */
public final class VectorAnswer extends NumericAnswer {
    VectorAnswer() {
        super("vector", true);
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return AnswerParser.vector(raw, instance.references().get(a.name()).length);
    }

    @Override
    double[] numbers(Object parsed) {
        return (double[]) parsed;
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return "numbers separated by commas; " + a.tolerance().describe();
    }
}
