package org.argmax.estimation;

/** The parameters of a Gaussian mixture: weights (sum to 1), means (K × d), covariances (K × d × d). */
public record GmmParameters(double[] weights, double[][] means, double[][][] covariances) {
    public GmmParameters {
        weights = weights.clone();
        means = deep(means);
        covariances = deep(covariances);
    }

    public int k() {
        return weights.length;
    }

    public int dimension() {
        return means[0].length;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[][] means() {
        return deep(means);
    }

    @Override
    public double[][][] covariances() {
        return deep(covariances);
    }

    /** One-dimensional mixture from weights, means and variances. */
    public static GmmParameters oneDimensional(double[] weights, double[] means, double[] variances) {
        int k = weights.length;
        double[][] mu = new double[k][];
        double[][][] cov = new double[k][][];
        for (int c = 0; c < k; c++) {
            mu[c] = new double[]{means[c]};
            cov[c] = new double[][]{{variances[c]}};
        }
        return new GmmParameters(weights, mu, cov);
    }

    static double[][] deep(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }

    static double[][][] deep(double[][][] m) {
        double[][][] out = new double[m.length][][];
        for (int i = 0; i < m.length; i++) out[i] = deep(m[i]);
        return out;
    }

    /** Checks shapes and values against data of dimension d; messages name the component. */
    void validate(int d) {
        int k = weights.length;
        if (k < 1) throw new EstimationException("a mixture needs at least one component");
        if (means.length != k || covariances.length != k) {
            throw new EstimationException("there are " + k + " weights but " + means.length + " means and " + covariances.length + " covariances");
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0 && weights[c] <= 1)) throw new EstimationException("weight " + (c + 1) + " must be between 0 and 1, got " + weights[c]);
            sum += weights[c];
            if (means[c].length != d) throw new EstimationException("mean " + (c + 1) + " has " + means[c].length + " values but the data has " + d + " columns");
            if (covariances[c].length != d) throw new EstimationException("covariance " + (c + 1) + " must be " + d + " × " + d);
            for (double[] row : covariances[c]) {
                if (row.length != d) throw new EstimationException("covariance " + (c + 1) + " must be " + d + " × " + d);
                for (double v : row) if (!Double.isFinite(v)) throw new EstimationException("covariance " + (c + 1) + " has a value that is not a finite number");
            }
            for (double v : means[c]) if (!Double.isFinite(v)) throw new EstimationException("mean " + (c + 1) + " has a value that is not a finite number");
        }
        if (Math.abs(sum - 1) > 1e-6) throw new EstimationException("the weights must add up to 1, they add up to " + sum);
    }
}
