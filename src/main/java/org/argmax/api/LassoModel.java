package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LinearFit;
import org.argmax.estimation.Regression;

import java.util.Map;

/** The lasso: the MAP line under a Laplace prior on the slopes (penalty λ‖β‖₁), by coordinate descent with its sweeps bounded like every public fit. */
final class LassoModel implements ApiModel {
    @Override
    public String name() {
        return "lasso";
    }

    @Override
    public boolean offersMap() {
        return true;
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 1.0);
        double[][] x = r.x();
        LinearFit fit = Regression.lasso(x, r.y(), r.lambda(), 1e-12,
                (int) Math.max(100, Math.min(100_000, ApiLimits.MAX_WORK / ((long) r.y().length * Math.max(1, x[0].length)))));
        Map<String, Object> a = RegressionRequest.answer(name(), r.lambda() == 0 ? "mle" : "map", fit);
        a.put("lambda", r.lambda());
        a.put("iterations", fit.iterations());
        a.put("converged", fit.converged());
        return a;
    }
}
