package org.argmax.estimation;

/**
 * Exponential lifetimes watched only up to a time c: a unit still working at c is recorded as c
 * (right-censored), and all we know is that its lifetime exceeds c. The lifetimes beyond c are
 * missing data, which makes this the smallest example of EM with missing values: by the memoryless
 * property a censored lifetime is c + Exponential(λ), so its expected value is c + 1/λ.
 */
public final class CensoredExponential {
    private CensoredExponential() {
    }

    /** How many recorded times are censored (equal to c or above). */
    public static int censored(double[] t, double c) {
        check(t, c);
        int m = 0;
        for (double v : t) if (v >= c) m++;
        return m;
    }

    /** The MLE λ̂ = d / T: d uncensored lifetimes, T the total time watched (censored units count c each). */
    public static double mle(double[] t, double c) {
        int d = t.length - censored(t, c);
        return d / total(t, c);
    }

    /**
     * One EM iteration from the rate λ: the E-step fills each censored lifetime with c + 1/λ, the
     * M-step is the exponential MLE n / Σ(filled-in lifetimes) = n / (T + m/λ). Its fixed point is
     * {@link #mle}; near it the distance shrinks by the factor m/n per iteration (the share of
     * missing information).
     */
    public static double emStep(double[] t, double c, double rate) {
        DataChecks.positiveParameter(rate, "the starting rate");
        return t.length / (total(t, c) + censored(t, c) / rate);
    }

    /** T = Σ min(tᵢ, c). */
    public static double total(double[] t, double c) {
        check(t, c);
        double s = 0;
        for (double v : t) s += Math.min(v, c);
        return s;
    }

    private static void check(double[] t, double c) {
        DataChecks.nonEmpty(t, "censored exponential");
        DataChecks.positive(t, "censored exponential");
        DataChecks.positiveParameter(c, "the censoring time c");
    }
}
