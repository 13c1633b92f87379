package org.argmax.estimation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maximum likelihood estimates; each method checks its data and reports the log-likelihood at the estimate. */
public final class Mle {
    private Mle() {
    }

    /** Dispatch by family for the JSON API and grading ({@code trials} is used by the binomial only). */
    /**
     * Whether the estimate lies on the edge of the parameter space, where the log-likelihood has no
     * zero derivative and "set the derivative to zero" does not find it: k = 0 or k = n successes,
     * all counts zero, data with no spread. (A categorical class with count 0 is not counted: its
     * estimate 0 is the share formula's own answer.)
     */
    public static boolean onBoundary(Family family, Fit fit) {
        return switch (family) {
            case BERNOULLI, BINOMIAL, GEOMETRIC -> fit.get("p") <= 0 || fit.get("p") >= 1;
            case POISSON -> fit.get("lambda") <= 0;
            case NORMAL -> fit.get("variance") <= 0;
            case LAPLACE -> fit.get("scale") <= 0;
            case UNIFORM -> fit.get("b") <= fit.get("a");
            case GAMMA, BETA -> !fit.converged();
            default -> false;
        };
    }

    public static Fit fit(Family family, double[] data, int trials) {
        return switch (family) {
            case BERNOULLI -> bernoulli(data);
            case BINOMIAL -> binomial(data, trials);
            case CATEGORICAL -> categorical(data);
            case POISSON -> poisson(data);
            case GEOMETRIC -> geometric(data);
            case EXPONENTIAL -> exponential(data);
            case NORMAL -> normal(data);
            case UNIFORM -> uniform(data);
            case LAPLACE -> laplace(data);
            case GAMMA -> NumericalMle.gamma(data);
            case BETA -> NumericalMle.beta(data);
            case MVNORMAL -> throw new EstimationException("mvnormal data has several columns: use Mle.mvnormal");
        };
    }

    /** p̂ = k / n. */
    public static Fit bernoulli(double[] x) {
        Samples.check(Family.BERNOULLI, x, 0);
        double p = sum(x) / x.length;
        return one(Family.BERNOULLI, "p", p, LogLikelihood.bernoulli(x, p), x.length);
    }

    /** p̂ = Σ xᵢ / (n m) for m trials per observation. */
    public static Fit binomial(double[] x, int trials) {
        Samples.check(Family.BINOMIAL, x, trials);
        double p = sum(x) / ((double) x.length * trials);
        return one(Family.BINOMIAL, "p", p, LogLikelihood.binomial(x, trials, p), x.length);
    }

    /** θ̂ᵢ = nᵢ / Σⱼ nⱼ from class counts; n is the total count. */
    public static Fit categorical(double[] counts) {
        Samples.check(Family.CATEGORICAL, counts, 0);
        double total = sum(counts);
        if (total == 0) throw new EstimationException("all counts are 0: there is nothing to estimate from");
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) p[i] = counts[i] / total;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("probabilities", p);
        return Fit.closedForm(Family.CATEGORICAL, e, LogLikelihood.categorical(counts, p), (int) total);
    }

    /** Class counts from labels 0…k−1. */
    public static double[] countsFromLabels(int[] labels, int k) {
        double[] counts = new double[k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) throw new EstimationException("label " + (i + 1) + " is " + labels[i] + ", outside 0…" + (k - 1));
            counts[labels[i]]++;
        }
        return counts;
    }

    /** λ̂ = x̄. */
    public static Fit poisson(double[] x) {
        Samples.check(Family.POISSON, x, 0);
        double lambda = sum(x) / x.length;
        if (lambda == 0) {
            // every count is 0: λ̂ = 0 and ℓ = 0 (each observation has probability 1)
            return one(Family.POISSON, "lambda", 0.0, 0.0, x.length);
        }
        return one(Family.POISSON, "lambda", lambda, LogLikelihood.poisson(x, lambda), x.length);
    }

    /** p̂ = 1 / x̄ (x = trials up to and including the first success). */
    public static Fit geometric(double[] x) {
        Samples.check(Family.GEOMETRIC, x, 0);
        double p = x.length / sum(x);
        return one(Family.GEOMETRIC, "p", p, LogLikelihood.geometric(x, p), x.length);
    }

    /** r̂ = 1 / x̄. */
    public static Fit exponential(double[] x) {
        Samples.check(Family.EXPONENTIAL, x, 0);
        double rate = x.length / sum(x);
        return one(Family.EXPONENTIAL, "rate", rate, LogLikelihood.exponential(x, rate), x.length);
    }

    /** μ̂ = x̄, σ̂² = Σ(xᵢ−x̄)²/n (MLE); also the unbiased Σ(xᵢ−x̄)²/(n−1). */
    public static Fit normal(double[] x) {
        Samples.check(Family.NORMAL, x, 0);
        DataChecks.atLeast(x, 2, "a variance");
        double mean = sum(x) / x.length;
        double ss = 0;
        for (double xi : x) ss += (xi - mean) * (xi - mean);
        if (ss == 0) {
            throw new EstimationException("all " + x.length + " values are equal, so the variance estimate is 0 and the normal likelihood has no maximum; give values that differ");
        }
        double variance = ss / x.length;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("mean", mean);
        e.put("variance", variance);
        e.put("unbiasedVariance", ss / (x.length - 1));
        return Fit.closedForm(Family.NORMAL, e, LogLikelihood.normal(x, mean, variance), x.length);
    }

    /** â = min xᵢ, b̂ = max xᵢ. */
    public static Fit uniform(double[] x) {
        Samples.check(Family.UNIFORM, x, 0);
        double a = Arrays.stream(x).min().orElseThrow();
        double b = Arrays.stream(x).max().orElseThrow();
        if (a == b) throw new EstimationException("all values are equal, so a uniform distribution on [a, b] with b > a cannot be fitted");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("a", a);
        e.put("b", b);
        return Fit.closedForm(Family.UNIFORM, e, LogLikelihood.uniform(x, a, b), x.length);
    }

    /** μ̂ = median, b̂ = (1/n) Σ |xᵢ − μ̂|. */
    public static Fit laplace(double[] x) {
        Samples.check(Family.LAPLACE, x, 0);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double abs = 0;
        for (double xi : x) abs += Math.abs(xi - median);
        double scale = abs / n;
        if (scale == 0) throw new EstimationException("all values are equal, so the Laplace scale estimate is 0; give values that differ");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("location", median);
        e.put("scale", scale);
        return Fit.closedForm(Family.LAPLACE, e, LogLikelihood.laplace(x, median, scale), n);
    }

    /** Mean vector and covariance (divided by n). */
    public static Fit mvnormal(double[][] x) {
        return MultivariateNormal.mle(x);
    }

    private static Fit one(Family f, String name, double value, double ll, int n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(name, value);
        return Fit.closedForm(f, e, ll, n);
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
