package org.argmax.exercises;

/** Which variant of an exercise a learner works on, and whether they asked to see the answer. */
public record ExerciseState(int variant, boolean revealed) {
    public static final ExerciseState FIRST = new ExerciseState(0, false);
}
