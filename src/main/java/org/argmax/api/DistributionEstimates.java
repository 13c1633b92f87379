package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.Conjugate;
import org.argmax.estimation.EstimationException;
import org.argmax.estimation.Family;
import org.argmax.estimation.Fit;
import org.argmax.estimation.LikelihoodCurve;
import org.argmax.estimation.LogLikelihood;
import org.argmax.estimation.Mle;
import org.argmax.estimation.Posterior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.api.JsonInput.bad;
import static org.argmax.api.JsonInput.field;

/** MLE and conjugate MAP for the distribution families, with an optional likelihood curve. */
final class DistributionEstimates {
    /** Families with a conjugate prior, and the prior each one takes. */
    static final Map<Family, String> PRIORS = Map.of(
            Family.BERNOULLI, "a beta prior {\"alpha\", \"beta\"}",
            Family.BINOMIAL, "a beta prior {\"alpha\", \"beta\"}",
            Family.CATEGORICAL, "a Dirichlet prior {\"alpha\": [one per class]}",
            Family.POISSON, "a gamma prior {\"shape\", \"rate\"}",
            Family.NORMAL, "a normal prior on the mean {\"mean\", \"variance\"} and options.knownVariance");

    private DistributionEstimates() {
    }

    static Map<String, Object> estimate(Family family, String method, JsonNode request, JsonNode options) {
        if (family == Family.MVNORMAL) {
            if (method.equals("map")) throw bad("MAP is not available for mvnormal; use \"method\": \"mle\"");
            Fit fit = Mle.mvnormal(JsonInput.rows(field(request, "data"), "data"));
            return fitAnswer(fit, "mle");
        }
        double[] data = JsonInput.numbers(field(request, "data"), "data");
        int trials = family == Family.BINOMIAL ? trials(options) : 0;
        Fit mle = Mle.fit(family, data, trials);
        Map<String, Object> answer = method.equals("map")
                ? map(family, data, trials, mle, field(request, "prior"), options)
                : fitAnswer(mle, "mle");
        if (trials > 0) answer.put("trials", trials);
        JsonNode curve = field(options, "curve");
        if (curve != null) answer.put("curve", curve(family, data, trials, mle, curve));
        return answer;
    }

    private static Map<String, Object> fitAnswer(Fit fit, String method) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", fit.model());
        a.put("method", method);
        a.put("estimate", fit.estimate());
        a.put("logLikelihood", fit.logLikelihood());
        a.put("n", fit.n());
        if (fit.iterations() > 0) {
            a.put("iterations", fit.iterations());
            a.put("converged", fit.converged());
        }
        return a;
    }

    private static Map<String, Object> map(Family family, double[] data, int trials, Fit mle, JsonNode prior, JsonNode options) {
        String kind = PRIORS.get(family);
        if (kind == null) {
            throw bad("MAP with a conjugate prior is available for " + String.join(", ",
                    PRIORS.keySet().stream().map(Family::jsonName).sorted().toList()) + "; " + family.jsonName() + " has only \"method\": \"mle\"");
        }
        if (prior == null || !prior.isObject()) throw bad("MAP for " + family.jsonName() + " needs \"prior\": " + kind);
        String where = "prior ";
        Posterior posterior;
        Map<String, Object> estimate = new LinkedHashMap<>();
        Map<String, Object> atMap = new LinkedHashMap<>();
        String parameter = family.parameters().get(0);
        switch (family) {
            case BERNOULLI, BINOMIAL -> {
                double alpha = JsonInput.number(prior, "alpha", where), beta = JsonInput.number(prior, "beta", where);
                posterior = family == Family.BERNOULLI ? Conjugate.betaBernoulli(alpha, beta, data) : Conjugate.betaBinomial(alpha, beta, data, trials);
            }
            case POISSON -> posterior = Conjugate.gammaPoisson(JsonInput.number(prior, "shape", where), JsonInput.number(prior, "rate", where), data);
            case CATEGORICAL -> posterior = Conjugate.dirichletCategorical(JsonInput.numbers(field(prior, "alpha"), "prior 'alpha'"), data);
            case NORMAL -> {
                if (field(options, "knownVariance") == null) {
                    throw bad("MAP for the normal mean needs options.knownVariance (the noise variance σ², assumed known)");
                }
                double known = JsonInput.number(options, "knownVariance", "options.");
                posterior = Conjugate.normalMean(JsonInput.number(prior, "mean", where), JsonInput.number(prior, "variance", where), known, data);
                atMap.put("variance", known);
            }
            default -> throw new IllegalStateException("no prior for " + family);
        }
        Object mode = family == Family.CATEGORICAL ? posterior.mode() : (Object) posterior.map();
        estimate.put(parameter, mode);
        atMap.put(parameter, mode);
        Map<String, Object> post = new LinkedHashMap<>(posterior.parameters());
        post.put("mode", mode);
        post.put("mean", family == Family.CATEGORICAL ? posterior.mean() : (Object) posterior.posteriorMean());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", family.jsonName());
        a.put("method", "map");
        a.put("estimate", estimate);
        a.put("logLikelihood", logLikelihoodOrNull(family, data, atMap, trials));
        a.put("n", mle.n());
        a.put("prior", Map.of("family", posterior.prior()));
        a.put("posterior", post);
        a.put("mle", mle.estimate());
        a.put("mleLogLikelihood", mle.logLikelihood());
        return a;
    }

    /** ℓ at the MAP estimate; null where the data is impossible there (ℓ = −∞). */
    private static Double logLikelihoodOrNull(Family family, double[] data, Map<String, Object> params, int trials) {
        try {
            double ll = LogLikelihood.of(family, data, params, trials);
            return Double.isFinite(ll) ? ll : null;
        } catch (EstimationException onTheBoundary) {
            return null; // e.g. a Poisson MAP of λ = 0: outside the open parameter space
        }
    }

    private static Map<String, Object> curve(Family family, double[] data, int trials, Fit mle, JsonNode spec) {
        if (!spec.isObject()) throw bad("options.curve must be an object such as {\"parameter\": \"p\", \"from\": 0, \"to\": 1}");
        String parameter = JsonInput.text(spec, "parameter", family.parameters().get(0));
        boolean probability = parameter.equals("p");
        if (!probability && (field(spec, "from") == null || field(spec, "to") == null)) {
            throw bad("options.curve needs \"from\" and \"to\" for the parameter '" + parameter + "'");
        }
        double from = JsonInput.number(spec, "from", "options.curve ", 0);
        double to = JsonInput.number(spec, "to", "options.curve ", 1);
        int points = JsonInput.whole(spec, "points", "options.curve ", 200, 2, 5000);
        LikelihoodCurve c = LikelihoodCurve.of(family, data, mle.estimate(), parameter, from, to, points, trials);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameter", c.parameter());
        out.put("grid", c.grid());
        out.put("logLikelihood", c.logLikelihood());
        out.put("likelihood", c.likelihood());
        out.put("relativeLikelihood", c.relativeLikelihood());
        out.put("fixed", fixedOthers(family, parameter, mle));
        return out;
    }

    private static Map<String, Object> fixedOthers(Family family, String parameter, Fit mle) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (String p : family.parameters()) if (!p.equals(parameter)) fixed.put(p, mle.estimate().get(p));
        return fixed;
    }

    private static int trials(JsonNode options) {
        if (field(options, "trials") == null) throw bad("binomial data needs options.trials: the number of trials behind each count");
        return JsonInput.whole(options, "trials", "options.", 1, 1, 1_000_000_000);
    }

    static List<String> names() {
        return java.util.Arrays.stream(Family.values()).map(Family::jsonName).toList();
    }
}
