package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/**
 * An interval [low, high], such as a confidence or credible interval: two numbers, the lower end
 * first; each end is compared with the reference's within the tolerance. An interval whose lower end
 * is above its upper end is not an answer (it costs no attempt).
 */
public final class IntervalAnswer implements AnswerType {
    IntervalAnswer() {
    }

    @Override
    public String name() {
        return "interval";
    }

    @Override
    public String referenceProblem(String reference) {
        if (!References.NAMES.contains(reference)) return null;
        return References.isInterval(reference) ? null : "reference '" + reference + "' is not an interval: type interval needs one such as bernoulli.wald.interval";
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
    public String outsideDomain(AnswerSpec a, Object value, ExerciseInstance instance) {
        return NumericGrading.outsideDomain(a, (double[]) value, instance);
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        return NumericGrading.grade(a, given, (double[]) value, instance);
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return "two numbers, lower end first, e.g. [0.31, 0.58]; each end " + a.tolerance().describe();
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return "[" + NumericGrading.typed(instance.references().get(a.name()), ", ") + "]";
    }
}
