package org.argmax.estimation;

/**
 * Per-component constants for evaluating log πₖ N(x | μₖ, Σₖ) fast: log weight + normalizing
 * constant, the mean, and L⁻¹ (the inverse Cholesky factor) so the Mahalanobis term is ‖L⁻¹(x−μ)‖².
 */
final class MixtureComponents {
    final int k;
    final int d;
    final double[] logConstant;   // log πₖ − ½(d log 2π + log|Σₖ|)
    final double[] means;         // k × d, row major
    final double[] inverseCholesky; // k × d × d, lower triangular, row major
    final double[] inverseCholeskyByColumn; // the same, column major: the E-step walks L⁻¹ column by column

    MixtureComponents(GmmParameters p) {
        k = p.k();
        d = p.dimension();
        logConstant = new double[k];
        means = new double[k * d];
        inverseCholesky = new double[k * d * d];
        inverseCholeskyByColumn = new double[k * d * d];
        double[][][] cov = p.covariances();
        double[][] mu = p.means();
        double[] w = p.weights();
        for (int c = 0; c < k; c++) {
            double[][] l;
            try {
                l = Cholesky.lower(cov[c]);
            } catch (EstimationException e) {
                throw new EstimationException("the covariance of component " + (c + 1) + " is singular (not positive definite); increase the regularization");
            }
            double logDet = 0;
            for (int i = 0; i < d; i++) logDet += 2 * Math.log(l[i][i]);
            logConstant[c] = Math.log(w[c]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet);
            System.arraycopy(mu[c], 0, means, c * d, d);
            // invert the lower-triangular L column by column
            int base = c * d * d;
            for (int col = 0; col < d; col++) {
                for (int row = col; row < d; row++) {
                    double s = row == col ? 1 : 0;
                    for (int m = col; m < row; m++) s -= l[row][m] * inverseCholesky[base + m * d + col];
                    inverseCholesky[base + row * d + col] = s / l[row][row];
                    inverseCholeskyByColumn[base + col * d + row] = inverseCholesky[base + row * d + col];
                }
            }
        }
    }

    /**
     * Fills {@code out[c]} with log πₖ N(x | μₖ, Σₖ) for the point at {@code data[offset…offset+d)};
     * {@code scratch} holds 2d values. z = L⁻¹(x − μ) is accumulated column by column (independent
     * updates instead of one dependent chain per row), in the same order of terms as row by row.
     */
    void logDensities(double[] data, int offset, double[] out, double[] scratch) {
        for (int c = 0; c < k; c++) {
            int mb = c * d, lb = c * d * d;
            for (int j = 0; j < d; j++) {
                scratch[j] = data[offset + j] - means[mb + j];
                scratch[d + j] = 0;
            }
            for (int m = 0; m < d; m++) {
                double s = scratch[m];
                int cb = lb + m * d;
                for (int row = m; row < d; row++) scratch[d + row] += inverseCholeskyByColumn[cb + row] * s;
            }
            double quad = 0;
            for (int row = 0; row < d; row++) quad += scratch[d + row] * scratch[d + row];
            out[c] = logConstant[c] - 0.5 * quad;
        }
    }
}
