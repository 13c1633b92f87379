package org.argmax.estimation;

/**
 * Second moments of rows xᵢ ∈ ℝᵈ: the scatter matrix S = Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ and the matrices built
 * from it. The multivariate normal's MLE is S/n ({@link MultivariateNormal#mle}); S/(n − 1) is the
 * unbiased covariance; the correlation rescales S to a unit diagonal; (1/n) Σᵢ xᵢxᵢᵀ, the second
 * moments about the origin, is what an uncentered sum gives.
 */
public final class ScatterMatrix {
    private ScatterMatrix() {
    }

    /** x̄ = (1/n) Σᵢ xᵢ. */
    public static double[] mean(double[][] x) {
        int d = MultivariateNormal.checkRows(x);
        double[] mean = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) mean[j] += row[j];
        for (int j = 0; j < d; j++) mean[j] /= x.length;
        return mean;
    }

    /** S = Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ. */
    public static double[][] scatter(double[][] x) {
        double[] mean = mean(x);
        return products(x, mean, 1);
    }

    /** S / divisor: the MLE with divisor n, the unbiased covariance with n − 1. */
    public static double[][] covariance(double[][] x, double divisor) {
        if (!(divisor > 0) || Double.isInfinite(divisor)) throw new EstimationException("the divisor must be a positive number, got " + divisor);
        double[][] s = scatter(x);
        for (double[] row : s) for (int j = 0; j < row.length; j++) row[j] /= divisor;
        return s;
    }

    /** (1/n) Σᵢ xᵢxᵢᵀ: second moments about the origin, not about the mean. */
    public static double[][] secondMoments(double[][] x) {
        int d = MultivariateNormal.checkRows(x);
        return products(x, new double[d], x.length);
    }

    /** Rₐ_b = Sₐ_b / √(Sₐₐ S_bb): the sample correlation matrix (the same whatever the divisor). */
    public static double[][] correlation(double[][] x) {
        double[][] s = scatter(x);
        int d = s.length;
        for (int a = 0; a < d; a++) {
            if (!(s[a][a] > 0)) throw new EstimationException("column " + (a + 1) + " is constant: its correlation is undefined");
        }
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) r[a][b] = a == b ? 1 : s[a][b] / Math.sqrt(s[a][a] * s[b][b]);
        return r;
    }

    /** Σᵢ (xᵢ − c)(xᵢ − c)ᵀ / divisor, symmetric by construction. */
    private static double[][] products(double[][] x, double[] center, double divisor) {
        int d = center.length;
        double[][] out = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - center[a];
                for (int b = 0; b <= a; b++) out[a][b] += da * (row[b] - center[b]);
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                out[a][b] /= divisor;
                out[b][a] = out[a][b];
            }
        }
        return out;
    }
}
