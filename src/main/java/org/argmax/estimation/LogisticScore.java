package org.argmax.estimation;

/**
 * The gradient (score) of the logistic log-likelihood at a given β, for one-row-per-point features
 * x (the intercept's column of ones is added here):
 * ℓ(β) = Σᵢ [yᵢ log qᵢ + (1 − yᵢ) log(1 − qᵢ)], qᵢ = σ(ηᵢ), ηᵢ = β₀ + Σⱼ βⱼ xᵢⱼ, and
 * ∇ℓ = Σᵢ (yᵢ − qᵢ)(1, xᵢ) = Xᵀ(y − q), intercept first. Beside it, two gradients it is often
 * confused with: the same score written for labels coded −1 and 1, and the least-squares gradient
 * (the identity in place of the sigmoid).
 */
public final class LogisticScore {
    private LogisticScore() {
    }

    /** σ(z) = 1 / (1 + e^−z), computed without overflow for large |z|. */
    public static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** ∇ℓ(β) = Σᵢ (yᵢ − σ(ηᵢ))(1, xᵢ) for labels yᵢ ∈ {0, 1}. */
    public static double[] gradient(double[][] x, double[] y, double[] beta) {
        int p = check(x, y, beta);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) throw new EstimationException("logistic regression needs y values of 0 or 1; value " + (i + 1) + " is " + y[i]);
        }
        return weighted(x, beta, p, (i, eta) -> y[i] - sigmoid(eta));
    }

    /**
     * Σᵢ sᵢ σ(−sᵢηᵢ)(1, xᵢ): the gradient of ℓ written for labels sᵢ ∈ {−1, 1} (equal to
     * {@link #gradient} with sᵢ = 2yᵢ − 1). The labels are used as given: fed 0/1 labels, the points
     * labelled 0 contribute nothing, which is what this formula gives when the coding is mixed up.
     */
    public static double[] signedLabelGradient(double[][] x, double[] s, double[] beta) {
        int p = check(x, s, beta);
        return weighted(x, beta, p, (i, eta) -> s[i] * sigmoid(-s[i] * eta));
    }

    /** Σᵢ (yᵢ − ηᵢ)(1, xᵢ) = Xᵀ(y − Xβ): the gradient of −½ Σ (yᵢ − ηᵢ)², least squares on the labels. */
    public static double[] leastSquaresGradient(double[][] x, double[] y, double[] beta) {
        int p = check(x, y, beta);
        return weighted(x, beta, p, (i, eta) -> y[i] - eta);
    }

    /** A residual of point i at its linear predictor η. */
    private interface Residual {
        double at(int i, double eta);
    }

    /** Σᵢ rᵢ (1, xᵢ). */
    private static double[] weighted(double[][] x, double[] beta, int p, Residual residual) {
        double[] g = new double[p];
        for (int i = 0; i < x.length; i++) {
            double eta = beta[0];
            for (int j = 1; j < p; j++) eta += beta[j] * x[i][j - 1];
            double r = residual.at(i, eta);
            g[0] += r;
            for (int j = 1; j < p; j++) g[j] += r * x[i][j - 1];
        }
        return g;
    }

    /** The number of coefficients (features + 1) after checking shapes and finiteness. */
    private static int check(double[][] x, double[] y, double[] beta) {
        int d = Regression.checkXy(x, y, "logistic regression");
        if (beta == null || beta.length != d + 1) {
            throw new EstimationException("need " + (d + 1) + " coefficients (the intercept first), got " + (beta == null ? 0 : beta.length));
        }
        for (double b : beta) if (!Double.isFinite(b)) throw new EstimationException("the coefficients must be finite numbers");
        return d + 1;
    }
}
