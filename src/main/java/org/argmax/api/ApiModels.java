package org.argmax.api;

import org.argmax.content.Suggestions;
import org.argmax.estimation.Family;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;

/** The models the estimate API serves, built once at start and passed to {@link EstimateService}. */
public final class ApiModels {
    private final Map<String, ApiModel> byName;

    private ApiModels(List<ApiModel> models) {
        Map<String, ApiModel> m = new LinkedHashMap<>();
        for (ApiModel model : models) {
            if (m.put(model.name(), model) != null) throw new IllegalArgumentException("two API models named " + model.name());
        }
        byName = Collections.unmodifiableMap(m);
    }

    /** Every family of the core (MLE, conjugate MAP), regressions, Gaussian mixtures and k-means. */
    public static ApiModels standard() {
        List<ApiModel> models = new ArrayList<>();
        for (Family f : Family.values()) models.add(new DistributionModel(f));
        models.addAll(List.of(new LinearModel(), new RidgeModel(), new LassoModel(), new LogisticModel(), new GmmModel(), new KMeansModel()));
        return new ApiModels(models);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The model, or a 400 that lists the known ones (with the nearest name when it looks like a typo). */
    ApiModel get(String name) {
        ApiModel model = byName.get(name);
        if (model == null) {
            String hint = Suggestions.closest(name, byName.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw bad("unknown model '" + name + "'" + hint + "; choose one of " + String.join(", ", byName.keySet()));
        }
        return model;
    }
}
