package org.argmax.exercises;

import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Formulas typed by learners and authors ({@code k/n}, {@code sum_x / n}, {@code sqrt(2)/2}),
 * parsed and evaluated with exp4j. {@code log} is the natural logarithm.
 */
public final class Formulas {
    private Formulas() {
    }

    /** Parses {@code text} allowing only {@code variables}; throws {@link InvalidAnswerException} with a learner-readable message. */
    public static Expression parse(String text, Collection<String> variables) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new InvalidAnswerException("Type a formula first.");
        if (t.matches(".*\\d,\\d.*")) throw new InvalidAnswerException("Use a point for decimals (0.7, not 0,7).");
        // exp4j accepts "()", "[]", "{}" and "(())" as complete and then fails evaluating them (EmptyStackException)
        if (t.replaceAll("[\\s()\\[\\]{}]", "").isEmpty()) throw new InvalidAnswerException("'" + t + "' has nothing inside its brackets: type a number or a formula.");
        Set<String> vars = new HashSet<>(variables);
        try {
            Expression e = new ExpressionBuilder(t).variables(vars).build();
            var validation = e.validate(false);
            if (!validation.isValid()) throw new InvalidAnswerException("'" + t + "' is not a complete formula: " + String.join("; ", validation.getErrors()));
            return e;
        } catch (net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException e) {
            String allowed = variables.isEmpty() ? "no variables are allowed here" : "you can use " + String.join(", ", variables.stream().sorted().toList());
            throw new InvalidAnswerException("'" + e.getToken() + "' is not a known variable or function in '" + t + "' (" + allowed + ").");
        } catch (InvalidAnswerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidAnswerException("'" + t + "' could not be read as a formula: " + e.getMessage());
        }
    }

    public static double evaluate(Expression e, Map<String, Double> values) {
        e.setVariables(values);
        try {
            return e.evaluate();
        } catch (ArithmeticException | java.util.EmptyStackException ex) {
            return Double.NaN;
        }
    }

    /** Null when the formula parses with these variables, otherwise what is wrong (for {@code check}). */
    public static String validate(String text, Collection<String> variables) {
        try {
            parse(text, variables);
            return null;
        } catch (InvalidAnswerException e) {
            return e.getMessage();
        }
    }
}
