package org.argmax.exercises;

/** No exercise has this id; the web layer answers 404. */
public class UnknownExerciseException extends RuntimeException {
    public UnknownExerciseException(String id) {
        super("There is no exercise called '" + id + "'.");
    }
}
