package org.argmax.exercises;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The learner's input is not an answer at all: unreadable ("0,7", "abc", "()"), the wrong number of
 * values, or outside the answer's {@link AnswerDomain} (a probability of −0.5). It costs no attempt
 * and is never stored. {@link #problems()} names every field's problem, in the exercise's order;
 * {@link #getMessage()} joins them ("p: A probability lies between 0 and 1; you gave -0.5. q: …"),
 * without the field name when the exercise has one answer.
 */
public class InvalidAnswerException extends RuntimeException {
    private final Map<String, String> problems;

    /** A problem not tied to a field (or before the field is known). */
    public InvalidAnswerException(String message) {
        super(message);
        this.problems = Map.of();
    }

    /** Every field's problem: answer name → message; {@code labelled} puts the names in {@link #getMessage()}. */
    public InvalidAnswerException(Map<String, String> problems, boolean labelled) {
        super(join(problems, labelled));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** Answer name → what is wrong with it; empty when the problem is not tied to a field. */
    public Map<String, String> problems() {
        return problems;
    }

    private static String join(Map<String, String> problems, boolean labelled) {
        if (problems.isEmpty()) throw new IllegalArgumentException("an invalid answer needs at least one problem");
        return problems.entrySet().stream().map(e -> labelled ? e.getKey() + ": " + e.getValue() : e.getValue())
                .collect(Collectors.joining(" "));
    }
}
