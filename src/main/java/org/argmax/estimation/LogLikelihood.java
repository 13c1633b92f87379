package org.argmax.estimation;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import java.util.Map;

/**
 * Log-likelihood ℓ(θ) = Σᵢ log p(xᵢ | θ) of data under given parameters, for every family.
 * Data outside the support gives −∞ (the data is impossible under those parameters); callers that
 * must not emit infinities (JSON) check {@link Double#isInfinite}. Uses 0·log 0 = 0.
 */
public final class LogLikelihood {
    private LogLikelihood() {
    }

    /** ℓ = k log p + (n−k) log(1−p). */
    public static double bernoulli(double[] x, double p) {
        double k = 0;
        for (double xi : x) k += xi;
        return xlogy(k, p) + xlogy(x.length - k, 1 - p);
    }

    /** ℓ = Σ [log C(m, xᵢ) + xᵢ log p + (m−xᵢ) log(1−p)]. */
    public static double binomial(double[] x, int trials, double p) {
        double sum = 0;
        for (double xi : x) sum += logChoose(trials, xi) + xlogy(xi, p) + xlogy(trials - xi, 1 - p);
        return sum;
    }

    /** ℓ = Σᵢ nᵢ log θᵢ for a sequence of categorical observations with class counts nᵢ. */
    public static double categorical(double[] counts, double[] probabilities) {
        if (counts.length != probabilities.length) {
            throw new EstimationException("there are " + counts.length + " counts but " + probabilities.length + " probabilities");
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) sum += xlogy(counts[i], probabilities[i]);
        return sum;
    }

    /** ℓ = Σ [xᵢ log λ − λ − log xᵢ!]. */
    public static double poisson(double[] x, double lambda) {
        double sum = 0;
        for (double xi : x) sum += xlogy(xi, lambda) - lambda - Gamma.logGamma(xi + 1);
        return sum;
    }

    /** ℓ = Σ [(xᵢ−1) log(1−p) + log p], xᵢ = trials up to and including the first success. */
    public static double geometric(double[] x, double p) {
        double failures = 0;
        for (double xi : x) failures += xi - 1;
        return xlogy(failures, 1 - p) + xlogy(x.length, p);
    }

    /** ℓ = n log r − r Σ xᵢ. */
    public static double exponential(double[] x, double rate) {
        double sum = 0;
        for (double xi : x) sum += xi;
        return x.length * Math.log(rate) - rate * sum;
    }

    /** ℓ = −(n/2) log(2πσ²) − Σ(xᵢ−μ)² / (2σ²). */
    public static double normal(double[] x, double mean, double variance) {
        double ss = 0;
        for (double xi : x) ss += (xi - mean) * (xi - mean);
        return -0.5 * x.length * Math.log(2 * Math.PI * variance) - ss / (2 * variance);
    }

    /** ℓ = −n log(b−a) when every value lies in [a, b], else −∞. */
    public static double uniform(double[] x, double a, double b) {
        for (double xi : x) if (xi < a || xi > b) return Double.NEGATIVE_INFINITY;
        return -x.length * Math.log(b - a);
    }

    /** ℓ = −n log(2b) − Σ|xᵢ−μ| / b. */
    public static double laplace(double[] x, double location, double scale) {
        double abs = 0;
        for (double xi : x) abs += Math.abs(xi - location);
        return -x.length * Math.log(2 * scale) - abs / scale;
    }

    /** ℓ = Σ [α log β − log Γ(α) + (α−1) log xᵢ − β xᵢ] (shape α, rate β). */
    public static double gamma(double[] x, double shape, double rate) {
        double sumLog = 0, sum = 0;
        for (double xi : x) {
            sumLog += Math.log(xi);
            sum += xi;
        }
        return x.length * (shape * Math.log(rate) - Gamma.logGamma(shape)) + (shape - 1) * sumLog - rate * sum;
    }

    /** ℓ = Σ [(α−1) log xᵢ + (β−1) log(1−xᵢ)] − n log B(α, β). */
    public static double beta(double[] x, double alpha, double beta) {
        double sumLog = 0, sumLog1m = 0;
        for (double xi : x) {
            sumLog += Math.log(xi);
            sumLog1m += Math.log1p(-xi);
        }
        return (alpha - 1) * sumLog + (beta - 1) * sumLog1m - x.length * Beta.logBeta(alpha, beta);
    }

    /** ℓ = −(n/2)(d log 2π + log|Σ|) − ½ Σᵢ (xᵢ−μ)ᵀ Σ⁻¹ (xᵢ−μ). */
    public static double mvnormal(double[][] x, double[] mean, double[][] covariance) {
        return MultivariateNormal.logLikelihood(x, mean, covariance);
    }

    /**
     * The log-likelihood for any one-dimensional family, parameters by their API names
     * ({@code trials} is used by the binomial only). Parameters are validated.
     */
    public static double of(Family family, double[] data, Map<String, Object> params, int trials) {
        Samples.check(family, data, trials);
        return switch (family) {
            case BERNOULLI -> bernoulli(data, DataChecks.probabilityParameter(scalar(params, "p"), "p"));
            case BINOMIAL -> binomial(data, trials, DataChecks.probabilityParameter(scalar(params, "p"), "p"));
            case CATEGORICAL -> categorical(data, probabilities(params));
            case POISSON -> poisson(data, DataChecks.positiveParameter(scalar(params, "lambda"), "lambda"));
            case GEOMETRIC -> geometric(data, DataChecks.probabilityParameter(scalar(params, "p"), "p"));
            case EXPONENTIAL -> exponential(data, DataChecks.positiveParameter(scalar(params, "rate"), "rate"));
            case NORMAL -> normal(data, scalar(params, "mean"), DataChecks.positiveParameter(scalar(params, "variance"), "variance"));
            case UNIFORM -> {
                double a = scalar(params, "a"), b = scalar(params, "b");
                if (!(b > a)) throw new EstimationException("b must be greater than a, got a = " + a + " and b = " + b);
                yield uniform(data, a, b);
            }
            case LAPLACE -> laplace(data, scalar(params, "location"), DataChecks.positiveParameter(scalar(params, "scale"), "scale"));
            case GAMMA -> gamma(data, DataChecks.positiveParameter(scalar(params, "shape"), "shape"),
                    DataChecks.positiveParameter(scalar(params, "rate"), "rate"));
            case BETA -> beta(data, DataChecks.positiveParameter(scalar(params, "alpha"), "alpha"),
                    DataChecks.positiveParameter(scalar(params, "beta"), "beta"));
            case MVNORMAL -> throw new EstimationException("mvnormal data has several columns: use LogLikelihood.mvnormal");
        };
    }

    static double scalar(Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v == null) throw new EstimationException("missing parameter '" + name + "'");
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new EstimationException("parameter '" + name + "' must be a finite number");
        }
        return n.doubleValue();
    }

    private static double[] probabilities(Map<String, Object> params) {
        Object v = params.get("probabilities");
        if (!(v instanceof double[] p)) throw new EstimationException("missing parameter 'probabilities' (one per class)");
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            DataChecks.probabilityParameter(p[i], "probability " + (i + 1));
            sum += p[i];
        }
        if (Math.abs(sum - 1) > 1e-9) throw new EstimationException("the probabilities must add up to 1, they add up to " + sum);
        return p;
    }

    /** x log y with 0·log 0 = 0. */
    static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    static double logChoose(int n, double k) {
        return Gamma.logGamma(n + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1);
    }
}
