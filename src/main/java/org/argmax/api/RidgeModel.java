package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LinearFit;
import org.argmax.estimation.Regression;

import java.util.Map;

/** Ridge regression: the MAP line under a Gaussian prior on the slopes (penalty λ‖β‖²). */
final class RidgeModel implements ApiModel {
    @Override
    public String name() {
        return "ridge";
    }

    @Override
    public boolean offersMap() {
        return true;
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 1.0);
        LinearFit fit = Regression.ridge(r.x(), r.y(), r.lambda());
        Map<String, Object> a = RegressionRequest.answer(name(), r.lambda() == 0 ? "mle" : "map", fit);
        a.put("lambda", r.lambda());
        return a;
    }
}
