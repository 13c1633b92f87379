package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One model of {@code POST /api/estimate}: its name, whether it has a MAP version, and how a
 * request becomes a JSON-ready answer computed by the core. A new model is one class implementing
 * this, added to {@link ApiModels#standard()}.
 */
interface ApiModel {
    /** As the request names it: {@code "bernoulli"}, {@code "ridge"}, {@code "gmm"}. */
    String name();

    /** Whether {@code "method": "map"} is available (a prior, or a penalty that is one); most models have none. */
    default boolean offersMap() {
        return false;
    }

    /** What {@code "method": "map"} is refused with when {@link #offersMap()} is false. */
    default String noMapReason() {
        return "\"method\": \"map\" is not available for " + name() + "; ridge and lasso are the MAP versions of linear regression";
    }

    Map<String, Object> estimate(String method, JsonNode request, JsonNode options);
}
