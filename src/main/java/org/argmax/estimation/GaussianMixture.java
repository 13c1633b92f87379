package org.argmax.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * Gaussian mixtures by expectation–maximization. Each iteration makes one pass over the data that
 * computes the responsibilities rᵢₖ = πₖN(xᵢ|μₖ,Σₖ) / Σⱼ πⱼN(xᵢ|μⱼ,Σⱼ) with log-sum-exp (E-step), the
 * log-likelihood Σᵢ log Σₖ πₖN(xᵢ|μₖ,Σₖ), and the weighted sums the M-step needs: πₖ = Nₖ/n,
 * μₖ = Σᵢ rᵢₖxᵢ/Nₖ, Σₖ = Σᵢ rᵢₖ(xᵢ−μₖ)(xᵢ−μₖ)ᵀ/Nₖ + reg·I. Large data is split into {@link Chunked}
 * ranges merged in order, so results do not depend on the number of threads. A range goes through its
 * points in blocks of {@value #BLOCK}: the log densities of the block one component at a time
 * ({@link MixtureComponents#logDensities}), the responsibilities, then the sums. One path for every
 * dimension, except one-dimensional data: its pass is {@link MixtureKernel}'s fused one (the same
 * quantities, sums kept in four lanes).
 */
public final class GaussianMixture {
    private static final int BLOCK = 256;

    private GaussianMixture() {
    }

    /**
     * One-dimensional data. With given initial parameters and finite data the array itself is the
     * pass's data (no copy into n rows of one value and back); otherwise the rows are made for the
     * checks' messages and the initialization.
     */
    public static GmmFit fit(double[] data, GmmOptions options) {
        if (data != null && data.length > 0 && options.init() == GmmOptions.Init.GIVEN && allFinite(data)) {
            return fit(null, data, data.length, 1, options);
        }
        return fit(column(data), options);
    }

    public static GmmFit fit(double[][] data, GmmOptions options) {
        int d = MultivariateNormal.checkRows(data);
        return fit(data, flatten(data, d), data.length, d, options);
    }

    private static boolean allFinite(double[] data) {
        return Chunked.reduce(data.length, (ch, from, to) -> {
            for (int i = from; i < to; i++) if (!Double.isFinite(data[i])) return false;
            return true;
        }, Boolean::logicalAnd);
    }

    /** data: the rows, or null when only flat (n × d, row-major) is given (then the initialization is GIVEN). */
    private static GmmFit fit(double[][] data, double[] flat, int n, int d, GmmOptions options) {
        if (options.k() < 1) throw new EstimationException("the number of components must be at least 1, got " + options.k());
        if (n < options.k()) throw new EstimationException("too few points for " + options.k() + " components: got " + n);
        if (options.maxIterations() < 0) throw new EstimationException("the number of iterations must be ≥ 0");
        if (!(options.regularization() >= 0)) throw new EstimationException("the covariance regularization must be ≥ 0");
        GmmParameters theta = initial(data, flat, d, options);
        MixtureStatistics.Result pass = null;
        List<GmmFit.GmmIteration> trace = new ArrayList<>();
        double[] responsibilities = new double[n * theta.k()];
        double previous = Double.NEGATIVE_INFINITY;
        int iterations = 0;
        boolean converged = false;
        while (true) {
            // the responsibilities of the last pass are the result; with a tolerance any pass may be the last
            boolean last = options.tolerance() > 0 || iterations == options.maxIterations();
            pass = pass(flat, n, d, theta, last ? responsibilities : null);
            if (options.trace()) trace.add(new GmmFit.GmmIteration(iterations, pass.logLikelihood(), theta));
            if (options.tolerance() > 0 && iterations > 0
                    && Math.abs(pass.logLikelihood() - previous) / n < options.tolerance()) {
                converged = true;
                break;
            }
            if (iterations == options.maxIterations()) break;
            previous = pass.logLikelihood();
            theta = pass.mStep(options.covariance(), options.regularization(), n);
            iterations++;
        }
        if (!options.trace()) trace.add(new GmmFit.GmmIteration(iterations, pass.logLikelihood(), theta));
        int k = theta.k();
        double[][] resp = new double[n][k];
        for (int i = 0; i < n; i++) System.arraycopy(responsibilities, i * k, resp[i], 0, k);
        int free = (k - 1) + k * d + k * options.covariance().parametersPerComponent(d);
        double ll = pass.logLikelihood();
        return new GmmFit(theta, ll, n, iterations, converged, trace, resp, InformationCriteria.aic(ll, free), InformationCriteria.bic(ll, free, n),
                options.covariance());
    }

    /** E-step alone: the n × K responsibilities under {@code parameters}. */
    public static double[][] eStep(double[][] data, GmmParameters parameters) {
        int d = MultivariateNormal.checkRows(data);
        parameters.validate(d);
        int n = data.length, k = parameters.k();
        double[] flat = new double[n * k];
        pass(flatten(data, d), n, d, parameters, flat);
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * k, out[i], 0, k);
        return out;
    }

    /** M-step alone: weighted MLE of the parameters given responsibilities (n × K). */
    public static GmmParameters mStep(double[][] data, double[][] responsibilities, CovarianceType type, double regularization) {
        int d = MultivariateNormal.checkRows(data);
        int n = data.length;
        if (responsibilities.length != n) throw new EstimationException("there are " + n + " points but " + responsibilities.length + " rows of responsibilities");
        int k = responsibilities[0].length;
        double[][] byComponent = new double[k][n];
        for (int i = 0; i < n; i++) {
            if (responsibilities[i].length != k) throw new EstimationException("row " + (i + 1) + " of the responsibilities has " + responsibilities[i].length + " values, not " + k);
            for (int c = 0; c < k; c++) byComponent[c][i] = responsibilities[i][c];
        }
        MixtureStatistics stats = new MixtureStatistics(k, d, new double[k * d]);
        for (int i = 0; i < n; i++) stats.add(data[i], 0, byComponent, i);
        return stats.result(0).mStep(type, regularization, n);
    }

    /**
     * The evidence lower bound for any distribution q over the labels (n × K, rows summing to 1):
     * ELBO(q, θ) = Σᵢ Σₖ qᵢₖ [log πₖ + log N(xᵢ | μₖ, Σₖ) − log qᵢₖ], with 0·log 0 = 0. It equals
     * ℓ(θ) − Σᵢ KL(qᵢ ‖ p(zᵢ | xᵢ, θ)) ({@link #posteriorGap}), so it lies below ℓ and touches it when q
     * is the posterior (the E-step's responsibilities).
     */
    public static double elbo(double[][] data, GmmParameters parameters, double[][] q) {
        int d = MultivariateNormal.checkRows(data);
        parameters.validate(d);
        checkLabels(q, data.length, parameters.k());
        double total = 0;
        for (int i = 0; i < data.length; i++) {
            for (int k = 0; k < parameters.k(); k++) {
                if (q[i][k] == 0) continue;
                double logJoint = Math.log(parameters.weights()[k])
                        + MultivariateNormal.logLikelihood(new double[][]{data[i]}, parameters.means()[k], parameters.covariances()[k]);
                total += q[i][k] * (logJoint - Math.log(q[i][k]));
            }
        }
        return total;
    }

    /** Σᵢ KL(qᵢ ‖ rᵢ) = Σᵢ Σₖ qᵢₖ log(qᵢₖ / rᵢₖ), r the responsibilities under θ: the gap ℓ(θ) − ELBO(q, θ) ≥ 0. */
    public static double posteriorGap(double[][] data, GmmParameters parameters, double[][] q) {
        double[][] r = eStep(data, parameters);
        checkLabels(q, data.length, parameters.k());
        double total = 0;
        for (int i = 0; i < data.length; i++) {
            for (int k = 0; k < parameters.k(); k++) {
                if (q[i][k] > 0) total += q[i][k] * Math.log(q[i][k] / r[i][k]);
            }
        }
        return total;
    }

    private static void checkLabels(double[][] q, int n, int k) {
        if (q.length != n) throw new EstimationException("there are " + n + " points but " + q.length + " rows of q");
        for (int i = 0; i < n; i++) {
            if (q[i].length != k) throw new EstimationException("row " + (i + 1) + " of q has " + q[i].length + " values, not " + k);
            double sum = 0;
            for (double v : q[i]) {
                if (!(v >= 0 && v <= 1)) throw new EstimationException("q must be probabilities; row " + (i + 1) + " has " + v);
                sum += v;
            }
            if (Math.abs(sum - 1) > 1e-9) throw new EstimationException("row " + (i + 1) + " of q adds up to " + sum + ", not 1");
        }
    }

    /** Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ). */
    public static double logLikelihood(double[][] data, GmmParameters parameters) {
        int d = MultivariateNormal.checkRows(data);
        parameters.validate(d);
        return pass(flatten(data, d), data.length, d, parameters, null).logLikelihood();
    }

    private static MixtureStatistics.Result pass(double[] flat, int n, int d, GmmParameters theta, double[] responsibilities) {
        MixtureComponents comps = new MixtureComponents(theta);
        int k = theta.k();
        if (d == 1) return Chunked.reduce(n, (ch, from, to) -> MixtureKernel.range(flat, from, to, comps, responsibilities), MixtureStatistics.Result::plus);
        return Chunked.reduce(n, (ch, from, to) -> {
            MixtureStatistics stats = new MixtureStatistics(k, d, comps.means);
            double[][] x = new double[d][BLOCK], r = new double[k][BLOCK];
            double[] max = new double[BLOCK], sum = new double[BLOCK];
            double ll = 0;
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int j = 0; j < d; j++) {
                    double[] xj = x[j];
                    for (int i = 0; i < rows; i++) xj[i] = flat[(start + i) * d + j];
                }
                comps.logDensities(x, rows, r, max, sum);
                ll = responsibilities(r, k, rows, max, sum, ll);
                stats.addRows(flat, start, rows, r);
                if (responsibilities != null) {
                    for (int i = 0; i < rows; i++) for (int c = 0; c < k; c++) responsibilities[(start + i) * k + c] = r[c][i];
                }
            }
            return stats.result(ll);
        }, MixtureStatistics.Result::plus);
    }

    /**
     * Replaces r[c][i] = log πₖN(xᵢ|μₖ,Σₖ) by the responsibility of component c for point i
     * (log-sum-exp); returns ll + Σᵢ log Σₖ πₖN(xᵢ|μₖ,Σₖ), added point by point. max and sum are scratch.
     */
    private static double responsibilities(double[][] r, int k, int rows, double[] max, double[] sum, double ll) {
        System.arraycopy(r[0], 0, max, 0, rows);
        for (int c = 1; c < k; c++) {
            double[] rc = r[c];
            for (int i = 0; i < rows; i++) max[i] = Math.max(max[i], rc[i]);
        }
        java.util.Arrays.fill(sum, 0, rows, 0);
        for (int c = 0; c < k; c++) {
            double[] rc = r[c];
            for (int i = 0; i < rows; i++) {
                double e = Math.exp(rc[i] - max[i]);
                rc[i] = e;
                sum[i] += e;
            }
        }
        for (int i = 0; i < rows; i++) {
            ll += max[i] + Math.log(sum[i]);
            sum[i] = 1 / sum[i];
        }
        for (int c = 0; c < k; c++) {
            double[] rc = r[c];
            for (int i = 0; i < rows; i++) rc[i] *= sum[i];
        }
        return ll;
    }

    private static GmmParameters initial(double[][] data, double[] flat, int d, GmmOptions o) {
        int n = flat.length / d, k = o.k();
        return switch (o.init()) {
            case GIVEN -> {
                if (o.initial() == null) throw new EstimationException("initial parameters were asked for but not given");
                o.initial().validate(d);
                if (o.initial().k() != k) throw new EstimationException("k is " + k + " but the initial parameters have " + o.initial().k() + " components");
                yield o.initial();
            }
            case KMEANS_PLUS_PLUS -> {
                KMeansFit km = KMeans.fit(data, k, o.seed(), 300, false);
                double[][] resp = new double[n][k];
                for (int i = 0; i < n; i++) resp[i][km.assignments()[i]] = 1;
                yield mStep(data, resp, o.covariance(), Math.max(o.regularization(), 1e-6));
            }
            case RANDOM -> {
                Rng rng = new Rng(o.seed());
                double[][] means = new double[k][];
                java.util.Set<Integer> picked = new java.util.HashSet<>();
                for (int c = 0; c < k; c++) {
                    int i;
                    do {
                        i = rng.nextInt(n);
                    } while (!picked.add(i) && picked.size() < n);
                    means[c] = data[i].clone();
                }
                double[][] all = new double[n][1];
                for (double[] row : all) row[0] = 1;
                GmmParameters overall = mStep(data, all, o.covariance(), Math.max(o.regularization(), 1e-6));
                double[] w = new double[k];
                double[][][] cov = new double[k][][];
                for (int c = 0; c < k; c++) {
                    w[c] = 1.0 / k;
                    cov[c] = overall.covariances()[0];
                }
                yield new GmmParameters(w, means, cov);
            }
        };
    }

    static double[][] column(double[] data) {
        if (data == null) throw new EstimationException("the data is empty");
        double[][] out = new double[data.length][1];
        for (int i = 0; i < data.length; i++) out[i][0] = data[i];
        return out;
    }

    private static double[] flatten(double[][] data, int d) {
        double[] flat = new double[data.length * d];
        for (int i = 0; i < data.length; i++) System.arraycopy(data[i], 0, flat, i * d, d);
        return flat;
    }
}
