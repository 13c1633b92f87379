package org.argmax.estimation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted Gaussian mixture. {@code trace} holds the parameters and log-likelihood before the
 * first M-step and after each one (iterations + 1 entries), so a page can replay EM;
 * {@code responsibilities} is n × K for the final parameters.
 */
public record GmmFit(GmmParameters parameters, double logLikelihood, int n, int iterations, boolean converged,
                     List<GmmIteration> trace, double[][] responsibilities, double aic, double bic,
                     CovarianceType covariance) implements Fitted {
    public GmmFit {
        trace = List.copyOf(trace);
    }

    @Override
    public String model() {
        return "gmm";
    }

    @Override
    public Map<String, Object> estimate() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("weights", parameters.weights());
        e.put("means", parameters.means());
        e.put("covariances", parameters.covariances());
        return e;
    }

    /** One step of EM as recorded in the trace. */
    public record GmmIteration(int iteration, double logLikelihood, GmmParameters parameters) {
    }
}
