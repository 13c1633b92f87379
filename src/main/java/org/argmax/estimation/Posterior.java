package org.argmax.estimation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conjugate posterior: its parameters, its mode (the MAP estimate), its mean, and the MLE from the
 * same data for comparison. Vector-valued for the Dirichlet (one entry per class).
 */
public record Posterior(String prior, Map<String, Object> parameters, double[] mode, double[] mean, double[] mle, int n) {
    public Posterior {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        mode = mode.clone();
        mean = mean.clone();
        mle = mle.clone();
    }

    @Override
    public double[] mode() {
        return mode.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] mle() {
        return mle.clone();
    }

    /** The MAP estimate of a one-parameter model. */
    public double map() {
        return mode[0];
    }

    public double posteriorMean() {
        return mean[0];
    }

    /**
     * Whether the mode lies strictly inside the parameter space, where the log-posterior's derivative
     * is zero: Beta and Dirichlet parameters all above 1, a Gamma shape above 1. Otherwise the MAP
     * estimate sits on the boundary (or the posterior is flat) and the textbook formula does not apply.
     */
    public boolean modeIsInterior() {
        return switch (prior) {
            case "beta" -> parameter("alpha") > 1 && parameter("beta") > 1;
            case "gamma" -> parameter("shape") > 1;
            case "dirichlet" -> java.util.Arrays.stream((double[]) parameters.get("alpha")).allMatch(a -> a > 1);
            default -> true;
        };
    }

    public double parameter(String name) {
        return (Double) parameters.get(name);
    }

    static Posterior scalar(String prior, Map<String, Object> parameters, double mode, double mean, double mle, int n) {
        return new Posterior(prior, parameters, new double[]{mode}, new double[]{mean}, new double[]{mle}, n);
    }
}
