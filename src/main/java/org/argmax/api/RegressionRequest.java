package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.LinearFit;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/** The data of a regression request, {"x": [[x1], [x2], …], "y": [y1, y2, …]}, and its λ. */
record RegressionRequest(double[][] x, double[] y, double lambda) {
    RegressionRequest {
        x = rows(x);
        y = y.clone();
    }

    @Override
    public double[][] x() {
        return rows(x);
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    private static double[][] rows(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) copy[i] = m[i].clone();
        return copy;
    }

    /** What every fitted line answers: model, method, estimate, log-likelihood, n and the residual sum of squares. */
    static Map<String, Object> answer(String model, String method, LinearFit fit) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", model);
        a.put("method", method);
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("n", fit.n());
        a.put("residualSumOfSquares", fit.residualSumOfSquares());
        return a;
    }

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
