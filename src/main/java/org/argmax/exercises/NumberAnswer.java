package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/** One number, typed (arithmetic such as {@code 7/10} allowed) or picked on a slider. */
public final class NumberAnswer implements AnswerType {
    NumberAnswer() {
    }

    @Override
    public String name() {
        return "number";
    }

    @Override
    public String referenceProblem(String reference) {
        return NumericGrading.referenceShapeProblem(reference, false);
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return AnswerParser.number(raw);
    }

    @Override
    public String outsideDomain(AnswerSpec a, Object value, ExerciseInstance instance) {
        return NumericGrading.outsideDomain(a, new double[]{(Double) value}, instance);
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        return NumericGrading.grade(a, given, new double[]{(Double) value}, instance);
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return a.grading() == ExerciseSpec.Grading.LIKELIHOOD
                ? "accepted when the log-likelihood is within " + a.likelihoodTolerance() + " of its maximum"
                : a.tolerance().describe();
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return NumericGrading.typed(instance.references().get(a.name()), ", ");
    }
}
