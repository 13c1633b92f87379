package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.Family;

import java.util.Map;

/** A distribution family of the core: its MLE, and the conjugate MAP where the family has a prior. */
final class DistributionModel implements ApiModel {
    private final Family family;

    DistributionModel(Family family) {
        this.family = family;
    }

    @Override
    public String name() {
        return family.jsonName();
    }

    @Override
    public boolean offersMap() {
        return true; // DistributionEstimates names the prior each family takes, or says there is none
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        return DistributionEstimates.estimate(family, method, request, options);
    }
}
