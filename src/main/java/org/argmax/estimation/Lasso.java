package org.argmax.estimation;

/**
 * Lasso by cyclic coordinate descent on centred data (see {@link Regression#lasso}) with covariance
 * updates (Friedman, Hastie and Tibshirani, "Regularization paths for generalized linear models via
 * coordinate descent", 2010, section 2.2): one pass over the data forms the centred Gram matrix
 * G = XᵀX and Xᵀy ({@link Centered#normalEquations}, in parallel ranges); then each coordinate step
 * βⱼ ← S(ρⱼ, λ) / Gⱼⱼ with ρⱼ = xⱼᵀ(r + xⱼβⱼ) = (Xᵀy)ⱼ − (Gβ)ⱼ + Gⱼⱼβⱼ costs O(d) instead of a pass
 * over the n rows: Gβ is kept up to date, a change δ of βⱼ adds δ·Gⱼ to it.
 */
final class Lasso {
    private Lasso() {
    }

    static LinearFit fit(double[][] x, double[] y, double lambda, double tolerance, int maxIterations) {
        int d = Regression.checkXy(x, y, "lasso regression");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new EstimationException("lambda must be a number ≥ 0, got " + lambda);
        Centered c = Centered.of(x, y, d);
        Centered.Normal normal = c.normalEquations(x, y);
        double[][] gram = normal.gram();
        double[] xty = normal.xty();
        for (int j = 0; j < d; j++) {
            if (gram[j][j] == 0) throw new EstimationException("column " + (j + 1) + " of X is constant, so its coefficient is not identifiable");
        }
        double[] beta = new double[d];
        double[] gb = new double[d]; // Gβ
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            double maxChange = 0, maxBeta = 0;
            for (int j = 0; j < d; j++) {
                double[] gj = gram[j];
                double rho = xty[j] - gb[j] + gj[j] * beta[j];
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / gj[j];
                double delta = updated - beta[j];
                if (delta != 0) {
                    beta[j] = updated;
                    for (int m = 0; m < d; m++) gb[m] += gj[m] * delta;
                }
                maxChange = Math.max(maxChange, Math.abs(delta));
                maxBeta = Math.max(maxBeta, Math.abs(updated));
            }
            if (maxChange <= tolerance * Math.max(1, maxBeta)) {
                converged = true;
                break;
            }
        }
        return Regression.linearFit("lasso", x, y, c.withIntercept(beta), lambda, it, converged);
    }
}
