package org.argmax.exercises;

/** An exercise whose ranges give no gradeable data for a seed: a content problem, found by {@code check}. */
public final class UngradeableException extends RuntimeException {
    public UngradeableException(String message) {
        super(message);
    }
}
