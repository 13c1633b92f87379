package org.argmax.exercises;

import java.util.ArrayList;
import java.util.List;

/** Reads what a learner typed into numbers; simple arithmetic like {@code 7/10} or {@code sqrt(2)} is allowed. */
public final class AnswerParser {
    private AnswerParser() {
    }

    public static double number(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new InvalidAnswerException("Type a number first.");
        if (t.matches("-?\\d+,\\d+")) throw new InvalidAnswerException("Use a point for decimals: " + t.replace(',', '.') + ", not " + t + ".");
        double v = Formulas.evaluate(Formulas.parse(t, List.of()), java.util.Map.of());
        if (!Double.isFinite(v)) throw new InvalidAnswerException("'" + t + "' is not a finite number.");
        return v;
    }

    /** Numbers separated by commas, semicolons or spaces, optionally in brackets: {@code [0.2, 0.3, 0.5]}. */
    public static double[] vector(String text, int expectedLength) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("[") || t.startsWith("(")) t = t.substring(1);
        if (t.endsWith("]") || t.endsWith(")")) t = t.substring(0, t.length() - 1);
        if (t.isBlank()) throw new InvalidAnswerException("Type " + expectedLength + " numbers separated by commas.");
        List<Double> out = new ArrayList<>();
        for (String part : t.split("[,;\\s]+")) {
            if (part.isEmpty()) continue;
            out.add(number(part));
        }
        if (out.size() != expectedLength) {
            throw new InvalidAnswerException("Expected " + expectedLength + " numbers separated by commas, got " + out.size()
                    + (t.matches(".*\\d,\\d.*") ? " (use a point for decimals: 0.7, not 0,7)" : "") + ".");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
