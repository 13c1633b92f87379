package org.argmax.estimation;

/**
 * Information criteria for choosing between fitted models: −2ℓ̂ plus a charge per free parameter p.
 * The smaller value wins. AIC (Akaike) charges 2, BIC (Schwarz) log n, more than AIC once n ≥ 8.
 */
public final class InformationCriteria {
    private InformationCriteria() {
    }

    /** AIC = −2ℓ̂ + 2p. */
    public static double aic(double logLikelihood, int parameters) {
        return -2 * logLikelihood + 2 * parameters;
    }

    /** BIC = −2ℓ̂ + p·log n. */
    public static double bic(double logLikelihood, int parameters, int n) {
        if (n < 1) throw new EstimationException("BIC needs at least one observation, got n = " + n);
        return -2 * logLikelihood + parameters * Math.log(n);
    }
}
