package org.argmax.estimation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable fit of a distribution family. Closed forms report {@code iterations = 0} and
 * {@code converged = true}; numerical fits (gamma, beta) report their Newton iterations.
 */
public record Fit(String model, Map<String, Object> estimate, double logLikelihood, int n, int iterations,
                  boolean converged) implements Fitted {
    public Fit {
        estimate = Collections.unmodifiableMap(new LinkedHashMap<>(estimate));
    }

    static Fit closedForm(Family family, Map<String, Object> estimate, double logLikelihood, int n) {
        return new Fit(family.jsonName(), estimate, logLikelihood, n, 0, true);
    }

    /** A scalar parameter of the estimate. */
    public double get(String parameter) {
        Object v = estimate.get(parameter);
        if (!(v instanceof Double d)) throw new IllegalArgumentException(model + " has no scalar parameter '" + parameter + "'");
        return d;
    }

    public double[] vector(String parameter) {
        return ((double[]) estimate.get(parameter)).clone();
    }

    public double[][] matrix(String parameter) {
        double[][] m = (double[][]) estimate.get(parameter);
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) copy[i] = m[i].clone();
        return copy;
    }
}
