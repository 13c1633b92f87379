package org.argmax.estimation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A linear model y = β₀ + Σ βⱼ xⱼ + ε: coefficients intercept first, σ̂² = RSS/n (the MLE of the noise
 * variance), the Gaussian log-likelihood at the estimate, and for lasso the coordinate-descent
 * iterations.
 */
public record LinearFit(String model, double[] coefficients, double sigma2, double residualSumOfSquares,
                        double logLikelihood, int n, double lambda, int iterations, boolean converged) implements Fitted {
    public LinearFit {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return coefficients[0];
    }

    /** σ² with n − p in the denominator (p coefficients): the unbiased estimate learners often give instead. */
    public double unbiasedSigma2() {
        return residualSumOfSquares / (n - coefficients.length);
    }

    @Override
    public Map<String, Object> estimate() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("coefficients", coefficients.clone());
        e.put("sigma2", sigma2);
        return e;
    }
}
