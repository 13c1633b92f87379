package org.argmax.estimation;

/**
 * Logistic regression P(y=1|x) = σ(β₀ + xᵀβ) by Newton's method (IRLS): each step solves
 * (XᵀWX + λD) Δ = Xᵀ(y − p) − λDβ, W = diag(pᵢ(1−pᵢ)), D = diag(0, 1, …, 1) so the intercept is not
 * penalized. The negative log-likelihood Σ −[yᵢ log pᵢ + (1−yᵢ) log(1−pᵢ)] is the cross-entropy.
 */
final class Logistic {
    private Logistic() {
    }

    static LogisticFit fit(double[][] x, double[] y, double lambda, double tolerance, int maxIterations) {
        return fit(x, y, lambda, tolerance, maxIterations, Simd.VECTOR);
    }

    /** {@link #fit} with the Vector API kernel ({@link LogisticVector}) on or off: the same doubles either way (for the tests). */
    static LogisticFit fit(double[][] x, double[] y, double lambda, double tolerance, int maxIterations, boolean vector) {
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
        double[] hessian = new double[p * p];
        double[] gradient = new double[p];
        double previous = Double.POSITIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        double nll = Double.NaN;
        boolean likelyLast = false;
        while (it < maxIterations) {
            it++;
            double penalty = 0;
            for (int j = 1; j < p; j++) penalty += 0.5 * lambda * beta[j] * beta[j];
            if (likelyLast) {
                // the Newton decrement said this pass will most likely only confirm convergence: the
                // cross-entropy alone first (the same sums in the same order as the full pass, so the
                // same value); the full pass follows only if it does not confirm
                double light = crossEntropy(x, y, n, p, beta);
                if (Math.abs(previous - (light + penalty)) <= tolerance * Math.max(1, Math.abs(light + penalty))) {
                    nll = light;
                    converged = true;
                    break;
                }
            }
            nll = newtonSums(x, y, n, p, beta, gradient, hessian, vector);
            for (int j = 1; j < p; j++) {
                hessian[j * p + j] += lambda;
                gradient[j] -= lambda * beta[j];
            }
            double objective = nll + penalty;
            if (Math.abs(previous - objective) <= tolerance * Math.max(1, Math.abs(objective))) {
                converged = true;
                break;
            }
            previous = objective;
            for (int a = 0; a < p; a++) for (int b = 0; b < a; b++) hessian[b * p + a] = hessian[a * p + b];
            double[] step = Regression.solveSpd(hessian, gradient);
            if (step == null) throw separable();
            double decrement = 0; // gᵀH⁻¹g: twice the decrease the quadratic model predicts for this step
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                decrement += gradient[j] * step[j];
            }
            likelyLast = 0.5 * decrement <= tolerance * Math.max(1, Math.abs(objective));
            if (lambda == 0 && norm(beta) > 1e4) throw separable();
        }
        if (!converged && lambda == 0) throw separable();
        if (!converged) throw new EstimationException("logistic regression did not converge in " + maxIterations + " Newton steps");
        // nll is the cross-entropy at the returned β: the converged pass took no step
        // an (almost) zero cross-entropy without a penalty means the classes are separated: no finite maximum
        if (lambda == 0 && nll < 1e-6 * n) throw separable();
        return new LogisticFit(beta, -nll, nll, n, lambda, it, true);
    }

    private static final int BLOCK = 256;

    /** One pass in {@link Chunked} ranges: fills the gradient Xᵀ(y − p) and the lower triangle of XᵀWX, returns the cross-entropy. */
    private static double newtonSums(double[][] x, double[] y, int n, int p, double[] beta, double[] gradient, double[] hessian, boolean useVector) {
        // with the Vector API, design rows and XᵀWX rows are padded to a multiple of four entries
        // (zeros), so that every triangle row is updated in whole vectors (LogisticVector)
        boolean vector = useVector && p >= VECTOR_FROM && n >= VECTOR_ROWS;
        int stride = vector ? LogisticVector.padded(p) : p;
        double[] sums = Chunked.reduce(n, (ch, from, to) -> {
            double[] g = new double[stride], h = new double[stride * stride];
            double[] w = new double[4], r = new double[4], eta = new double[4];
            double[] design = new double[BLOCK * stride]; // [1 x] for a block of rows, contiguous and cache-resident
            double nll = 0;
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int i = 0; i < rows; i++) {
                    design[i * stride] = 1;
                    System.arraycopy(x[start + i], 0, design, i * stride + 1, p - 1);
                }
                nll += blockSums(design, stride, vector, y, start, rows, p, beta, g, h, w, r, eta);
            }
            double[] out = new double[1 + p + p * p]; // cross-entropy, gradient, XᵀWX
            out[0] = nll;
            System.arraycopy(g, 0, out, 1, p);
            for (int a = 0; a < p; a++) System.arraycopy(h, a * stride, out, 1 + p + a * p, p);
            return out;
        }, Centered::add);
        System.arraycopy(sums, 1, gradient, 0, p);
        System.arraycopy(sums, 1 + p, hessian, 0, p * p);
        return sums[0];
    }

    /** The number of columns (with the intercept's) from which XᵀWX is updated on the Vector API, when present. */
    static final int VECTOR_FROM = 4;
    /** The rows from which it is: below, the Vector API's warm-up costs more than it saves (as for {@link MixtureKernel}). */
    static final int VECTOR_ROWS = 2048;

    /**
     * Adds a block's rows (design[0…rows), rows {@code stride} apart) to g and h (rows {@code stride}
     * apart); returns its cross-entropy. With {@code vector}, the four-row updates of XᵀWX run on
     * {@link LogisticVector}, which does the same arithmetic entry by entry (so the same doubles) and
     * also fills entries above the diagonal, which are never read.
     */
    private static double blockSums(double[] design, int stride, boolean vector, double[] y, int offset, int rows, int p, double[] beta,
                                    double[] g, double[] h, double[] w, double[] r, double[] eta) {
        double nll = 0;
        int i = 0, to = rows;
        // four rows at a time: each entry of XᵀWX is loaded and stored once per four rows
        for (; i + 4 <= to; i += 4) {
            etas4(design, stride, i, p, beta, eta);
            for (int q = 0; q < 4; q++) nll += weightAndResidual(eta[q], y[offset + i + q], w, r, q);
            int o0 = i * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
            if (vector) {
                LogisticVector.update4(design, o0, stride, p, w, r, g, h);
                continue;
            }
            for (int a = 0; a < p; a++) {
                g[a] += design[o0 + a] * r[0] + design[o1 + a] * r[1] + design[o2 + a] * r[2] + design[o3 + a] * r[3];
            }
            // and two rows of XᵀWX at a time, sharing the loads of the four x rows
            int a = 0;
            for (; a + 2 <= p; a += 2) {
                double w0 = w[0] * design[o0 + a], w1 = w[1] * design[o1 + a], w2 = w[2] * design[o2 + a], w3 = w[3] * design[o3 + a];
                double u0 = w[0] * design[o0 + a + 1], u1 = w[1] * design[o1 + a + 1], u2 = w[2] * design[o2 + a + 1], u3 = w[3] * design[o3 + a + 1];
                int hr = a * stride, hs = hr + stride;
                for (int b = 0; b <= a; b++) {
                    double x0 = design[o0 + b], x1 = design[o1 + b], x2 = design[o2 + b], x3 = design[o3 + b];
                    h[hr + b] += w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3;
                    h[hs + b] += u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3;
                }
                int b = a + 1;
                h[hs + b] += u0 * design[o0 + b] + u1 * design[o1 + b] + u2 * design[o2 + b] + u3 * design[o3 + b];
            }
            for (; a < p; a++) {
                double w0 = w[0] * design[o0 + a], w1 = w[1] * design[o1 + a], w2 = w[2] * design[o2 + a], w3 = w[3] * design[o3 + a];
                int hr = a * stride;
                for (int b = 0; b <= a; b++) {
                    h[hr + b] += w0 * design[o0 + b] + w1 * design[o1 + b] + w2 * design[o2 + b] + w3 * design[o3 + b];
                }
            }
        }
        for (; i < to; i++) {
            nll += weightAndResidual(design, stride, y, offset, i, p, beta, w, r, 0);
            int row = i * stride;
            for (int a = 0; a < p; a++) {
                double xa = design[row + a];
                g[a] += xa * r[0];
                double wa = w[0] * xa;
                int hr = a * stride;
                for (int b = 0; b <= a; b++) h[hr + b] += wa * design[row + b];
            }
        }
        return nll;
    }

    /** The cross-entropy alone, summed exactly as {@link #newtonSums} sums it (same ranges, blocks and order). */
    private static double crossEntropy(double[][] x, double[] y, int n, int p, double[] beta) {
        return Chunked.reduce(n, (ch, from, to) -> {
            double nll = 0;
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                double block = 0;
                for (int i = start; i < start + rows; i++) {
                    double[] row = x[i];
                    double eta = 0;
                    eta += beta[0] * 1.0;
                    for (int j = 1; j < p; j++) eta += beta[j] * row[j - 1];
                    double e = Math.exp(-Math.abs(eta));
                    double z = y[i] == 1 ? -eta : eta;
                    block += Math.max(z, 0) + log1pSmall(e);
                }
                nll += block;
            }
            return nll;
        }, Double::sum);
    }

    /** For row i: w[q] = pᵢ(1 − pᵢ), r[q] = yᵢ − pᵢ; returns the row's cross-entropy. */
    private static double weightAndResidual(double[] design, int stride, double[] y, int offset, int i, int p, double[] beta, double[] w, double[] r, int q) {
        int row = i * stride;
        double eta = 0;
        for (int j = 0; j < p; j++) eta += beta[j] * design[row + j];
        return weightAndResidual(eta, y[offset + i], w, r, q);
    }

    /**
     * eta[q] = the linear predictor of row i + q, q = 0…3, summed side by side (four independent chains
     * of additions, each the same sum in the same order as {@link #weightAndResidual}'s for one row).
     */
    private static void etas4(double[] design, int stride, int i, int p, double[] beta, double[] eta) {
        int o0 = i * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
        for (int j = 0; j < p; j++) {
            double b = beta[j];
            e0 += b * design[o0 + j];
            e1 += b * design[o1 + j];
            e2 += b * design[o2 + j];
            e3 += b * design[o3 + j];
        }
        eta[0] = e0;
        eta[1] = e1;
        eta[2] = e2;
        eta[3] = e3;
    }

    /** w[q] = p(1 − p), r[q] = y − p for a row with linear predictor η and label y; returns its cross-entropy. */
    private static double weightAndResidual(double eta, double y, double[] w, double[] r, int q) {
        // one exponential for both p and log(1 + e^±η): e = exp(−|η|)
        double e = Math.exp(-Math.abs(eta));
        double onePlus = 1 + e;
        double prob = eta >= 0 ? 1 / onePlus : e / onePlus;
        w[q] = prob * (1 - prob);
        r[q] = y - prob;
        // softplus(−η) if y = 1, softplus(η) if y = 0; softplus(z) = max(z, 0) + log(1 + e^−|z|)
        double z = y == 1 ? -eta : eta;
        return Math.max(z, 0) + log1pSmall(e);
    }

    /**
     * log(1 + e) for 0 ≤ e ≤ 1 from the log intrinsic: log(u)·e/(u − 1) with u = 1 + e rounded
     * (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic",
     * Theorem 4: the rounding of u cancels; a few ulps). Math.log1p is plain Java (fdlibm) on JDK 17
     * and was, with the exp, most of the time outside the Hessian.
     */
    static double log1pSmall(double e) {
        double u = 1 + e;
        return u == 1 ? e : Math.log(u) * (e / (u - 1));
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
