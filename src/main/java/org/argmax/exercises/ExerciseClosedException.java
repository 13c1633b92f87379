package org.argmax.exercises;

/** A submission that cannot be taken: no attempts left, already solved, or the answer was shown. */
public class ExerciseClosedException extends RuntimeException {
    public ExerciseClosedException(String message) {
        super(message);
    }
}
