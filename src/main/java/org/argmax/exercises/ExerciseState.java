package org.argmax.exercises;

/**
 * A learner's standing on one exercise, as its row in {@code exercise_state} keeps it: which variant
 * they work on, whether they asked to see its answer, whether they ever did so on any variant
 * ({@code gaveUp}: later right answers are graded but not scored), the attempts at this variant and
 * whether one was right, the wrong attempts on every variant (the penalty) and the best score so far
 * ({@code null} before the first attempt). The counts change only in the transaction that stores an
 * attempt, under the row's lock, so they equal what counting the stored attempts would give.
 */
public record ExerciseState(int variant, boolean revealed, boolean gaveUp, int attemptsOnVariant, boolean solvedVariant,
                            int wrongAttempts, Double bestScore) {
    public static final ExerciseState FIRST = new ExerciseState(0, false, false, 0, false, 0, null);

    /** The state once {@code attempt} is stored. */
    ExerciseState after(Attempt attempt) {
        boolean sameVariant = attempt.variant() == variant;
        return new ExerciseState(variant, revealed, gaveUp,
                attemptsOnVariant + (sameVariant ? 1 : 0), solvedVariant || (sameVariant && attempt.correct()),
                wrongAttempts + (attempt.correct() ? 0 : 1), bestScore == null ? attempt.score() : Math.max(bestScore, attempt.score()));
    }
}
