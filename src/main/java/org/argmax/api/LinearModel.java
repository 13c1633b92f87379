package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LinearFit;
import org.argmax.estimation.Regression;

import java.util.LinkedHashMap;
import java.util.Map;

/** Least squares: the MLE of a line with Gaussian noise. */
final class LinearModel implements ApiModel {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public boolean offersMap() {
        return false;
    }

    @Override
    public String noMapReason() {
        return "\"method\": \"map\" is not available for linear; ridge and lasso are the MAP versions of linear regression";
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 0.0);
        LinearFit fit = Regression.ols(r.x(), r.y());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", name());
        a.put("method", "mle");
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("n", fit.n());
        a.put("residualSumOfSquares", fit.residualSumOfSquares());
        return a;
    }
}
