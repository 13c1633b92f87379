package org.argmax.estimation;

/**
 * Standard errors of maximum likelihood estimates from the Fisher information: the curvature of the
 * log-likelihood, I(θ) = −E[ℓ''(θ)], which for n IID observations is n times the information of one.
 * For large n the MLE is close to normal with variance 1/I(θ), so se(θ̂) = 1/√I(θ̂), the information
 * evaluated at the estimate.
 */
public final class StandardErrors {
    private StandardErrors() {
    }

    /** Fisher information of n observations at θ: Bernoulli n/(θ(1 − θ)), Poisson n/λ, exponential rate n/λ². */
    public static double fisherInformation(Family family, double theta, double n) {
        return switch (family) {
            case BERNOULLI -> n / (theta * (1 - theta));
            case POISSON -> n / theta;
            case EXPONENTIAL -> n / (theta * theta);
            default -> throw new EstimationException("no Fisher information for the " + family.jsonName() + " family here");
        };
    }

    /** √(θ̂(1 − θ̂)/n). */
    public static double bernoulli(double p, double n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    /** √(λ̂/n). */
    public static double poisson(double lambda, double n) {
        return Math.sqrt(lambda / n);
    }

    /** √(σ̂²/n): the standard error of a normal mean whose variance is estimated by σ̂². */
    public static double normalMean(double variance, double n) {
        return Math.sqrt(variance / n);
    }

    /** λ̂/√n, with λ̂ = 1/x̄ the MLE of the rate. */
    public static double exponentialRate(double[] x) {
        double rate = Mle.exponential(x).get("rate");
        return 1 / Math.sqrt(fisherInformation(Family.EXPONENTIAL, rate, x.length));
    }
}
