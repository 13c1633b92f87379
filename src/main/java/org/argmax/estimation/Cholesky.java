package org.argmax.estimation;

/** The lower Cholesky factor L of a symmetric positive-definite matrix (Σ = L Lᵀ). */
final class Cholesky {
    private Cholesky() {
    }

    static double[][] lower(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            if (a[i].length != d) throw new EstimationException("the covariance matrix must be square");
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) throw new EstimationException("the covariance matrix is not positive definite");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
