package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.CovarianceType;
import org.argmax.estimation.GaussianMixture;
import org.argmax.estimation.GmmFit;
import org.argmax.estimation.GmmOptions;
import org.argmax.estimation.GmmParameters;
import org.argmax.estimation.KMeans;
import org.argmax.estimation.KMeansFit;
import org.argmax.estimation.LinearFit;
import org.argmax.estimation.LogisticFit;
import org.argmax.estimation.Regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/**
 * Regression, Gaussian mixtures and k-means. The endpoint is public, so the work of the iterative
 * fits is bounded: points × iterations × k × d² (GMM) or × k × d (k-means) at most {@value #MAX_WORK},
 * k ≤ {@value #MAX_K}, and a GMM trace of at most {@value #MAX_TRACE_NUMBERS} numbers.
 */
final class ModelEstimates {
    static final List<String> NAMES = List.of("linear", "ridge", "lasso", "logistic", "gmm", "kmeans");
    static final long MAX_WORK = 20_000_000;
    static final int MAX_K = 10;
    static final int MAX_DIMENSION = 20;
    /** A trace entry holds k weights, k·d means and k·d² covariance entries; 500,000 numbers is about 10 MB of JSON. */
    static final long MAX_TRACE_NUMBERS = 500_000;
    /** Responsibilities are n × k numbers; above this many points they are left out of the answer. */
    static final int MAX_RESPONSIBILITY_ROWS = 10_000;
    private static final double CONVERGED_PER_POINT = 1e-6;

    private ModelEstimates() {
    }

    static Map<String, Object> estimate(String model, JsonNode request, JsonNode options) {
        return switch (model) {
            case "linear", "ridge", "lasso", "logistic" -> regression(model, field(request, "data"), options);
            case "gmm" -> gmm(JsonInput.rows(field(request, "data"), "data"), options);
            case "kmeans" -> kmeans(JsonInput.rows(field(request, "data"), "data"), options);
            default -> throw new IllegalStateException(model);
        };
    }

    private static Map<String, Object> regression(String model, JsonNode data, JsonNode options) {
        if (data == null || !data.isObject()) {
            throw bad(model + " regression needs \"data\": {\"x\": [[x1], [x2], …], \"y\": [y1, y2, …]}");
        }
        double[][] x = JsonInput.rows(field(data, "x"), "x");
        double[] y = JsonInput.numbers(field(data, "y"), "y");
        if (x.length > 0 && x[0].length > MAX_DIMENSION * 5) throw bad("x has " + x[0].length + " columns; at most " + MAX_DIMENSION * 5 + " here");
        double lambda = JsonInput.number(options, "lambda", "options.", model.equals("ridge") || model.equals("lasso") ? 1.0 : 0.0);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", model);
        if (model.equals("logistic")) {
            LogisticFit fit = Regression.logistic(x, y, lambda);
            a.put("method", lambda > 0 ? "map" : "mle");
            a.put("estimate", fit.estimate());
            a.put("logLikelihood", fit.logLikelihood());
            a.put("crossEntropy", fit.crossEntropy());
            a.put("n", fit.n());
            a.put("lambda", lambda);
            a.put("iterations", fit.iterations());
            a.put("converged", fit.converged());
            return a;
        }
        LinearFit fit = switch (model) {
            case "ridge" -> Regression.ridge(x, y, lambda);
            case "lasso" -> Regression.lasso(x, y, lambda, 1e-12, (int) Math.max(100, Math.min(100_000, MAX_WORK / ((long) y.length * Math.max(1, x[0].length)))));
            default -> Regression.ols(x, y);
        };
        a.put("method", model.equals("linear") || lambda == 0 ? "mle" : "map");
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("n", fit.n());
        a.put("residualSumOfSquares", fit.residualSumOfSquares());
        if (!model.equals("linear")) a.put("lambda", lambda);
        if (model.equals("lasso")) {
            a.put("iterations", fit.iterations());
            a.put("converged", fit.converged());
        }
        return a;
    }

    private static Map<String, Object> gmm(double[][] data, JsonNode options) {
        int d = dimension(data);
        int k = JsonInput.whole(options, "k", "options.", 2, 1, MAX_K);
        int iterations = JsonInput.whole(options, "iterations", "options.", 100, 0, 1000);
        limitWork(data.length, iterations + 1, k, (long) d * d, "EM iterations", "k × d²");
        long traceNumbers = (long) (iterations + 1) * k * (1 + d + (long) d * d);
        if (traceNumbers > MAX_TRACE_NUMBERS) {
            throw bad("the trace of " + iterations + " iterations of " + k + " components in " + d + " dimensions would hold " + traceNumbers
                    + " numbers; at most " + MAX_TRACE_NUMBERS + " here: use fewer iterations, components or dimensions");
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
        if (data.length <= MAX_RESPONSIBILITY_ROWS) a.put("responsibilities", fit.responsibilities());
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

    private static Map<String, Object> kmeans(double[][] data, JsonNode options) {
        int d = dimension(data);
        int k = JsonInput.whole(options, "k", "options.", 2, 1, MAX_K);
        int iterations = JsonInput.whole(options, "iterations", "options.", 100, 1, 1000);
        limitWork(data.length, iterations, k, d, "k-means iterations", "k × d");
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

    private static int dimension(double[][] data) {
        if (data.length == 0) throw bad("data is empty: give at least one point");
        int d = data[0].length;
        if (d == 0) throw bad("data row 1 is empty");
        if (d > MAX_DIMENSION) throw bad("points have " + d + " coordinates; at most " + MAX_DIMENSION + " here");
        return d;
    }

    private static void limitWork(int n, int iterations, int k, long perComponent, String what, String factor) {
        if ((long) n * iterations * k * perComponent > MAX_WORK) {
            throw bad(n + " points × " + iterations + " " + what + " × " + factor + " = " + k * perComponent
                    + " is more work than this public endpoint does; use fewer points, iterations, components or dimensions (points × iterations × "
                    + factor + " ≤ " + MAX_WORK + ")");
        }
    }
}
