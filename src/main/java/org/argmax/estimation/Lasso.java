package org.argmax.estimation;

/**
 * Lasso by cyclic coordinate descent on centred data (see {@link Regression#lasso}). Each coordinate
 * step is βⱼ ← S(ρⱼ, λ) / ‖xⱼ‖² with ρⱼ = xⱼᵀ(r + xⱼβⱼ) and S the soft-threshold. X is copied once
 * into centred columns, and the residual update of one coordinate is made in the same pass as the
 * next coordinate's ρ, so each step streams two columns and the residual once.
 */
final class Lasso {
    private Lasso() {
    }

    static LinearFit fit(double[][] x, double[] y, double lambda, double tolerance, int maxIterations) {
        int d = Regression.checkXy(x, y, "lasso regression");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new EstimationException("lambda must be a number ≥ 0, got " + lambda);
        Centered c = Centered.of(x, y, d);
        double[][] columns = c.columns(x);
        double[] residual = c.centredY(y);
        double[] norms = new double[d];
        for (int j = 0; j < d; j++) {
            for (double v : columns[j]) norms[j] += v * v;
            if (norms[j] == 0) throw new EstimationException("column " + (j + 1) + " of X is constant, so its coefficient is not identifiable");
        }
        double[] beta = new double[d];
        double[] owed = null; // the column whose step is not yet in the residual, and that step
        double owedDelta = 0;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            double maxChange = 0, maxBeta = 0;
            for (int j = 0; j < d; j++) {
                double[] xj = columns[j];
                double rho = rho(residual, owed, owedDelta, xj, beta[j]);
                owed = null;
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / norms[j];
                double delta = updated - beta[j];
                if (delta != 0) {
                    owed = xj;
                    owedDelta = delta;
                    beta[j] = updated;
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

    /**
     * ρ = Σᵢ xᵢ (rᵢ + xᵢβ), after first making the owed step r −= owed·δ (when owed is not null) in
     * the same pass. Four partial sums (rows i mod 4), so the additions do not wait on each other.
     */
    private static double rho(double[] r, double[] owed, double delta, double[] x, double beta) {
        int n = r.length, i = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (owed == null) {
            for (; i + 4 <= n; i += 4) {
                s0 += x[i] * (r[i] + x[i] * beta);
                s1 += x[i + 1] * (r[i + 1] + x[i + 1] * beta);
                s2 += x[i + 2] * (r[i + 2] + x[i + 2] * beta);
                s3 += x[i + 3] * (r[i + 3] + x[i + 3] * beta);
            }
        } else {
            for (; i + 4 <= n; i += 4) {
                double r0 = r[i] - owed[i] * delta, r1 = r[i + 1] - owed[i + 1] * delta;
                double r2 = r[i + 2] - owed[i + 2] * delta, r3 = r[i + 3] - owed[i + 3] * delta;
                r[i] = r0;
                r[i + 1] = r1;
                r[i + 2] = r2;
                r[i + 3] = r3;
                s0 += x[i] * (r0 + x[i] * beta);
                s1 += x[i + 1] * (r1 + x[i + 1] * beta);
                s2 += x[i + 2] * (r2 + x[i + 2] * beta);
                s3 += x[i + 3] * (r3 + x[i + 3] * beta);
            }
        }
        for (; i < n; i++) {
            if (owed != null) r[i] -= owed[i] * delta;
            s0 += x[i] * (r[i] + x[i] * beta);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
