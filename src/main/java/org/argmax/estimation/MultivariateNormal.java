package org.argmax.estimation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/** Multivariate normal: MLE (mean vector, covariance divided by n) and log-likelihood, via Cholesky. */
public final class MultivariateNormal {
    private MultivariateNormal() {
    }

    /** μ̂ = (1/n) Σ xᵢ, Σ̂ = (1/n) Σ (xᵢ−μ̂)(xᵢ−μ̂)ᵀ. */
    public static Fit mle(double[][] x) {
        int d = checkRows(x);
        int n = x.length;
        if (n < 2) throw new EstimationException("need at least 2 rows to estimate a covariance matrix, got " + n);
        double[] mean = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) mean[j] += row[j] / n;
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = 0; b <= a; b++) cov[a][b] += da * (row[b] - mean[b]) / n;
            }
        }
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) cov[b][a] = cov[a][b];
        double ll = logLikelihood(x, mean, cov);
        var estimate = new java.util.LinkedHashMap<String, Object>();
        estimate.put("mean", mean);
        estimate.put("covariance", cov);
        return Fit.closedForm(Family.MVNORMAL, estimate, ll, n);
    }

    public static double logLikelihood(double[][] x, double[] mean, double[][] covariance) {
        int d = checkRows(x);
        if (mean.length != d || covariance.length != d) {
            throw new EstimationException("the data has " + d + " columns but the mean has " + mean.length + " and the covariance " + covariance.length + " rows");
        }
        double[] l = choleskyLower(covariance);
        for (int i = 0; l != null && i < d; i++) {
            // a pivot this small next to the variance means the columns are (numerically) dependent
            if (l[i * d + i] * l[i * d + i] <= 1e-12 * covariance[i][i]) l = null;
        }
        if (l == null) {
            throw new EstimationException("the covariance matrix is singular (not positive definite): some columns are constant or linear combinations of others");
        }
        double logDet = 0;
        for (int i = 0; i < d; i++) logDet += 2 * Math.log(l[i * d + i]);
        double[] z = new double[d];
        double quad = 0;
        for (double[] row : x) {
            for (int i = 0; i < d; i++) z[i] = row[i] - mean[i];
            TriangularSolver_DDRM.solveL(l, z, d); // z = L⁻¹(x − μ)
            for (int i = 0; i < d; i++) quad += z[i] * z[i];
        }
        return -0.5 * x.length * (d * Math.log(2 * Math.PI) + logDet) - 0.5 * quad;
    }

    /**
     * The lower Cholesky factor L of Σ = LLᵀ (d × d, row major) by EJML, or null when Σ is not
     * positive definite.
     */
    static double[] choleskyLower(double[][] sigma) {
        int d = sigma.length;
        for (double[] row : sigma) if (row.length != d) throw new EstimationException("the covariance matrix must be square");
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (!chol.decompose(new DMatrixRMaj(sigma))) return null;
        double[] l = chol.getT(null).data;
        for (int i = 0; i < d; i++) if (!(l[i * d + i] > 0)) return null; // NaN
        return l;
    }

    static int checkRows(double[][] x) {
        if (x == null || x.length == 0) throw new EstimationException("mvnormal data is empty: give at least two rows");
        int d = x[0] == null ? 0 : x[0].length;
        if (d == 0) throw new EstimationException("row 1 has no values");
        // in Chunked ranges (on a large data set this pass was a tenth of a ridge fit, on one core);
        // the first bad row of the first range that has one is the first bad row
        int bad = Chunked.reduce(x.length, (ch, from, to) -> {
            for (int i = from; i < to; i++) {
                double[] row = x[i];
                if (row == null || row.length != d) return i;
                for (int j = 0; j < d; j++) {
                    if (!Double.isFinite(row[j])) return i;
                }
            }
            return -1;
        }, (a, b) -> a >= 0 ? a : b);
        if (bad >= 0) {
            double[] row = x[bad];
            if (row == null || row.length != d) {
                throw new EstimationException("row " + (bad + 1) + " has " + (row == null ? 0 : row.length) + " values but row 1 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) throw new EstimationException("row " + (bad + 1) + ", column " + (j + 1) + " is not a finite number");
            }
        }
        return d;
    }

}
