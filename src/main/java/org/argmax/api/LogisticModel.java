package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LogisticFit;
import org.argmax.estimation.Regression;

import java.util.LinkedHashMap;
import java.util.Map;

/** Logistic regression by Newton's method: the MLE, or with options.lambda > 0 the MAP under a Gaussian prior. */
final class LogisticModel implements ApiModel {
    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public boolean offersMap() {
        return false; // the penalty options.lambda makes it a MAP estimate; "method" stays "mle"
    }

    @Override
    public String noMapReason() {
        return "\"method\": \"map\" is not available for logistic; give options.lambda > 0 for the MAP estimate under a Gaussian prior";
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 0.0);
        LogisticFit fit = Regression.logistic(r.x(), r.y(), r.lambda());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", name());
        a.put("method", r.lambda() > 0 ? "map" : "mle");
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("crossEntropy", fit.crossEntropy());
        a.put("n", fit.n());
        a.put("lambda", r.lambda());
        a.put("iterations", fit.iterations());
        a.put("converged", fit.converged());
        return a;
    }
}
