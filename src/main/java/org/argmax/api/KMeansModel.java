package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.KMeans;
import org.argmax.estimation.KMeansFit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.api.JsonInput.field;

/** K-means by Lloyd's algorithm from seeded k-means++ centres, with the trace of the iterations. */
final class KMeansModel implements ApiModel {
    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        double[][] data = JsonInput.rows(field(request, "data"), "data");
        int d = ApiLimits.dimension(data);
        int k = JsonInput.whole(options, "k", "options.", 2, 1, ApiLimits.MAX_K);
        int iterations = JsonInput.whole(options, "iterations", "options.", 100, 1, 1000);
        ApiLimits.limitWork(data.length, iterations, k, d, "k-means iterations", "k × d");
        long seed = JsonInput.seed(options, "seed", "options.", 1);
        KMeansFit fit = KMeans.fit(data, k, seed, iterations, true);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", "kmeans");
        a.put("estimate", Map.of("centers", fit.centers()));
        a.put("assignments", fit.assignments());
        a.put("inertia", fit.inertia());
        a.put("n", data.length);
        a.put("k", k);
        a.put("seed", seed);
        a.put("iterations", fit.iterations());
        a.put("converged", fit.converged());
        List<Map<String, Object>> trace = new ArrayList<>();
        for (KMeansFit.KMeansIteration step : fit.trace()) {
            trace.add(Map.of("iteration", step.iteration(), "inertia", step.inertia(), "centers", step.centers()));
        }
        a.put("trace", trace);
        return a;
    }
}
