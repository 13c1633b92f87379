package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chunked k-means, the covariance-update lasso, the Newton passes of logistic regression and the
 * blocked EM pass against straightforward loops
 * (the textbook algorithms, written as the core had them before the benchmark work): same
 * iterations, same assignments, and numbers equal to 1e-12 relative (the fast loops sum in a
 * different order; EM to 1e-9, its statistics are summed around the previous means).
 */
class FastLoopsTest {
    private static final double RELATIVE = 1e-12;

    @Test
    void kMeansMatchesPlainLloydAboveTheParallelThreshold() {
        Rng rng = new Rng(11);
        double[][] x = new double[30_011][3];
        for (double[] row : x) for (int j = 0; j < 3; j++) row[j] = rng.normal(row.length * (j % 2), 1 + j);
        double[][] start = {x[0].clone(), x[1].clone(), x[2].clone(), x[3].clone(), x[4].clone(), x[5].clone()};
        sameAsPlain(x, start, 40);
    }

    @Test
    void kMeansKeepsTiesAndTheEmptyClusterRule() {
        // a repeated centre loses every tie to the lower index, so its cluster is empty and takes the
        // point farthest from its centre; another centre far away is empty from the start
        Rng rng = new Rng(12);
        double[][] x = new double[25_000][2];
        for (double[] row : x) {
            row[0] = Math.round(rng.normal(0, 3));
            row[1] = Math.round(rng.normal(0, 3));
        }
        double[][] start = {{0, 0}, {0, 0}, {4, 4}, {1e6, 1e6}};
        sameAsPlain(x, start, 30);
        double[][] small = Arrays.copyOf(x, 500);
        sameAsPlain(small, start, 30);
    }

    @Test
    void kMeansInMoreDimensionsKeepsExactAssignmentsAndTies() {
        // integer points and centres make exact ties common, also far from the origin (where a
        // distance computed as ‖c‖² − 2x·c + ‖x‖² would round many of them apart); a duplicated centre
        // stays empty. Any faster distance must keep these assignments exactly
        for (double offset : new double[]{0, 1e4}) {
            Rng rng = new Rng(15);
            int d = 6;
            double[][] x = new double[24_007][d];
            for (double[] row : x) for (int j = 0; j < d; j++) row[j] = offset + Math.round(rng.normal(0, 2));
            double[][] start = new double[7][];
            for (int c = 0; c < 6; c++) start[c] = x[c].clone();
            start[6] = x[2].clone();
            sameAsPlain(x, start, 25);
            sameAsPlain(Arrays.copyOf(x, 700), start, 25);
        }
        Rng rng = new Rng(16);
        double[][] x = new double[30_000][10];
        for (double[] row : x) for (int j = 0; j < 10; j++) row[j] = rng.normal(j % 3, 1);
        double[][] start = new double[10][];
        for (int c = 0; c < 10; c++) start[c] = x[c].clone();
        sameAsPlain(x, start, 30);
    }

    @Test
    void ridgeOnLargeDataTakesTheResidualsFromTheSumsOnlyWhenThatIsAccurate() {
        // n above the parallel threshold: RSS = yᵀy − 2βᵀXᵀy + βᵀGβ from the normal equations when the
        // fit leaves at least 1 % of yᵀy, the exact pass over the residuals when it is closer than that
        for (double noise : new double[]{1, 1e-4}) {
            Rng rng = new Rng(23);
            int n = 30_011, d = 5;
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) x[i][j] = 100 + rng.normal(j, 1 + j);
                y[i] = 3 + x[i][0] - 2 * x[i][3] + 0.5 * x[i][4] + rng.normal(0, noise);
            }
            LinearFit fit = Regression.ridge(x, y, 50);
            double[] b = fit.coefficients();
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - b[0];
                for (int j = 0; j < d; j++) r -= b[j + 1] * x[i][j];
                rss += r * r;
            }
            assertEquals(rss, fit.residualSumOfSquares(), 1e-11 * rss, "noise " + noise);
            // the means and the normal equations come from one pass around a provisional centre:
            // the coefficients of the plain two-pass normal equations
            double[] mean = new double[d + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) mean[j] += x[i][j] / n;
                mean[d] += y[i] / n;
            }
            double[][] g = new double[d][d];
            double[] xty = new double[d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    xty[a] += (x[i][a] - mean[a]) * (y[i] - mean[d]);
                    for (int c = 0; c < d; c++) g[a][c] += (x[i][a] - mean[a]) * (x[i][c] - mean[c]);
                }
            }
            for (int a = 0; a < d; a++) g[a][a] += 50;
            double[] slopes = new org.ejml.simple.SimpleMatrix(g).solve(new org.ejml.simple.SimpleMatrix(d, 1, true, xty)).getDDRM().data;
            for (int j = 0; j < d; j++) assertEquals(slopes[j], b[j + 1], 1e-9 * Math.max(1, Math.abs(slopes[j])), "slope " + j + ", noise " + noise);
            assertEquals(rss / n, fit.sigma2(), 1e-11 * rss / n, "noise " + noise);
        }
    }

    @Test
    void logOnePlusFromTheLogIntrinsicIsWithinAFewUlps() {
        Rng rng = new Rng(29);
        double worst = 0;
        for (int t = 0; t < 200_000; t++) {
            // e = exp(−|η|) as the logistic fit forms it, |η| up to 40, and uniform on [0, 1]
            double e = t % 2 == 0 ? Math.exp(-40 * rng.uniform()) : rng.uniform();
            double exact = Math.log1p(e);
            worst = Math.max(worst, Math.abs(Logistic.log1pSmall(e) - exact) / Math.ulp(exact));
        }
        assertEquals(0, Logistic.log1pSmall(0));
        assertEquals(Math.log1p(1), Logistic.log1pSmall(1), 2 * Math.ulp(Math.log1p(1)));
        org.junit.jupiter.api.Assertions.assertTrue(worst <= 4, "worst error " + worst + " ulps");
    }

    @Test
    void logisticMatchesPlainNewtonStepForStep() {
        // the last pass may compute the cross-entropy alone (when the Newton decrement says it only
        // confirms convergence): same number of passes, same coefficients and cross-entropy as Newton
        // with the full sums on every pass, with and without a penalty, below and above the threshold
        for (int n : new int[]{611, 25_013}) {
            Rng rng = new Rng(17 + n);
            int d = 3;
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) x[i][j] = rng.normal(j, 1);
                double eta = -0.5 + x[i][0] - 0.7 * x[i][1] + 0.2 * x[i][2];
                y[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            }
            for (double lambda : new double[]{0, 3}) {
                LogisticFit fast = Regression.logistic(x, y, lambda);
                double[] plain = new double[d + 2]; // β, then the number of passes
                double nll = plainNewton(x, y, lambda, plain);
                assertEquals((int) plain[d + 1], fast.iterations(), "passes, n = " + n + ", λ = " + lambda);
                close(Arrays.copyOf(plain, d + 1), fast.coefficients(), "logistic, n = " + n + ", λ = " + lambda);
                assertEquals(nll, fast.crossEntropy(), RELATIVE * nll);
            }
        }
    }

    /** Newton with full sums every pass, stopping as Logistic does; fills β and the pass count, returns the cross-entropy. */
    private static double plainNewton(double[][] x, double[] y, double lambda, double[] out) {
        int n = x.length, p = x[0].length + 1;
        double[] beta = new double[p];
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 1; ; it++) {
            double[] g = new double[p];
            double[][] h = new double[p][p];
            double nll = 0;
            for (int i = 0; i < n; i++) {
                double[] z = new double[p];
                z[0] = 1;
                System.arraycopy(x[i], 0, z, 1, p - 1);
                double eta = 0;
                for (int j = 0; j < p; j++) eta += beta[j] * z[j];
                double prob = 1 / (1 + Math.exp(-eta));
                nll += y[i] == 1 ? Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
                for (int a = 0; a < p; a++) {
                    g[a] += z[a] * (y[i] - prob);
                    for (int b = 0; b < p; b++) h[a][b] += prob * (1 - prob) * z[a] * z[b];
                }
            }
            double penalty = 0;
            for (int j = 1; j < p; j++) {
                h[j][j] += lambda;
                g[j] -= lambda * beta[j];
                penalty += 0.5 * lambda * beta[j] * beta[j];
            }
            double objective = nll + penalty;
            if (Math.abs(previous - objective) <= 1e-10 * Math.max(1, Math.abs(objective))) {
                System.arraycopy(beta, 0, out, 0, p);
                out[p] = it;
                return nll;
            }
            previous = objective;
            double[] step = new org.ejml.simple.SimpleMatrix(h).solve(new org.ejml.simple.SimpleMatrix(p, 1, true, g)).getDDRM().data;
            for (int j = 0; j < p; j++) beta[j] += step[j];
        }
    }

    @Test
    void lassoMatchesPlainCoordinateDescent() {
        Rng rng = new Rng(13);
        int n = 20_003, d = 6;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double common = rng.standardNormal();
            for (int j = 0; j < d; j++) x[i][j] = 0.9 * common + 0.4 * rng.standardNormal() + j;
            y[i] = 3 + 2 * x[i][0] - x[i][2] + 0.5 * x[i][4] + rng.standardNormal();
        }
        for (int sweeps : new int[]{1, 7, 40}) {
            LinearFit fast = Regression.lasso(x, y, 2000, 0, sweeps);
            double[] plain = plainLasso(x, y, 2000, sweeps);
            assertEquals(sweeps, fast.iterations());
            close(plain, fast.coefficients(), "lasso after " + sweeps + " sweeps");
        }
        LinearFit converged = Regression.lasso(x, y, 2000);
        assertEquals(true, converged.converged());
        close(plainLasso(x, y, 2000, converged.iterations()), converged.coefficients(), "converged lasso");
    }

    @Test
    void emPassMatchesPlainEmInOneAndThreeDimensions() {
        // sizes: below the parallel threshold, and above it with ranges and blocks that end mid-way
        for (int n : new int[]{517, 20_011}) {
            for (int d : new int[]{1, 3}) {
                Rng rng = new Rng(14 + n + d);
                double[][] x = new double[n][d];
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i][j] = rng.normal(3 * (i % 3) - j, 1 + 0.5 * (i % 2));
                double[][] means = new double[3][];
                double[][][] cov = new double[3][d][d];
                for (int c = 0; c < 3; c++) {
                    means[c] = x[c].clone();
                    for (int j = 0; j < d; j++) {
                        for (int l = 0; l < d; l++) cov[c][j][l] = j == l ? 2 : 0.3;
                    }
                }
                GmmParameters start = new GmmParameters(new double[]{0.2, 0.3, 0.5}, means, cov);
                GmmFit fit = GaussianMixture.fit(x, GmmOptions.defaults(3).withInitial(start).withIterations(6, 0));
                GmmParameters theta = start;
                for (int it = 0; it <= 6; it++) {
                    double[][] r = new double[n][3];
                    double ll = plainEStep(x, theta, r);
                    Fixtures.close(ll, fit.trace().get(it).logLikelihood(), 1e-12, "log-likelihood at " + it);
                    if (it == 6) {
                        for (int i = 0; i < n; i += 97) close(r[i], fit.responsibilities()[i], "responsibilities of " + i);
                        break;
                    }
                    theta = plainMStep(x, r, 1e-6);
                    GmmParameters fast = fit.trace().get(it + 1).parameters();
                    for (int c = 0; c < 3; c++) {
                        Fixtures.close(theta.weights()[c], fast.weights()[c], 1e-12, "weight " + c);
                        Fixtures.close(theta.means()[c], fast.means()[c], 1e-9, "mean " + c);
                        Fixtures.close(theta.covariances()[c], fast.covariances()[c], 1e-9, "covariance " + c);
                    }
                }
            }
        }
    }

    /** Responsibilities by log-sum-exp of log πₖ + log N(xᵢ | μₖ, Σₖ); returns the log-likelihood. */
    private static double plainEStep(double[][] x, GmmParameters theta, double[][] r) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < theta.k(); c++) {
                r[i][c] = Math.log(theta.weights()[c]) + LogLikelihood.mvnormal(new double[][]{x[i]}, theta.means()[c], theta.covariances()[c]);
                max = Math.max(max, r[i][c]);
            }
            double sum = 0;
            for (int c = 0; c < theta.k(); c++) sum += Math.exp(r[i][c] - max);
            for (int c = 0; c < theta.k(); c++) r[i][c] = Math.exp(r[i][c] - max) / sum;
            ll += max + Math.log(sum);
        }
        return ll;
    }

    private static GmmParameters plainMStep(double[][] x, double[][] r, double reg) {
        int n = x.length, d = x[0].length, k = r[0].length;
        double[] w = new double[k];
        double[][] mu = new double[k][d];
        double[][][] cov = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            double nk = 0;
            for (int i = 0; i < n; i++) {
                nk += r[i][c];
                for (int j = 0; j < d; j++) mu[c][j] += r[i][c] * x[i][j];
            }
            for (int j = 0; j < d; j++) mu[c][j] /= nk;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) cov[c][a][b] += r[i][c] * (x[i][a] - mu[c][a]) * (x[i][b] - mu[c][b]) / nk;
            }
            for (int a = 0; a < d; a++) cov[c][a][a] += reg;
            w[c] = nk / n;
        }
        return new GmmParameters(w, mu, cov);
    }

    private static void sameAsPlain(double[][] x, double[][] start, int iterations) {
        KMeansFit fast = KMeans.fromCenters(x, start, iterations);
        Plain plain = plainLloyd(x, GmmParameters.deep(start), iterations);
        assertEquals(plain.iterations, fast.iterations());
        assertEquals(plain.converged, fast.converged());
        assertArrayEquals(plain.assign, fast.assignments());
        for (int c = 0; c < start.length; c++) close(plain.centers[c], fast.centers()[c], "centre " + c);
        assertEquals(plain.inertia, fast.inertia(), RELATIVE * plain.inertia);
        assertEquals(plain.iterations + 1, fast.trace().size());
    }

    private record Plain(double[][] centers, int[] assign, double inertia, int iterations, boolean converged) {
    }

    private static Plain plainLloyd(double[][] x, double[][] centers, int maxIterations) {
        int n = x.length, k = centers.length, d = x[0].length;
        int[] assign = new int[n];
        double inertia = plainAssign(x, centers, assign);
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            double[][] next = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int j = 0; j < d; j++) next[assign[i]][j] += x[i][j];
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    int far = 0;
                    double max = -1;
                    for (int i = 0; i < n; i++) {
                        double dist = KMeans.squared(x[i], centers[assign[i]]);
                        if (dist > max) {
                            max = dist;
                            far = i;
                        }
                    }
                    next[c] = x[far].clone();
                } else {
                    for (int j = 0; j < d; j++) next[c][j] /= count[c];
                }
            }
            it++;
            double[][] previous = centers;
            centers = next;
            inertia = plainAssign(x, centers, assign);
            if (Arrays.deepEquals(previous, centers)) {
                converged = true;
                break;
            }
        }
        return new Plain(centers, assign, inertia, it, converged);
    }

    private static double plainAssign(double[][] x, double[][] centers, int[] assign) {
        double inertia = 0;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestDist = KMeans.squared(x[i], centers[0]);
            for (int c = 1; c < centers.length; c++) {
                double dist = KMeans.squared(x[i], centers[c]);
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            assign[i] = best;
            inertia += bestDist;
        }
        return inertia;
    }

    private static double[] plainLasso(double[][] x, double[] y, double lambda, int sweeps) {
        int n = y.length, d = x[0].length;
        double[] xm = new double[d];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            ym += y[i] / n;
            for (int j = 0; j < d; j++) xm[j] += x[i][j] / n;
        }
        double[][] xc = new double[n][d];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - ym;
            for (int j = 0; j < d; j++) xc[i][j] = x[i][j] - xm[j];
        }
        double[] norms = new double[d];
        for (int j = 0; j < d; j++) for (int i = 0; i < n; i++) norms[j] += xc[i][j] * xc[i][j];
        double[] beta = new double[d];
        for (int it = 0; it < sweeps; it++) {
            for (int j = 0; j < d; j++) {
                double rho = 0;
                for (int i = 0; i < n; i++) rho += xc[i][j] * (residual[i] + xc[i][j] * beta[j]);
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / norms[j];
                double delta = updated - beta[j];
                for (int i = 0; i < n; i++) residual[i] -= xc[i][j] * delta;
                beta[j] = updated;
            }
        }
        double[] out = new double[d + 1];
        out[0] = ym;
        for (int j = 0; j < d; j++) {
            out[j + 1] = beta[j];
            out[0] -= beta[j] * xm[j];
        }
        return out;
    }

    private static void close(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], RELATIVE * scale, what + " [" + j + "]");
        }
    }
}
