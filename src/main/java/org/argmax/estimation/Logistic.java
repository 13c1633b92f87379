package org.argmax.estimation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Logistic regression P(y=1|x) = σ(β₀ + xᵀβ) by Newton's method (IRLS): each step solves
 * (XᵀWX + λD) Δ = Xᵀ(y − p) − λDβ, W = diag(pᵢ(1−pᵢ)), D = diag(0, 1, …, 1) so the intercept is not
 * penalized. The negative log-likelihood Σ −[yᵢ log pᵢ + (1−yᵢ) log(1−pᵢ)] is the cross-entropy.
 */
final class Logistic {
    private Logistic() {
    }

    static LogisticFit fit(double[][] x, double[] y, double lambda, double tolerance, int maxIterations) {
        int d = Regression.checkXy(x, y, "logistic regression");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new EstimationException("lambda must be a number ≥ 0, got " + lambda);
        int n = y.length, p = d + 1;
        boolean sawZero = false, sawOne = false;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) throw new EstimationException("logistic regression needs y values of 0 or 1; value " + (i + 1) + " is " + y[i]);
            sawZero |= y[i] == 0;
            sawOne |= y[i] == 1;
        }
        if (!sawZero || !sawOne) throw new EstimationException("all y values are " + (sawOne ? 1 : 0) + ": logistic regression needs both classes");
        double[] beta = new double[p];
        double[] xi = new double[p];
        double[] hessian = new double[p * p];
        double[] gradient = new double[p];
        double previous = Double.POSITIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            java.util.Arrays.fill(hessian, 0);
            java.util.Arrays.fill(gradient, 0);
            double nll = 0;
            for (int i = 0; i < n; i++) {
                xi[0] = 1;
                System.arraycopy(x[i], 0, xi, 1, d);
                double eta = 0;
                for (int j = 0; j < p; j++) eta += beta[j] * xi[j];
                double prob = 1 / (1 + Math.exp(-eta));
                nll += y[i] == 1 ? softplus(-eta) : softplus(eta);
                double w = prob * (1 - prob), r = y[i] - prob;
                for (int a = 0; a < p; a++) {
                    gradient[a] += xi[a] * r;
                    double wa = w * xi[a];
                    int row = a * p;
                    for (int b = 0; b <= a; b++) hessian[row + b] += wa * xi[b];
                }
            }
            double penalty = 0;
            for (int j = 1; j < p; j++) {
                hessian[j * p + j] += lambda;
                gradient[j] -= lambda * beta[j];
                penalty += 0.5 * lambda * beta[j] * beta[j];
            }
            double objective = nll + penalty;
            if (Math.abs(previous - objective) <= tolerance * Math.max(1, Math.abs(objective))) {
                converged = true;
                break;
            }
            previous = objective;
            for (int a = 0; a < p; a++) for (int b = 0; b < a; b++) hessian[b * p + a] = hessian[a * p + b];
            DMatrixRMaj h = new DMatrixRMaj(p, p, true, hessian.clone());
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
            if (!chol.decompose(h)) throw separable();
            double[] step = Regression.choleskySolve(chol.getT(null), gradient);
            for (int j = 0; j < p; j++) beta[j] += step[j];
            if (lambda == 0 && norm(beta) > 1e4) throw separable();
        }
        if (!converged && lambda == 0) throw separable();
        if (!converged) throw new EstimationException("logistic regression did not converge in " + maxIterations + " Newton steps");
        double nll = negativeLogLikelihood(x, y, beta);
        // an (almost) zero cross-entropy without a penalty means the classes are separated: no finite maximum
        if (lambda == 0 && nll < 1e-6 * n) throw separable();
        return new LogisticFit(beta, -nll, nll, n, lambda, it, true);
    }

    static double negativeLogLikelihood(double[][] x, double[] y, double[] beta) {
        double nll = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < x[i].length; j++) eta += beta[j + 1] * x[i][j];
            nll += y[i] == 1 ? softplus(-eta) : softplus(eta);
        }
        return nll;
    }

    /** log(1 + eᶻ) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    private static EstimationException separable() {
        return new EstimationException("the classes are perfectly separable, so the likelihood has no maximum "
                + "(the coefficients grow without bound); add an L2 penalty (lambda > 0)");
    }
}
