package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/** Several numbers separated by commas, compared one by one (in any order with {@code grading: unordered}). */
public final class VectorAnswer implements AnswerType {
    VectorAnswer() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String referenceProblem(String reference) {
        return NumericGrading.referenceShapeProblem(reference, true);
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return AnswerParser.vector(raw, instance.references().get(a.name()).length);
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
        return "numbers separated by commas; " + a.tolerance().describe();
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return NumericGrading.typed(instance.references().get(a.name()), ", ");
    }
}
