package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

/**
 * The kinds whose answer is numbers compared with a reference of the core (number, vector,
 * interval): they differ in how the typed text is read, which references fit and what the form says;
 * the domain check, the grading and the reveal are {@link NumericGrading}'s, the same for all three.
 */
public abstract sealed class NumericAnswer implements AnswerType permits NumberAnswer, VectorAnswer, IntervalAnswer {
    private final String name;
    private final boolean vector;

    /** {@code vector}: whether its reference gives several numbers (a vector or an interval) rather than one. */
    NumericAnswer(String name, boolean vector) {
        this.name = name;
        this.vector = vector;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String referenceProblem(String reference, References references) {
        return NumericGrading.referenceShapeProblem(reference, vector, references);
    }

    /** What {@link #parse} returned, as the numbers to compare. */
    abstract double[] numbers(Object parsed);

    @Override
    public String outsideDomain(AnswerSpec a, Object value, ExerciseInstance instance, References references) {
        return NumericGrading.outsideDomain(a, numbers(value), instance, references);
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        return NumericGrading.grade(a, given, numbers(value), instance);
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return NumericGrading.typed(instance.references().get(a.name()), ", ");
    }
}
