package org.argmax.estimation;

import java.util.Arrays;

/**
 * EM for a one-dimensional Gaussian mixture and Lloyd's k-means, written the way the implementation
 * labs ask a learner to write them: plain loops over the points, a fixed number of iterations from a
 * given start, one trace entry after every iteration. Each algorithm can run with one of the usual
 * implementation mistakes switched on ({@link EmBug}, {@link KMeansBug}: teaching variants), so a
 * learner's wrong trace can be matched with the mistake that produces it. With {@code NONE} the runs
 * agree with {@link GaussianMixture} and {@link KMeans} from the same start (LabRunsTest).
 *
 * <p>EM, iteration t: rᵢₖ = πₖN(xᵢ|μₖ,σ²ₖ) / Σⱼ πⱼN(xᵢ|μⱼ,σ²ⱼ) by log-sum-exp; Nₖ = Σᵢ rᵢₖ; πₖ = Nₖ/n;
 * μₖ = Σᵢ rᵢₖxᵢ/Nₖ; σ²ₖ = Σᵢ rᵢₖ(xᵢ − μₖ)²/Nₖ around the new μₖ; the trace holds ℓ(θ⁽ᵗ⁾) = Σᵢ log Σₖ πₖN(xᵢ|μₖ,σ²ₖ).
 *
 * <p>K-means, iteration t: every point to its nearest centre (a tie to the lower index); each centre
 * to the mean of its points; a centre without points moves to the point farthest from the centre it
 * was assigned to (the first such point); the trace holds the inertia Σᵢ minₖ (xᵢ − cₖ)² at the new centres.
 */
public final class LabRuns {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private LabRuns() {
    }

    /** The usual mistakes in an EM implementation for a 1-D mixture, each as the trace it produces. */
    public enum EmBug {
        /** The algorithm as the lab states it. */
        NONE,
        /** rᵢₖ = πₖN(xᵢ|μₖ,σ²ₖ), never divided by Σⱼ πⱼN(xᵢ|μⱼ,σ²ⱼ), so the rows do not add up to 1 (nor the weights). */
        UNNORMALIZED_RESPONSIBILITIES,
        /** μₖ = Σᵢ rᵢₖxᵢ / (n·πₖ) with the weight πₖ from before this iteration's update (the right divisor is Nₖ = n·πₖ new). */
        OLD_WEIGHTS_IN_MEANS,
        /** The M-step computes √(Σᵢ rᵢₖ(xᵢ − μₖ)²/Nₖ), a standard deviation, and the code uses it as the variance. */
        SD_FOR_VARIANCE,
        /** σ²ₖ = Σᵢ rᵢₖ(xᵢ − μₖ)²/Nₖ around the mean from before the update, not the new one. */
        VARIANCE_AROUND_OLD_MEAN,
        /**
         * Densities computed and added as plain numbers: a point far from every component has density 0 in
         * floating point, so log 0 = −∞ in ℓ and 0/0 = NaN in its responsibilities, which spreads to every parameter.
         */
        NO_LOG_SUM_EXP,
        /** ℓ written down before each update instead of after: the trace holds ℓ(θ⁽⁰⁾) … ℓ(θ⁽ᵀ⁻¹⁾); the final parameters are right. */
        ONE_ITERATION_OFF
    }

    /** The usual mistakes in a k-means (Lloyd) implementation. */
    public enum KMeansBug {
        /** The algorithm as the lab states it. */
        NONE,
        /**
         * The centres are recomputed from the assignment of the previous iteration, not from the one just made
         * (the new assignment is stored only after the update): every step happens twice.
         */
        STALE_ASSIGNMENT,
        /** The inertia adds distances |xᵢ − cₖ| instead of squared distances (the assignments, in 1-D, are the same). */
        DISTANCE_NOT_SQUARED,
        /** The inertia written down before each update: the trace holds J(c⁽⁰⁾) … J(c⁽ᵀ⁻¹⁾); the final centres are right. */
        ONE_ITERATION_OFF,
        /** A centre that gets no point is removed, and the run goes on with one cluster fewer. */
        EMPTY_CLUSTER_DROPPED
    }

    /**
     * What a lab asks for: the trace (entry t − 1 after iteration t) and the final parameters as rows
     * (EM: weights, means, variances; k-means: the centres).
     */
    public record Run(double[] trace, double[][] parameters) {
        public Run {
            trace = trace.clone();
            parameters = GmmParameters.deep(parameters);
        }

        @Override
        public double[] trace() {
            return trace.clone();
        }

        @Override
        public double[][] parameters() {
            return GmmParameters.deep(parameters);
        }

        /** The trace, then every parameter row, in one array. */
        public double[] flat() {
            int length = trace.length;
            for (double[] row : parameters) length += row.length;
            double[] out = Arrays.copyOf(trace, length);
            int at = trace.length;
            for (double[] row : parameters) {
                System.arraycopy(row, 0, out, at, row.length);
                at += row.length;
            }
            return out;
        }
    }

    /** {@code iterations} EM iterations on 1-D data from the given weights, means and variances, with {@code bug} switched on. */
    public static Run em(double[] x, double[] weights, double[] means, double[] variances, int iterations, EmBug bug) {
        int k = checkStart(x, weights.length, iterations);
        if (means.length != k || variances.length != k) {
            throw new EstimationException("there are " + k + " weights but " + means.length + " means and " + variances.length + " variances");
        }
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0 && weights[c] <= 1)) throw new EstimationException("weight " + (c + 1) + " must be between 0 and 1, got " + weights[c]);
            if (!(variances[c] > 0) || !Double.isFinite(variances[c])) throw new EstimationException("variance " + (c + 1) + " must be positive, got " + variances[c]);
            if (!Double.isFinite(means[c])) throw new EstimationException("mean " + (c + 1) + " must be a finite number");
        }
        int n = x.length;
        double[] w = weights.clone(), mu = means.clone(), v = variances.clone();
        double[][] r = new double[n][k];
        double[] trace = new double[iterations];
        for (int t = 0; t < iterations; t++) {
            double before = eStep(x, w, mu, v, r, bug);
            double[] nk = new double[k], newW = new double[k], newMu = new double[k], newV = new double[k];
            for (int c = 0; c < k; c++) {
                double sum = 0, weighted = 0;
                for (int i = 0; i < n; i++) {
                    sum += r[i][c];
                    weighted += r[i][c] * x[i];
                }
                nk[c] = sum;
                newW[c] = sum / n;
                newMu[c] = bug == EmBug.OLD_WEIGHTS_IN_MEANS ? weighted / (n * w[c]) : weighted / sum;
                double around = bug == EmBug.VARIANCE_AROUND_OLD_MEAN ? mu[c] : newMu[c];
                double squares = 0;
                for (int i = 0; i < n; i++) squares += r[i][c] * (x[i] - around) * (x[i] - around);
                newV[c] = bug == EmBug.SD_FOR_VARIANCE ? Math.sqrt(squares / sum) : squares / sum;
            }
            w = newW;
            mu = newMu;
            v = newV;
            trace[t] = bug == EmBug.ONE_ITERATION_OFF ? before : logLikelihood(x, w, mu, v, bug);
        }
        return new Run(trace, new double[][]{w, mu, v});
    }

    /**
     * Fills r with the responsibilities under (w, μ, σ²) as {@code bug} computes them and returns ℓ there:
     * by log-sum-exp, except with {@link EmBug#NO_LOG_SUM_EXP} (plain densities) and
     * {@link EmBug#UNNORMALIZED_RESPONSIBILITIES} (rᵢₖ = πₖN(xᵢ|μₖ,σ²ₖ) as plain numbers).
     */
    private static double eStep(double[] x, double[] w, double[] mu, double[] v, double[][] r, EmBug bug) {
        int k = w.length;
        double ll = 0;
        double[] logJoint = new double[k];
        for (int i = 0; i < x.length; i++) {
            if (bug == EmBug.NO_LOG_SUM_EXP) {
                double total = 0;
                for (int c = 0; c < k; c++) {
                    double d = x[i] - mu[c];
                    r[i][c] = w[c] * Math.exp(-d * d / (2 * v[c])) / Math.sqrt(2 * Math.PI * v[c]);
                    total += r[i][c];
                }
                for (int c = 0; c < k; c++) r[i][c] /= total;
                ll += Math.log(total);
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = x[i] - mu[c];
                logJoint[c] = Math.log(w[c]) - 0.5 * (LOG_2PI + Math.log(v[c])) - d * d / (2 * v[c]);
                max = Math.max(max, logJoint[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(logJoint[c] - max);
            double lse = max + Math.log(sum);
            ll += lse;
            for (int c = 0; c < k; c++) {
                r[i][c] = bug == EmBug.UNNORMALIZED_RESPONSIBILITIES ? Math.exp(logJoint[c]) : Math.exp(logJoint[c] - lse);
            }
        }
        return ll;
    }

    /** ℓ = Σᵢ log Σₖ πₖN(xᵢ|μₖ,σ²ₖ), by log-sum-exp unless the bug is {@link EmBug#NO_LOG_SUM_EXP}. */
    private static double logLikelihood(double[] x, double[] w, double[] mu, double[] v, EmBug bug) {
        return eStep(x, w, mu, v, new double[x.length][w.length], bug == EmBug.NO_LOG_SUM_EXP ? bug : EmBug.NONE);
    }

    /** {@code iterations} Lloyd iterations on 1-D data from the given centres, with {@code bug} switched on. */
    public static Run kMeans(double[] x, double[] centers, int iterations, KMeansBug bug) {
        checkStart(x, centers.length, iterations);
        for (int c = 0; c < centers.length; c++) {
            if (!Double.isFinite(centers[c])) throw new EstimationException("centre " + (c + 1) + " must be a finite number");
        }
        double[] c = centers.clone();
        double[] trace = new double[iterations];
        int[] previous = assign(x, c);
        for (int t = 0; t < iterations; t++) {
            double before = inertia(x, c, bug);
            int[] z = assign(x, c);
            int[] used = bug == KMeansBug.STALE_ASSIGNMENT ? previous : z;
            c = update(x, c, used, bug);
            previous = z;
            trace[t] = bug == KMeansBug.ONE_ITERATION_OFF ? before : inertia(x, c, bug);
        }
        return new Run(trace, new double[][]{c});
    }

    /**
     * Why Lloyd's run from {@code centers} depends on how the sums are rounded, or {@code null}: at some
     * iteration a point is equally near two centres (within 10⁻⁹ relative), or an empty cluster has two
     * farthest points. Then the tie rule, and the last bits of a mean, decide the run; labs avoid such data.
     */
    public static String kMeansTie(double[] x, double[] centers, int iterations) {
        checkStart(x, centers.length, iterations);
        double[] c = centers.clone();
        for (int t = 1; t <= iterations; t++) {
            int[] z = assign(x, c);
            for (int i = 0; i < x.length; i++) {
                double best = (x[i] - c[z[i]]) * (x[i] - c[z[i]]);
                for (int k = 0; k < c.length; k++) {
                    double d = (x[i] - c[k]) * (x[i] - c[k]);
                    if (k != z[i] && d - best <= 1e-9 * Math.max(1, best)) return "at iteration " + t + " point " + (i + 1) + " is equally near two centres";
                }
            }
            int[] count = new int[c.length];
            for (int zi : z) count[zi]++;
            for (int n : count) {
                if (n > 0) continue;
                double first = -1, second = -1;
                for (int i = 0; i < x.length; i++) {
                    double d = (x[i] - c[z[i]]) * (x[i] - c[z[i]]);
                    if (d > first) {
                        second = first;
                        first = d;
                    } else if (d > second) {
                        second = d;
                    }
                }
                if (first - second <= 1e-9 * Math.max(1, first)) return "at iteration " + t + " two points are farthest from their centres";
            }
            c = update(x, c, z, KMeansBug.NONE);
        }
        return null;
    }

    private static int[] assign(double[] x, double[] c) {
        int[] z = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            for (int k = 1; k < c.length; k++) {
                if ((x[i] - c[k]) * (x[i] - c[k]) < (x[i] - c[best]) * (x[i] - c[best])) best = k;
            }
            z[i] = best;
        }
        return z;
    }

    private static double[] update(double[] x, double[] c, int[] z, KMeansBug bug) {
        int k = c.length;
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            sum[z[i]] += x[i];
            count[z[i]]++;
        }
        double[] next = new double[k];
        boolean[] taken = new boolean[x.length];
        int kept = 0;
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                next[kept++] = sum[j] / count[j];
            } else if (bug != KMeansBug.EMPTY_CLUSTER_DROPPED) {
                int far = farthest(x, c, z, taken);
                taken[far] = true;
                next[kept++] = x[far];
            }
        }
        return Arrays.copyOf(next, kept);
    }

    /** The point farthest from the centre it was assigned to (the first such), among those not yet taken by an empty cluster. */
    private static int farthest(double[] x, double[] c, int[] z, boolean[] taken) {
        int far = -1;
        double max = -1;
        for (int i = 0; i < x.length; i++) {
            double d = (x[i] - c[z[i]]) * (x[i] - c[z[i]]);
            if (!taken[i] && d > max) {
                max = d;
                far = i;
            }
        }
        return far;
    }

    /** Σᵢ minₖ (xᵢ − cₖ)², or Σᵢ minₖ |xᵢ − cₖ| with {@link KMeansBug#DISTANCE_NOT_SQUARED}. */
    private static double inertia(double[] x, double[] c, KMeansBug bug) {
        double total = 0;
        for (double xi : x) {
            double best = Double.POSITIVE_INFINITY;
            for (double ck : c) best = Math.min(best, (xi - ck) * (xi - ck));
            total += bug == KMeansBug.DISTANCE_NOT_SQUARED ? Math.sqrt(best) : best;
        }
        return total;
    }

    private static int checkStart(double[] x, int k, int iterations) {
        if (x == null || x.length == 0) throw new EstimationException("the data is empty");
        for (double v : x) if (!Double.isFinite(v)) throw new EstimationException("the data has a value that is not a finite number");
        if (k < 1) throw new EstimationException("at least one component is needed");
        if (x.length < k) throw new EstimationException("too few points for " + k + " components: got " + x.length);
        if (iterations < 1) throw new EstimationException("the number of iterations must be at least 1, got " + iterations);
        return k;
    }
}
