package org.argmax.estimation;

/**
 * How to fit a mixture. {@code tolerance} = 0 runs exactly {@code maxIterations} EM iterations;
 * {@code regularization} is added to every covariance diagonal (like scikit-learn's reg_covar) so
 * a component that collapses onto one point keeps a usable covariance.
 */
public record GmmOptions(int k, CovarianceType covariance, Init init, long seed, int maxIterations, double tolerance,
                         double regularization, GmmParameters initial, boolean trace) {

    /** Where EM starts: given parameters, k-means++ centres, or random data points as means. */
    public enum Init { GIVEN, KMEANS_PLUS_PLUS, RANDOM }

    public static GmmOptions defaults(int k) {
        return new GmmOptions(k, CovarianceType.FULL, Init.KMEANS_PLUS_PLUS, 1, 100, 1e-6, 1e-6, null, true);
    }

    public GmmOptions withInitial(GmmParameters parameters) {
        return new GmmOptions(parameters.k(), covariance, Init.GIVEN, seed, maxIterations, tolerance, regularization, parameters, trace);
    }

    public GmmOptions withIterations(int iterations, double newTolerance) {
        return new GmmOptions(k, covariance, init, seed, iterations, newTolerance, regularization, initial, trace);
    }

    public GmmOptions withCovariance(CovarianceType type) {
        return new GmmOptions(k, type, init, seed, maxIterations, tolerance, regularization, initial, trace);
    }

    public GmmOptions withInit(Init newInit, long newSeed) {
        return new GmmOptions(k, covariance, newInit, newSeed, maxIterations, tolerance, regularization, initial, trace);
    }

    public GmmOptions withTrace(boolean keep) {
        return new GmmOptions(k, covariance, init, seed, maxIterations, tolerance, regularization, initial, keep);
    }

    public GmmOptions withRegularization(double reg) {
        return new GmmOptions(k, covariance, init, seed, maxIterations, tolerance, reg, initial, trace);
    }
}
