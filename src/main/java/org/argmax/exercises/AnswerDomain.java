package org.argmax.exercises;

/**
 * The values an answer can take at all, whatever the data: a probability lies in [0, 1], a variance
 * is not negative, probabilities over categories add up to 1. A value outside the domain is not a
 * wrong answer but an invalid one: the learner is told why and no attempt is used. Each reference
 * declares its domain in {@link ReferenceDomains}; {@code quantity} names it in messages
 * ("a variance", "a log-likelihood of discrete data").
 */
public record AnswerDomain(Kind kind, String quantity) {
    public enum Kind {
        /** Any finite number. */
        REAL,
        /** Strictly above 0 (a rate of an exponential, a gamma shape). */
        POSITIVE,
        /** 0 or above (a variance, a count's mean, a sum of squares). */
        NON_NEGATIVE,
        /** 0 or below (the log of a probability). */
        NON_POSITIVE,
        /** In [0, 1]. */
        PROBABILITY,
        /** A vector of probabilities, each in [0, 1], adding up to 1. */
        SIMPLEX
    }

    /** Sums of a simplex may miss 1 by this much per component (rounded answers), at least. */
    static final double SIMPLEX_SLACK_PER_COMPONENT = 1e-3;

    public AnswerDomain {
        if (kind == null || quantity == null || quantity.isBlank()) throw new IllegalArgumentException("a domain needs a kind and a quantity");
    }

    public static AnswerDomain real(String quantity) {
        return new AnswerDomain(Kind.REAL, quantity);
    }

    public static AnswerDomain positive(String quantity) {
        return new AnswerDomain(Kind.POSITIVE, quantity);
    }

    public static AnswerDomain nonNegative(String quantity) {
        return new AnswerDomain(Kind.NON_NEGATIVE, quantity);
    }

    public static AnswerDomain nonPositive(String quantity) {
        return new AnswerDomain(Kind.NON_POSITIVE, quantity);
    }

    public static AnswerDomain probability(String quantity) {
        return new AnswerDomain(Kind.PROBABILITY, quantity);
    }

    public static AnswerDomain simplex(String quantity) {
        return new AnswerDomain(Kind.SIMPLEX, quantity);
    }

    /**
     * Null when {@code value} lies in the domain, otherwise what is wrong, for the learner
     * ("a probability lies between 0 and 1; you gave -0.5."). {@code tolerance} is the answer's:
     * a simplex may miss a sum of 1 by what rounding every component within it allows.
     */
    public String problem(double[] value, Tolerance tolerance) {
        String p = kind == Kind.SIMPLEX ? simplexProblem(value, tolerance) : componentProblem(value);
        return p == null ? null : Character.toUpperCase(p.charAt(0)) + p.substring(1);
    }

    private String componentProblem(double[] value) {
        for (int i = 0; i < value.length; i++) {
            String p = scalarProblem(value[i]);
            if (p != null) return p + (value.length > 1 ? "; number " + (i + 1) + " is " : "; you gave ") + DataPreview.format(value[i]) + ".";
        }
        return null;
    }

    private String scalarProblem(double v) {
        if (!Double.isFinite(v)) return quantity + " is a finite number";
        return switch (kind) {
            case REAL, SIMPLEX -> null;
            case POSITIVE -> v > 0 ? null : quantity + " is above 0";
            case NON_NEGATIVE -> v >= 0 ? null : quantity + " cannot be negative";
            case NON_POSITIVE -> v <= 0 ? null : quantity + " cannot be above 0";
            case PROBABILITY -> v >= 0 && v <= 1 ? null : quantity + " lies between 0 and 1";
        };
    }

    private String simplexProblem(double[] value, Tolerance tolerance) {
        double sum = 0;
        for (int i = 0; i < value.length; i++) {
            double v = value[i];
            if (!(v >= 0 && v <= 1)) {
                return "each of " + quantity + " lies between 0 and 1; number " + (i + 1) + " is " + DataPreview.format(v) + ".";
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > simplexSlack(value.length, tolerance)) {
            return quantity + " add up to 1; yours add up to " + DataPreview.format(sum) + ".";
        }
        return null;
    }

    /** How far from 1 the sum of {@code k} probabilities may be: every component rounded within the tolerance. */
    static double simplexSlack(int k, Tolerance tolerance) {
        double perComponent = tolerance == null ? 0 : tolerance.allowance(1.0 / Math.max(1, k));
        return k * Math.max(SIMPLEX_SLACK_PER_COMPONENT, perComponent) + 1e-12;
    }
}
