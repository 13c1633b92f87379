package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.Regression;

import java.util.Map;

/** Least squares: the MLE of a line with Gaussian noise. */
final class LinearModel implements ApiModel {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String noMapReason() {
        return "\"method\": \"map\" is not available for linear; ridge and lasso are the MAP versions of linear regression";
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        RegressionRequest r = RegressionRequest.parse(name(), request, options, 0.0);
        return RegressionRequest.answer(name(), "mle", Regression.ols(r.x(), r.y()));
    }
}
