package org.argmax.estimation;

import org.hipparchus.special.Beta;

/** Interval estimates: how far the data leave the parameter uncertain. */
public final class Intervals {
    /** Φ⁻¹(0.975): the two-sided 95 % quantile of the standard normal. */
    public static final double Z95 = 1.959963984540054;

    private Intervals() {
    }

    /**
     * The Wald interval for a proportion: θ̂ ± z·√(θ̂(1 − θ̂)/n) with θ̂ = k/n, the normal
     * approximation whose width comes from the curvature of the log-likelihood at its peak (the
     * Fisher information n / (θ(1 − θ))). Poor when θ̂ is near 0 or 1 or n is small.
     */
    public static double[] waldProportion(double[] flips, double z) {
        Samples.check(Family.BERNOULLI, flips, 0);
        return waldProportion(Mle.sum(flips), flips.length, z);
    }

    public static double[] waldProportion(double k, double n, double z) {
        if (!(n > 0) || k < 0 || k > n) throw new EstimationException("need 0 ≤ k ≤ n and n > 0, got k = " + k + ", n = " + n);
        double p = k / n;
        double half = z * StandardErrors.bernoulli(p, n);
        return new double[]{p - half, p + half};
    }

    /**
     * The Wald interval estimate ± z·se around any estimate and its standard error (for exercises that
     * build up, the learner's own estimate and the standard error computed from it).
     */
    public static double[] wald(double estimate, double standardError, double z) {
        double half = z * standardError;
        return new double[]{estimate - half, estimate + half};
    }

    /** The Wald interval for a Poisson mean: λ̂ ± z·√(λ̂/n), λ̂ = x̄, from the Fisher information n/λ. */
    public static double[] waldPoisson(double[] counts, double z) {
        Samples.check(Family.POISSON, counts, 0);
        double lambda = Mle.sum(counts) / counts.length;
        double half = z * StandardErrors.poisson(lambda, counts.length);
        return new double[]{lambda - half, lambda + half};
    }

    /**
     * The equal-tailed credible interval of a Beta(a, b) posterior: the (1 − level)/2 and
     * (1 + level)/2 quantiles, so the posterior puts (1 − level)/2 of its mass below the interval and
     * as much above it.
     */
    public static double[] betaCredible(double a, double b, double level) {
        if (!(level > 0 && level < 1)) throw new EstimationException("the level must lie strictly between 0 and 1, got " + level);
        return new double[]{betaQuantile(a, b, (1 - level) / 2), betaQuantile(a, b, (1 + level) / 2)};
    }

    /**
     * The p-quantile of Beta(a, b): the x with I_x(a, b) = p, found by bisection on Hipparchus'
     * regularized incomplete beta function (a continued fraction accurate to about 1e-14) until the
     * bracket is narrower than 1e-15; I_x is increasing in x, so the bracket always holds the root.
     */
    public static double betaQuantile(double a, double b, double p) {
        DataChecks.positiveParameter(a, "the Beta parameter a");
        DataChecks.positiveParameter(b, "the Beta parameter b");
        if (!(p > 0 && p < 1)) throw new EstimationException("the probability must lie strictly between 0 and 1, got " + p);
        double lo = 0, hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (Beta.regularizedBeta(mid, a, b, 1e-15, Integer.MAX_VALUE) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
