package org.argmax.exercises;

/** The learner's input could not be read (e.g. "0,7" or "abc"); it does not cost an attempt. */
public class InvalidAnswerException extends RuntimeException {
    public InvalidAnswerException(String message) {
        super(message);
    }
}
