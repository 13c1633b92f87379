package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/**
 * The public estimation API: a parsed request {"model", "method", "data", "prior", "options"} →
 * a core call → a JSON-ready map (no NaN or infinity anywhere). Every learner mistake is thrown as
 * an EstimationException with a message that names the offending value.
 */
public final class EstimateService {
    /** At most this many numbers in "data" (and in a regression's x and y together). */
    public static final long MAX_DATA_VALUES = 100_000;

    private final ApiModels models;

    public EstimateService(ApiModels models) {
        this.models = models;
    }

    public Map<String, Object> estimate(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw bad("the request must be a JSON object such as {\"model\": \"bernoulli\", \"data\": [1, 0, 1]}");
        }
        String model = JsonInput.text(request, "model", "bernoulli").strip().toLowerCase(Locale.ROOT);
        if (field(request, "model") == null) throw bad("missing \"model\"; choose one of " + String.join(", ", models.names()));
        ApiModel chosen = models.get(model);
        String method = JsonInput.text(request, "method", "mle").strip().toLowerCase(Locale.ROOT);
        if (!method.equals("mle") && !method.equals("map")) throw bad("\"method\" must be \"mle\" or \"map\", got \"" + method + "\"");
        JsonNode options = field(request, "options");
        if (options != null && !options.isObject()) throw bad("\"options\" must be an object such as {\"k\": 2}, got " + JsonInput.describe(options));
        long values = JsonInput.countValues(field(request, "data"), MAX_DATA_VALUES);
        if (values > MAX_DATA_VALUES) throw bad("too much data: at most " + MAX_DATA_VALUES + " values per request");

        if (method.equals("map") && !chosen.offersMap()) throw bad(chosen.noMapReason());
        Map<String, Object> answer = chosen.estimate(method, request, options);
        answer.putIfAbsent("method", method);
        @SuppressWarnings("unchecked")
        Map<String, Object> safe = (Map<String, Object>) JsonOutput.safe(answer);
        return safe;
    }
}
