package org.argmax.exercises;

/**
 * Which variant of an exercise a learner works on, whether they asked to see its answer, and whether
 * they ever did so on any variant ({@code gaveUp}: later right answers are graded but not scored).
 */
public record ExerciseState(int variant, boolean revealed, boolean gaveUp) {
    public static final ExerciseState FIRST = new ExerciseState(0, false, false);
}
