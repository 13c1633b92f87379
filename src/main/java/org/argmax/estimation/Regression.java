package org.argmax.estimation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear models as maximum likelihood (OLS under Gaussian noise) and MAP (ridge: Gaussian prior;
 * lasso: Laplace prior) estimates. X has one row per observation and no intercept column; the
 * intercept is never penalized.
 */
public final class Regression {
    private Regression() {
    }

    /**
     * β̂ = argmin ‖y − Xβ‖² by Householder QR of [1 X y] (Qᵀy is the last column of R, Q is never
     * formed); σ̂² = RSS/n. The rows are reduced in blocks into a running triangular factor (TSQR:
     * Demmel et al., "Communication-optimal parallel and sequential QR", 2012), in fixed chunks whose
     * factors are merged in a fixed order, so the result does not depend on the number of threads.
     */
    public static LinearFit ols(double[][] x, double[] y) {
        int d = checkXy(x, y, "linear regression");
        int n = y.length, p = d + 1;
        if (n < p) throw new EstimationException("need at least " + p + " observations for " + p + " coefficients, got " + n);
        double[] r = TallQr.factor(x, y, d);
        int m = p + 1;
        double scale = 0;
        for (int j = 0; j < p; j++) scale = Math.max(scale, Math.abs(r[j * m + j]));
        for (int j = 0; j < p; j++) {
            if (!(Math.abs(r[j * m + j]) > 1e-10 * scale)) throw dependent(x, d);
        }
        double[] u = new double[p * p], beta = new double[p]; // R = [U Qᵀy; 0 ‖residual‖]: solve Uβ = Qᵀy
        for (int i = 0; i < p; i++) {
            System.arraycopy(r, i * m, u, i * p, p);
            beta[i] = r[i * m + p];
        }
        TriangularSolver_DDRM.solveU(u, beta, p);
        return linearFit("linear", x, y, beta, 0, 0, true);
    }

    /** Ridge = MAP with a N(0, σ²_prior) prior on each slope: minimize ‖y − β₀ − Xβ‖² + λ‖β‖², λ = σ²/σ²_prior. */
    public static LinearFit ridge(double[][] x, double[] y, double lambda) {
        int d = checkXy(x, y, "ridge regression");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new EstimationException("lambda must be a number ≥ 0, got " + lambda);
        if (lambda == 0) return ols(x, y);
        Centered.Normal normal = Centered.normalEquationsWithMeans(x, y, d);
        Centered c = normal.centre();
        double[][] g = normal.gram();
        double[] diagonal = new double[d];
        for (int j = 0; j < d; j++) {
            diagonal[j] = g[j][j];
            g[j][j] += lambda;
        }
        double[] slopes = solveSpd(new DMatrixRMaj(g).data, normal.xty());
        if (slopes == null) throw new EstimationException("the ridge system could not be solved");
        double[] beta = c.withIntercept(slopes);
        if (y.length >= Chunked.THRESHOLD) {
            // on large data, the residual sum of squares from the sums already made instead of one
            // more pass over X (a tenth of the fit): while it is at least 1 % of yᵀy its rounding
            // error (about 4u·yᵀy) stays below ~1e-13 of it; a closer fit takes the exact pass
            double rss = normal.residualSumOfSquares(slopes, diagonal);
            if (rss >= 1e-2 * normal.yy() && rss < Double.POSITIVE_INFINITY) return fromRss("ridge", beta, rss, y.length, lambda, 0, true);
        }
        return linearFit("ridge", x, y, beta, lambda, 0, true);
    }

    /**
     * Ridge with the intercept penalized as well: minimize ‖y − Zβ‖² + λ‖β‖² over all of β = (β₀, β₁, …),
     * Z = [1 X], so β = (ZᵀZ + λI)⁻¹Zᵀy with λ on every diagonal entry. Not what {@link #ridge} does
     * (the intercept should not be shrunk towards 0: that depends on where 0 is on the y axis); the
     * exercises name it as a mistake.
     */
    public static double[] ridgePenalizingIntercept(double[][] x, double[] y, double lambda) {
        int d = checkXy(x, y, "ridge regression");
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new EstimationException("lambda must be a number > 0, got " + lambda);
        int p = d + 1;
        double[][] g = new double[p][p];
        double[] zty = new double[p];
        double[] z = new double[p];
        for (int i = 0; i < y.length; i++) {
            z[0] = 1;
            System.arraycopy(x[i], 0, z, 1, d);
            for (int a = 0; a < p; a++) {
                zty[a] += z[a] * y[i];
                for (int b = 0; b < p; b++) g[a][b] += z[a] * z[b];
            }
        }
        for (int j = 0; j < p; j++) g[j][j] += lambda;
        double[] flat = new double[p * p];
        for (int a = 0; a < p; a++) System.arraycopy(g[a], 0, flat, a * p, p);
        double[] beta = solveSpd(flat, zty);
        if (beta == null) throw new EstimationException("the ridge system could not be solved");
        return beta;
    }

    /** λ = σ²/σ²_prior: the ridge penalty implied by the noise variance and the prior variance of the slopes. */
    public static double lambdaFromVariances(double noiseVariance, double priorVariance) {
        DataChecks.positiveParameter(noiseVariance, "the noise variance");
        DataChecks.positiveParameter(priorVariance, "the prior variance");
        return noiseVariance / priorVariance;
    }

    /**
     * Lasso = MAP with a Laplace prior: minimize ½‖y − β₀ − Xβ‖² + λ‖β‖₁ by cyclic coordinate descent
     * (soft-thresholding). scikit-learn's Lasso uses (1/2n)‖·‖² + α‖β‖₁, so α = λ/n.
     */
    public static LinearFit lasso(double[][] x, double[] y, double lambda, double tolerance, int maxIterations) {
        return Lasso.fit(x, y, lambda, tolerance, maxIterations);
    }

    public static LinearFit lasso(double[][] x, double[] y, double lambda) {
        return lasso(x, y, lambda, 1e-12, 100_000);
    }

    /** Logistic regression by Newton/IRLS; with λ > 0 the MAP under a N(0, 1/λ) prior on the slopes. */
    public static LogisticFit logistic(double[][] x, double[] y, double lambda) {
        return Logistic.fit(x, y, lambda, 1e-10, 100);
    }

    static LinearFit linearFit(String model, double[][] x, double[] y, double[] beta, double lambda, int iterations, boolean converged) {
        int n = y.length, d = beta.length - 1;
        double rss = Chunked.reduce(n, (ch, from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double[] row = x[i];
                double fitted = beta[0];
                for (int j = 0; j < d; j++) fitted += beta[j + 1] * row[j];
                sum += (y[i] - fitted) * (y[i] - fitted);
            }
            return sum;
        }, Double::sum);
        double mean = 0, spread = 0;
        for (double v : y) mean += v;
        mean /= n;
        for (double v : y) spread += (v - mean) * (v - mean);
        // rounding leaves ~1e-30 of residual on exact data: treat a residual that tiny next to y's spread as zero
        if (rss <= 1e-20 * spread || rss / n == 0) {
            throw new EstimationException("the line fits every point exactly (the residuals are all 0), so the noise variance estimate is 0 and the likelihood has no maximum; add noise or points");
        }
        return fromRss(model, beta, rss, n, lambda, iterations, converged);
    }

    /** The fit with σ̂² = RSS/n, for an RSS that is not (close to) 0. */
    static LinearFit fromRss(String model, double[] beta, double rss, int n, double lambda, int iterations, boolean converged) {
        double sigma2 = rss / n;
        // at σ̂² = RSS/n the Gaussian log-likelihood simplifies to −(n/2)(log 2πσ̂² + 1)
        double ll = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1);
        return new LinearFit(model, beta, sigma2, rss, ll, n, lambda, iterations, converged);
    }

    /** Names the first column of [1 X] that the earlier ones span (Gram–Schmidt), for the error message. */
    private static EstimationException dependent(double[][] x, int d) {
        int n = x.length;
        java.util.List<double[]> basis = new java.util.ArrayList<>();
        int column = d;
        for (int j = 0; j <= d; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = j == 0 ? 1 : x[i][j - 1];
            double norm0 = Math.sqrt(dot(v, v));
            for (double[] b : basis) {
                double c = dot(v, b);
                for (int i = 0; i < n; i++) v[i] -= c * b[i];
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm <= 1e-10 * Math.max(norm0, 1e-300)) {
                column = j;
                break;
            }
            for (int i = 0; i < n; i++) v[i] /= norm;
            basis.add(v);
        }
        String what = column == 0 ? "the intercept column" : "column " + column;
        return new EstimationException("the columns of X are linearly dependent (" + what
                + " is a combination of the columns before it, or constant), so the least-squares coefficients are not unique");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** The solution of A x = b for a symmetric positive-definite A (p × p, row major, not modified) by EJML's Cholesky; null if A is not positive definite. */
    static double[] solveSpd(double[] a, double[] b) {
        int p = b.length;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
        if (!solver.setA(new DMatrixRMaj(p, p, true, a.clone()))) return null;
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        solver.solve(new DMatrixRMaj(p, 1, true, b), x);
        return x.data;
    }

    static int checkXy(double[][] x, double[] y, String what) {
        if (x == null || y == null || x.length == 0) throw new EstimationException(what + " needs data: x rows and y values");
        if (x.length != y.length) throw new EstimationException("there are " + x.length + " rows of x but " + y.length + " values of y");
        int d = MultivariateNormal.checkRows(x);
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) throw new EstimationException("y value " + (i + 1) + " is not a finite number");
        }
        return d;
    }
}
