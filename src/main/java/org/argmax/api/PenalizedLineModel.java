package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LinearFit;

import java.util.Map;

/**
 * A line fitted with a penalty λ on the slopes that is a prior on them (ridge, lasso): λ > 0 gives
 * the MAP estimate, λ = 0 the MLE. The request and the answer are the same for every such model;
 * each one says how it fits and what more its answer carries.
 */
abstract class PenalizedLineModel implements ApiModel {
    @Override
    public boolean offersMap() {
        return true;
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 1.0);
        LinearFit fit = fit(r);
        Map<String, Object> a = RegressionRequest.answer(name(), r.lambda() == 0 ? "mle" : "map", fit);
        a.put("lambda", r.lambda());
        describe(fit, a);
        return a;
    }

    abstract LinearFit fit(RegressionRequest r);

    /** What the answer carries beyond the common keys (nothing, unless the fit is iterative). */
    void describe(LinearFit fit, Map<String, Object> answer) {
    }
}
