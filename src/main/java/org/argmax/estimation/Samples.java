package org.argmax.estimation;

/** Checks that one-dimensional data lies in a family's support, naming the first value that does not. */
public final class Samples {
    private Samples() {
    }

    public static void check(Family family, double[] x, int trials) {
        String name = capitalized(family);
        switch (family) {
            case BERNOULLI -> DataChecks.binary(x, name);
            case BINOMIAL -> {
                if (trials < 1) throw new EstimationException("Binomial data needs the number of trials (a whole number of at least 1), got " + trials);
                DataChecks.counts(x, name);
                for (int i = 0; i < x.length; i++) {
                    if (x[i] > trials) {
                        throw new EstimationException("Binomial data counts successes out of " + trials + " trials; value " + (i + 1) + " is "
                                + DataChecks.show(x[i]) + ", more successes than trials");
                    }
                }
            }
            case CATEGORICAL -> {
                DataChecks.counts(x, "Categorical count");
                if (x.length < 2) throw new EstimationException("Categorical data needs counts for at least 2 classes, got " + x.length);
            }
            case POISSON -> DataChecks.counts(x, name);
            case GEOMETRIC -> {
                DataChecks.counts(x, name);
                for (int i = 0; i < x.length; i++) {
                    if (x[i] < 1) throw new EstimationException("Geometric data counts trials up to and including the first success (1, 2, 3, …); value " + (i + 1) + " is " + DataChecks.show(x[i]));
                }
            }
            case EXPONENTIAL, GAMMA -> DataChecks.positive(x, name);
            case BETA -> DataChecks.openUnit(x, name);
            case NORMAL, UNIFORM, LAPLACE -> DataChecks.finite(x, name);
            case MVNORMAL -> throw new EstimationException("mvnormal data has several columns: give rows of numbers");
        }
    }

    static String capitalized(Family f) {
        String n = f.jsonName();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
