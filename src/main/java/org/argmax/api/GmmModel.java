package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.CovarianceType;
import org.argmax.estimation.GaussianMixture;
import org.argmax.estimation.GmmFit;
import org.argmax.estimation.GmmOptions;
import org.argmax.estimation.GmmParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/** A Gaussian mixture by EM, with the whole trace of the iterations and the responsibilities. */
final class GmmModel implements ApiModel {
    private static final double CONVERGED_PER_POINT = 1e-6;

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public Map<String, Object> estimate(String method, JsonNode request, JsonNode options) {
        double[][] data = JsonInput.rows(field(request, "data"), "data");
        int d = ApiLimits.dimension(data);
        int k = JsonInput.whole(options, "k", "options.", 2, 1, ApiLimits.MAX_K);
        int iterations = JsonInput.whole(options, "iterations", "options.", 100, 0, 1000);
        ApiLimits.limitWork(data.length, iterations + 1, k, (long) d * d, "EM iterations", "k × d²");
        long traceNumbers = (long) (iterations + 1) * k * (1 + d + (long) d * d);
        if (traceNumbers > ApiLimits.MAX_TRACE_NUMBERS) {
            throw bad("the trace of " + iterations + " iterations of " + k + " components in " + d + " dimensions would hold " + traceNumbers
                    + " numbers; at most " + ApiLimits.MAX_TRACE_NUMBERS + " here: use fewer iterations, components or dimensions");
        }
        double tolerance = JsonInput.number(options, "tolerance", "options.", 0);
        if (tolerance < 0) throw bad("options.tolerance must be ≥ 0");
        CovarianceType type = CovarianceType.fromName(JsonInput.text(options, "covariance", "full"));
        GmmOptions o = GmmOptions.defaults(k).withCovariance(type).withIterations(iterations, tolerance);
        JsonNode init = field(options, "init");
        long seed = JsonInput.seed(options, "seed", "options.", 1);
        if (init == null || init.isTextual()) {
            String name = init == null ? "kmeans++" : init.asText();
            switch (name) {
                case "kmeans++" -> o = o.withInit(GmmOptions.Init.KMEANS_PLUS_PLUS, seed);
                case "random" -> o = o.withInit(GmmOptions.Init.RANDOM, seed);
                default -> throw bad("options.init must be \"kmeans++\", \"random\" or {\"weights\", \"means\", \"covariances\"}, got \"" + name + "\"");
            }
        } else if (init.isObject()) {
            GmmParameters start = initialParameters(init, d);
            if (start.k() != k && field(options, "k") != null) {
                throw bad("options.k is " + k + " but options.init has " + start.k() + " components");
            }
            o = o.withInitial(start);
        } else {
            throw bad("options.init must be \"kmeans++\", \"random\" or an object, got " + JsonInput.describe(init));
        }
        GmmFit fit = GaussianMixture.fit(data, o);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", "gmm");
        a.put("method", "mle");
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("n", fit.n());
        a.put("k", fit.parameters().k());
        a.put("covariance", type.name().toLowerCase());
        a.put("iterations", fit.iterations());
        a.put("converged", fit.converged() || lastChangeSmall(fit));
        a.put("aic", fit.aic());
        a.put("bic", fit.bic());
        List<Map<String, Object>> trace = new ArrayList<>();
        for (GmmFit.GmmIteration step : fit.trace()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("iteration", step.iteration());
            t.put("logLikelihood", step.logLikelihood());
            t.put("weights", step.parameters().weights());
            t.put("means", step.parameters().means());
            t.put("covariances", step.parameters().covariances());
            trace.add(t);
        }
        a.put("trace", trace);
        if (data.length <= ApiLimits.MAX_RESPONSIBILITY_ROWS) a.put("responsibilities", fit.responsibilities());
        return a;
    }

    /** With tolerance 0 EM runs every requested iteration; it has still converged if the last step barely moved. */
    private static boolean lastChangeSmall(GmmFit fit) {
        List<GmmFit.GmmIteration> t = fit.trace();
        if (t.size() < 2) return false;
        double change = t.get(t.size() - 1).logLikelihood() - t.get(t.size() - 2).logLikelihood();
        return Math.abs(change) / fit.n() < CONVERGED_PER_POINT;
    }

    private static GmmParameters initialParameters(JsonNode init, int d) {
        double[] weights = JsonInput.numbers(field(init, "weights"), "options.init weights");
        JsonNode meansNode = field(init, "means"), covNode = field(init, "covariances");
        if (d == 1 && meansNode != null && meansNode.size() > 0 && !meansNode.get(0).isArray()) {
            double[] means = JsonInput.numbers(meansNode, "options.init means");
            double[] variances = JsonInput.numbers(covNode, "options.init covariances (variances, for 1-D data)");
            if (means.length != weights.length || variances.length != weights.length) {
                throw bad("options.init has " + weights.length + " weights, " + means.length + " means and " + variances.length + " variances");
            }
            return GmmParameters.oneDimensional(weights, means, variances);
        }
        double[][] means = JsonInput.rows(meansNode, "options.init means");
        if (covNode == null || !covNode.isArray()) throw bad("options.init needs \"covariances\": one d × d matrix per component");
        double[][][] covariances = new double[covNode.size()][][];
        for (int c = 0; c < covariances.length; c++) {
            covariances[c] = JsonInput.rows(covNode.get(c), "options.init covariance " + (c + 1));
        }
        return new GmmParameters(weights, means, covariances);
    }
}
