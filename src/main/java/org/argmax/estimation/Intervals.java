package org.argmax.estimation;

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
        double half = z * Math.sqrt(p * (1 - p) / n);
        return new double[]{p - half, p + half};
    }
}
