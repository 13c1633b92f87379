package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/** The data of a regression request, {"x": [[x1], [x2], …], "y": [y1, y2, …]}, and its λ. */
record RegressionRequest(double[][] x, double[] y, double lambda) {
    static RegressionRequest parse(String model, JsonNode request, JsonNode options, double defaultLambda) {
        JsonNode data = field(request, "data");
        if (data == null || !data.isObject()) {
            throw bad(model + " regression needs \"data\": {\"x\": [[x1], [x2], …], \"y\": [y1, y2, …]}");
        }
        double[][] x = JsonInput.rows(field(data, "x"), "x");
        double[] y = JsonInput.numbers(field(data, "y"), "y");
        if (x.length > 0 && x[0].length > ApiLimits.MAX_DIMENSION * 5) {
            throw bad("x has " + x[0].length + " columns; at most " + ApiLimits.MAX_DIMENSION * 5 + " here");
        }
        return new RegressionRequest(x, y, JsonInput.number(options, "lambda", "options.", defaultLambda));
    }
}
