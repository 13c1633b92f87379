package org.argmax.estimation;

/**
 * Choosing a penalty by how well a fit predicts points it has not seen. Leave-one-out
 * cross-validation fits the model n times, each time without one point, and averages the squared
 * errors on the points left out.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * The leave-one-out cross-validation error of ridge regression with penalty λ (intercept
     * unpenalized, as in {@link Regression#ridge}): (1/n) Σᵢ (yᵢ − ŷ₋ᵢ)², where ŷ₋ᵢ is the prediction at
     * xᵢ of the ridge fit to the other n − 1 points. Computed by definition, refitting n times. (For a
     * quadratic penalty the same number is (1/n) Σᵢ (eᵢ/(1 − hᵢᵢ))² with the residuals eᵢ and the
     * leverages hᵢᵢ of the fit to all points; the lessons teach that shortcut.)
     */
    public static double ridgeLeaveOneOut(double[][] x, double[] y, double lambda) {
        int d = Regression.checkXy(x, y, "cross-validation");
        int n = y.length;
        if (n < d + 3) throw new EstimationException("leave-one-out cross-validation needs at least " + (d + 3) + " points, got " + n);
        double total = 0;
        double[][] xs = new double[n - 1][];
        double[] ys = new double[n - 1];
        for (int out = 0; out < n; out++) {
            for (int i = 0, j = 0; i < n; i++) {
                if (i == out) continue;
                xs[j] = x[i];
                ys[j++] = y[i];
            }
            double[] beta = Regression.ridge(xs, ys, lambda).coefficients();
            double prediction = beta[0];
            for (int c = 0; c < d; c++) prediction += beta[c + 1] * x[out][c];
            double e = y[out] - prediction;
            total += e * e;
        }
        return total / n;
    }
}
