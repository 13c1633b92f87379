package org.argmax.estimation;

import java.util.Arrays;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;

/**
 * Per-component constants for evaluating log πₖ N(x | μₖ, Σₖ) fast: log weight + normalizing
 * constant, the mean, and L⁻¹ (the inverse Cholesky factor, from EJML) so the Mahalanobis term is
 * ‖L⁻¹(x−μ)‖².
 */
final class MixtureComponents {
    final int k;
    final int d;
    final double[] logConstant;     // log πₖ − ½(d log 2π + log|Σₖ|)
    final double[] means;           // k × d, row major
    final double[] inverseCholesky; // k × d × d, lower triangular, row major

    MixtureComponents(GmmParameters p) {
        k = p.k();
        d = p.dimension();
        logConstant = new double[k];
        means = new double[k * d];
        inverseCholesky = new double[k * d * d];
        double[][][] cov = p.covariances();
        double[][] mu = p.means();
        double[] w = p.weights();
        double[] inverse = new double[d * d];
        for (int c = 0; c < k; c++) {
            double[] l = MultivariateNormal.choleskyLower(cov[c]);
            if (l == null) {
                throw new EstimationException("the covariance of component " + (c + 1) + " is singular (not positive definite); increase the regularization");
            }
            double logDet = 0;
            for (int i = 0; i < d; i++) logDet += 2 * Math.log(l[i * d + i]);
            logConstant[c] = Math.log(w[c]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet);
            System.arraycopy(mu[c], 0, means, c * d, d);
            TriangularSolver_DDRM.invertLower(l, inverse, d);
            System.arraycopy(inverse, 0, inverseCholesky, c * d * d, d * d);
        }
    }

    /**
     * out[c][i] = log πₖ N(xᵢ | μₖ, Σₖ) for the points i &lt; rows of a block stored by coordinate
     * (x[j][i] = coordinate j of point i). Row r of z = L⁻¹(x − μ) is Σₘ L⁻¹ᵣₘ(xₘ − μₘ) summed over
     * m in order, and ‖z‖² over r in order, each loop running over the block's points (the JIT
     * vectorizes them); z and quad are scratch rows of the block's length.
     */
    void logDensities(double[][] x, int rows, double[][] out, double[] z, double[] quad) {
        for (int c = 0; c < k; c++) {
            int mb = c * d, lb = c * d * d;
            Arrays.fill(quad, 0, rows, 0);
            for (int r = 0; r < d; r++) {
                Arrays.fill(z, 0, rows, 0);
                for (int m = 0; m <= r; m++) {
                    double l = inverseCholesky[lb + r * d + m], mu = means[mb + m];
                    double[] xm = x[m];
                    for (int i = 0; i < rows; i++) z[i] += l * (xm[i] - mu);
                }
                for (int i = 0; i < rows; i++) quad[i] += z[i] * z[i];
            }
            double constant = logConstant[c];
            double[] o = out[c];
            for (int i = 0; i < rows; i++) o[i] = constant - 0.5 * quad[i];
        }
    }
}
