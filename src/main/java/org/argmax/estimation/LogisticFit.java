package org.argmax.estimation;

import java.util.LinkedHashMap;
import java.util.Map;

/** Logistic regression: coefficients intercept first; the log-likelihood is minus the cross-entropy (summed). */
public record LogisticFit(double[] coefficients, double logLikelihood, double crossEntropy, int n, double lambda,
                          int iterations, boolean converged) implements Fitted {
    public LogisticFit {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public String model() {
        return "logistic";
    }

    @Override
    public Map<String, Object> estimate() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("coefficients", coefficients.clone());
        return e;
    }
}
