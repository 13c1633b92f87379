package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.content.Suggestions;
import org.argmax.estimation.EstimationException;
import org.argmax.estimation.Family;
import org.argmax.estimation.Generators;
import org.argmax.estimation.Rng;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/**
 * {@code POST /api/sample}: seeded data from the core's generators, so a widget's "new data" button
 * draws exactly what an exercise with the same family, parameters and seed would draw (and what
 * scipy or a learner's notebook can reproduce from the documented algorithm). Request:
 * <pre>{"model": "normal", "parameters": {"mean": 0, "variance": 1}, "n": 20, "seed": 7, "decimals": 2}
 * {"model": "gmm", "parameters": {"weights": [0.4, 0.6], "means": [-2, 3], "sds": [1, 1.5]}, "n": 200, "seed": 1}</pre>
 * A mixture's means may be vectors ({@code [[0, 0], [3, 1]]}); its spread is given either as
 * {@code sds} (one number, or one per coordinate, per component) or as full {@code covariances}.
 */
public final class SampleService {
    public static final int MAX_N = 10_000;
    static final int MAX_DECIMALS = 10;

    public Map<String, Object> sample(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw bad("the request must be a JSON object such as {\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1}, \"n\": 20}");
        }
        if (field(request, "model") == null) throw bad("missing \"model\"; choose one of " + String.join(", ", models()));
        String model = JsonInput.text(request, "model", "normal").strip().toLowerCase(Locale.ROOT);
        if (!models().contains(model)) {
            String hint = Suggestions.closest(model, models()).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw bad("unknown model '" + model + "'" + hint + "; choose one of " + String.join(", ", models()));
        }
        JsonNode parameters = field(request, "parameters");
        if (parameters == null || !parameters.isObject()) {
            throw bad("\"parameters\" must be an object such as {\"mean\": 0, \"variance\": 1}, got " + JsonInput.describe(parameters));
        }
        int n = JsonInput.whole(request, "n", "", 100, 1, MAX_N);
        long seed = JsonInput.seed(request, "seed", "", 1);
        int decimals = JsonInput.whole(request, "decimals", "", 3, 0, MAX_DECIMALS);
        Rng rng = new Rng(seed);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", model);
        answer.put("generator", Generators.VERSION);
        answer.put("seed", seed);
        answer.put("n", n);
        if (model.equals("gmm")) {
            Generators.Labelled drawn = mixture(parameters, n, rng);
            boolean oneDimensional = drawn.points()[0].length == 1;
            List<Object> data = new ArrayList<>(n);
            for (double[] point : drawn.points()) {
                if (oneDimensional) data.add(round(point[0], decimals));
                else data.add(round(point, decimals));
            }
            answer.put("data", data);
            answer.put("labels", drawn.labels());
        } else {
            Family family = Family.fromName(model);
            Map<String, Object> params = familyParameters(family, parameters);
            if (params.get("probabilities") instanceof double[] p) checkProbabilities(p);
            double[] data = Generators.sample(family, params, n, rng);
            for (double v : data) {
                // e.g. beta with α = β = 1e-300: the gamma draws underflow to 0/0
                if (!Double.isFinite(v)) throw bad("these " + family.jsonName() + " parameters are too extreme to draw data from; use less extreme values");
            }
            answer.put("data", round(data, decimals));
        }
        return answer;
    }

    public static List<String> models() {
        List<String> all = new ArrayList<>();
        for (Family f : Family.values()) if (f != Family.MVNORMAL) all.add(f.jsonName());
        all.add("gmm");
        return all;
    }

    private static void checkProbabilities(double[] p) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0)) throw bad("parameters.probabilities must not be negative; value " + (i + 1) + " is " + p[i]);
            sum += p[i];
        }
        if (Math.abs(sum - 1) > 1e-9) throw bad("parameters.probabilities must sum to 1; they sum to " + sum);
    }

    /** Numbers stay numbers; arrays become double[] (the categorical's probabilities). */
    private static Map<String, Object> familyParameters(Family family, JsonNode parameters) {
        List<String> names = new ArrayList<>(family.parameters());
        if (family == Family.BINOMIAL) names.add("trials");
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!names.contains(e.getKey())) {
                throw bad("unknown parameter '" + e.getKey() + "' for " + family.jsonName() + " data; its parameters are " + String.join(", ", names));
            }
            String where = "parameters." + e.getKey();
            params.put(e.getKey(), e.getValue().isArray() ? JsonInput.numbers(e.getValue(), where) : JsonInput.number(e.getValue(), where));
        }
        for (String name : names) {
            if (!params.containsKey(name)) throw bad("missing parameters." + name + " for " + family.jsonName() + " data; give " + String.join(", ", names));
        }
        if (family == Family.BINOMIAL && params.get("trials") instanceof Double t && t != Math.rint(t)) {
            throw bad("parameters.trials must be a whole number, got " + t);
        }
        return params;
    }

    private static Generators.Labelled mixture(JsonNode parameters, int n, Rng rng) {
        double[] weights = JsonInput.numbers(field(parameters, "weights"), "parameters.weights");
        int k = weights.length;
        if (k < 1 || k > ApiLimits.MAX_K) throw bad("parameters.weights must have 1 to " + ApiLimits.MAX_K + " entries, got " + k);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] > 0)) throw bad("parameters.weights must all be positive; weight " + (c + 1) + " is " + weights[c]);
            sum += weights[c];
        }
        if (Math.abs(sum - 1) > 1e-6) throw bad("parameters.weights must add up to 1; they add up to " + sum);

        double[][] means = JsonInput.rows(field(parameters, "means"), "parameters.means");
        if (means.length != k) throw bad("parameters.means has " + means.length + " entries but there are " + k + " weights");
        int d = means[0].length;
        if (d > ApiLimits.MAX_DIMENSION) throw bad("the means have " + d + " coordinates; at most " + ApiLimits.MAX_DIMENSION);

        double[][][] covariances = new double[k][][];
        JsonNode sds = field(parameters, "sds"), full = field(parameters, "covariances");
        if ((sds == null) == (full == null)) throw bad("give the spread of each component as either parameters.sds or parameters.covariances");
        if (sds != null) {
            if (!sds.isArray() || sds.size() != k) throw bad("parameters.sds must hold one entry per component (" + k + "), got " + JsonInput.describe(sds));
            double[][] spread = new double[k][];
            for (int c = 0; c < k; c++) {
                JsonNode entry = sds.get(c);
                String where = "parameters.sds entry " + (c + 1);
                spread[c] = entry.isArray() ? JsonInput.numbers(entry, where) : new double[]{JsonInput.number(entry, where)};
                if (spread[c].length != 1 && spread[c].length != d) {
                    throw bad("parameters.sds entry " + (c + 1) + " must hold 1 or " + d + " numbers, got " + spread[c].length);
                }
                covariances[c] = new double[d][d];
                for (int j = 0; j < d; j++) {
                    double s = spread[c][spread[c].length == 1 ? 0 : j];
                    if (!(s > 0)) throw bad("parameters.sds must be positive; component " + (c + 1) + " has " + s);
                    covariances[c][j][j] = s * s;
                }
            }
        } else {
            if (!full.isArray() || full.size() != k) throw bad("parameters.covariances must hold one " + d + "×" + d + " matrix per component (" + k + ")");
            for (int c = 0; c < k; c++) {
                covariances[c] = JsonInput.rows(full.get(c), "parameters.covariances[" + (c + 1) + "]");
                if (covariances[c].length != d || covariances[c][0].length != d) {
                    throw bad("parameters.covariances[" + (c + 1) + "] must be a " + d + "×" + d + " matrix");
                }
            }
        }
        try {
            return Generators.mixture(weights, means, covariances, n, rng);
        } catch (EstimationException e) {
            throw bad("the covariances must be symmetric and positive definite: " + e.getMessage());
        }
    }

    private static double round(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        double r = Math.round(x * scale) / scale;
        return Double.isFinite(r) && Math.abs(x) < 1e12 ? r : x;
    }

    private static double[] round(double[] xs, int decimals) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = round(xs[i], decimals);
        return out;
    }
}
