package org.argmax.estimation;

import java.util.Map;

/**
 * Seeded data generators, algorithm {@value #VERSION}. Exercises store seeds, not data, so these
 * algorithms are frozen: a change gets a new version name. All draws come from {@link Rng}:
 * Bernoulli u &lt; p; binomial as a sum of Bernoullis; categorical by inverting the CDF; Poisson by
 * Knuth's product method on chunks of λ ≤ 30 (sums of Poissons are Poisson); geometric, exponential
 * and Laplace by inversion; normal by Box–Muller; gamma by Marsaglia–Tsang; beta as G(α)/(G(α)+G(β));
 * multivariate normal as μ + Lz with L the Cholesky factor.
 */
public final class Generators {
    public static final String VERSION = "argmax-generators-v1";

    private Generators() {
    }

    /** n draws of a one-dimensional family; for the categorical, the counts per class of n draws. */
    public static double[] sample(Family family, Map<String, Object> params, int n, Rng rng) {
        if (n < 1 || n > 10_000_000) throw new EstimationException("the sample size must be between 1 and 10,000,000, got " + n);
        double[] out = new double[n];
        switch (family) {
            case BERNOULLI -> {
                double p = DataChecks.probabilityParameter(LogLikelihood.scalar(params, "p"), "p");
                for (int i = 0; i < n; i++) out[i] = rng.uniform() < p ? 1 : 0;
            }
            case BINOMIAL -> {
                double p = DataChecks.probabilityParameter(LogLikelihood.scalar(params, "p"), "p");
                int trials = (int) LogLikelihood.scalar(params, "trials");
                if (trials < 1 || trials > 100_000) throw new EstimationException("trials must be between 1 and 100000, got " + trials);
                for (int i = 0; i < n; i++) {
                    int k = 0;
                    for (int t = 0; t < trials; t++) if (rng.uniform() < p) k++;
                    out[i] = k;
                }
            }
            case CATEGORICAL -> {
                Object v = params.get("probabilities");
                if (!(v instanceof double[] p) || p.length < 2) throw new EstimationException("categorical data needs 'probabilities' for at least 2 classes");
                double[] counts = new double[p.length];
                for (int i = 0; i < n; i++) counts[categorical(p, rng)]++;
                return counts;
            }
            case POISSON -> {
                double lambda = DataChecks.positiveParameter(LogLikelihood.scalar(params, "lambda"), "lambda");
                if (lambda > 1e5) throw new EstimationException("lambda must be at most 100000, got " + lambda);
                for (int i = 0; i < n; i++) out[i] = poisson(lambda, rng);
            }
            case GEOMETRIC -> {
                double p = DataChecks.probabilityParameter(LogLikelihood.scalar(params, "p"), "p");
                if (p == 0) throw new EstimationException("p must be greater than 0 for geometric data");
                // log(1 − p) is 0 in doubles for p below ~1e-16; log1p keeps it exact (only for tiny p,
                // so the data of every ordinary seed and p stays what it was)
                double logQ = p < 1e-10 ? Math.log1p(-p) : Math.log(1 - p);
                for (int i = 0; i < n; i++) out[i] = p == 1 ? 1 : Math.max(1, Math.ceil(Math.log(1 - rng.uniform()) / logQ));
            }
            case EXPONENTIAL -> {
                double rate = DataChecks.positiveParameter(LogLikelihood.scalar(params, "rate"), "rate");
                for (int i = 0; i < n; i++) out[i] = -Math.log(1 - rng.uniform()) / rate;
            }
            case NORMAL -> {
                double mean = LogLikelihood.scalar(params, "mean");
                double sd = Math.sqrt(DataChecks.positiveParameter(LogLikelihood.scalar(params, "variance"), "variance"));
                for (int i = 0; i < n; i++) out[i] = rng.normal(mean, sd);
            }
            case UNIFORM -> {
                double a = LogLikelihood.scalar(params, "a"), b = LogLikelihood.scalar(params, "b");
                if (!(b > a)) throw new EstimationException("b must be greater than a");
                for (int i = 0; i < n; i++) out[i] = rng.uniform(a, b);
            }
            case LAPLACE -> {
                double loc = LogLikelihood.scalar(params, "location");
                double scale = DataChecks.positiveParameter(LogLikelihood.scalar(params, "scale"), "scale");
                for (int i = 0; i < n; i++) {
                    double u = rng.uniform() - 0.5;
                    out[i] = loc - scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
                }
            }
            case GAMMA -> {
                double shape = DataChecks.positiveParameter(LogLikelihood.scalar(params, "shape"), "shape");
                double rate = DataChecks.positiveParameter(LogLikelihood.scalar(params, "rate"), "rate");
                for (int i = 0; i < n; i++) out[i] = rng.standardGamma(shape) / rate;
            }
            case BETA -> {
                double a = DataChecks.positiveParameter(LogLikelihood.scalar(params, "alpha"), "alpha");
                double b = DataChecks.positiveParameter(LogLikelihood.scalar(params, "beta"), "beta");
                for (int i = 0; i < n; i++) {
                    double x = rng.standardGamma(a), y = rng.standardGamma(b);
                    out[i] = Math.min(Math.max(x / (x + y), 1e-12), 1 - 1e-12);
                }
            }
            case MVNORMAL -> throw new EstimationException("use Generators.mvnormal for multivariate data");
        }
        return out;
    }

    static int categorical(double[] p, Rng rng) {
        double u = rng.uniform(), cumulative = 0;
        for (int k = 0; k < p.length - 1; k++) {
            cumulative += p[k];
            if (u < cumulative) return k;
        }
        return p.length - 1;
    }

    static double poisson(double lambda, Rng rng) {
        double total = 0, remaining = lambda;
        while (remaining > 0) {
            double chunk = Math.min(remaining, 30);
            remaining -= chunk;
            double limit = Math.exp(-chunk), product = rng.uniform();
            int k = 0;
            while (product > limit) {
                k++;
                product *= rng.uniform();
            }
            total += k;
        }
        return total;
    }

    /** Rows of a multivariate normal N(μ, Σ). */
    public static double[][] mvnormal(double[] mean, double[][] covariance, int n, Rng rng) {
        int d = mean.length;
        double[] l = factor(covariance, d);
        double[][] out = new double[n][d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) z[j] = rng.standardNormal();
            for (int a = 0; a < d; a++) {
                double s = mean[a];
                for (int b = 0; b <= a; b++) s += l[a * d + b] * z[b];
                out[i][a] = s;
            }
        }
        return out;
    }

    /** A sample with the component each point came from. */
    public record Labelled(double[][] points, int[] labels) {
        public Labelled {
            points = GmmParameters.deep(points);
            labels = labels.clone();
        }

        @Override
        public double[][] points() {
            return GmmParameters.deep(points);
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /** Points from a Gaussian mixture with the given weights, means and covariances (any dimension). */
    public static Labelled mixture(double[] weights, double[][] means, double[][][] covariances, int n, Rng rng) {
        int k = weights.length, d = means[0].length;
        double[][] chol = new double[k][];
        for (int c = 0; c < k; c++) chol[c] = factor(covariances[c], d);
        double[][] points = new double[n][d];
        int[] labels = new int[n];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            int c = categorical(weights, rng);
            labels[i] = c;
            for (int j = 0; j < d; j++) z[j] = rng.standardNormal();
            for (int a = 0; a < d; a++) {
                double s = means[c][a];
                for (int b = 0; b <= a; b++) s += chol[c][a * d + b] * z[b];
                points[i][a] = s;
            }
        }
        return new Labelled(points, labels);
    }

    private static double[] factor(double[][] covariance, int d) {
        if (covariance.length != d) throw new EstimationException("the covariance matrix must be " + d + " × " + d);
        double[] l = MultivariateNormal.choleskyLower(covariance);
        if (l == null) throw new EstimationException("the covariance matrix is not positive definite");
        return l;
    }

    /** One-dimensional mixture: weights, means and standard deviations per component. */
    public static Labelled mixture1d(double[] weights, double[] means, double[] sds, int n, Rng rng) {
        double[][] mu = new double[means.length][];
        double[][][] cov = new double[means.length][][];
        for (int c = 0; c < means.length; c++) {
            mu[c] = new double[]{means[c]};
            cov[c] = new double[][]{{sds[c] * sds[c]}};
        }
        return mixture(weights, mu, cov, n, rng);
    }

    /** Regression data: x uniform in [xMin, xMax] per column, y = β₀ + Σ βⱼ xⱼ + N(0, noiseSd²). */
    public record RegressionData(double[][] x, double[] y) {
        public RegressionData {
            x = GmmParameters.deep(x);
            y = y.clone();
        }

        @Override
        public double[][] x() {
            return GmmParameters.deep(x);
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    public static RegressionData linear(double[] coefficients, double noiseSd, double xMin, double xMax, int n, Rng rng) {
        return regression(coefficients, xMin, xMax, n, rng, (eta, r) -> eta + noiseSd * r.standardNormal());
    }

    /** Logistic data: y ~ Bernoulli(σ(β₀ + Σ βⱼ xⱼ)). */
    public static RegressionData logistic(double[] coefficients, double xMin, double xMax, int n, Rng rng) {
        return regression(coefficients, xMin, xMax, n, rng, (eta, r) -> r.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    }

    /** Draws y given the linear predictor η = β₀ + Σ βⱼ xⱼ. */
    private interface Response {
        double draw(double eta, Rng rng);
    }

    /** Per row: the x values in column order, then y (this order is part of the frozen algorithm). */
    private static RegressionData regression(double[] coefficients, double xMin, double xMax, int n, Rng rng, Response response) {
        int d = coefficients.length - 1;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = coefficients[0];
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.uniform(xMin, xMax);
                eta += coefficients[j + 1] * x[i][j];
            }
            y[i] = response.draw(eta, rng);
        }
        return new RegressionData(x, y);
    }
}
