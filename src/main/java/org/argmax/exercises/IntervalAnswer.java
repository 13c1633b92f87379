package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/**
 * An interval [low, high], such as a confidence or credible interval: two numbers, the lower end
 * first; each end is compared with the reference's within the tolerance. An interval whose lower end
 * is above its upper end is not an answer (it costs no attempt).
 */
public final class IntervalAnswer extends NumericAnswer {
    IntervalAnswer() {
        super("interval", true);
    }

    @Override
    public String referenceProblem(String reference, References references) {
        if (!references.contains(reference)) return null;
        return references.isInterval(reference) ? null : "reference '" + reference + "' is not an interval: type interval needs one such as bernoulli.wald.interval";
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        double[] ends = AnswerParser.vector(raw, 2);
        if (ends[0] > ends[1]) {
            throw new InvalidAnswerException("Write the lower end first: [" + DataPreview.format(ends[1]) + ", " + DataPreview.format(ends[0]) + "].");
        }
        return ends;
    }

    @Override
    double[] numbers(Object parsed) {
        return (double[]) parsed;
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return "two numbers, lower end first, e.g. [0.31, 0.58]; each end " + a.tolerance().describe();
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return "[" + super.reveal(a, instance) + "]";
    }
}
