package org.argmax.estimation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.argmax.estimation.Fixtures.ROOT;
import static org.argmax.estimation.Fixtures.close;
import static org.argmax.estimation.Fixtures.matrix;
import static org.argmax.estimation.Fixtures.vector;

/**
 * Every family against scipy: MLE to 1e-9 relative for closed forms and 1e-6 for the numerical
 * fits (gamma, beta), log-likelihoods at the MLE and at other parameters to 1e-9.
 */
class DistributionReferenceTest {
    private static final double CLOSED = 1e-9;
    private static final double ITERATIVE = 1e-6;

    @Test
    void everyFamilyMatchesScipy() {
        Iterator<Map.Entry<String, JsonNode>> families = ROOT.get("families").fields();
        int checked = 0;
        while (families.hasNext()) {
            var entry = families.next();
            Family family = Family.fromName(entry.getKey());
            JsonNode f = entry.getValue();
            double[] data = vector(f.get("data"));
            int trials = f.has("trials") ? f.get("trials").asInt() : 0;
            double tol = f.has("iterative") ? ITERATIVE : CLOSED;
            Fit fit = Mle.fit(family, data, trials);
            f.get("mle").fields().forEachRemaining(p -> {
                if (p.getValue().isArray()) close(vector(p.getValue()), fit.vector(p.getKey()), tol, family + " " + p.getKey());
                else close(p.getValue().asDouble(), fit.get(p.getKey()), tol, family + " " + p.getKey());
            });
            close(f.get("loglik_mle").asDouble(), fit.logLikelihood(), tol, family + " log-likelihood at the MLE");
            for (JsonNode at : f.get("at")) {
                Map<String, Object> params = new HashMap<>();
                at.get("params").fields().forEachRemaining(p -> params.put(p.getKey(),
                        p.getValue().isArray() ? (Object) vector(p.getValue()) : (Object) p.getValue().asDouble()));
                close(at.get("loglik").asDouble(), LogLikelihood.of(family, data, params, trials), CLOSED, family + " log-likelihood at " + params);
            }
            checked++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(11, checked, "every one-dimensional family has a fixture");
    }

    @Test
    void multivariateNormalMatchesNumpy() {
        JsonNode m = ROOT.get("mvnormal");
        Fit fit = Mle.mvnormal(matrix(m.get("data")));
        close(vector(m.get("mean")), fit.vector("mean"), CLOSED, "mean");
        close(matrix(m.get("covariance")), fit.matrix("covariance"), CLOSED, "covariance");
        close(m.get("loglik_mle").asDouble(), fit.logLikelihood(), CLOSED, "log-likelihood");
    }

    @Test
    void conjugatePosteriorsMatchTheirFormulasAndANumericalMode() {
        for (JsonNode b : ROOT.get("betaBernoulli")) {
            Posterior p = Conjugate.betaBernoulli(b.get("alpha").asDouble(), b.get("beta").asDouble(), b.get("k").asDouble(), b.get("n").asDouble());
            close(b.get("mode").asDouble(), p.map(), CLOSED, "beta-bernoulli mode " + b);
            close(b.get("mean").asDouble(), p.posteriorMean(), CLOSED, "beta-bernoulli mean " + b);
        }
        JsonNode numeric = ROOT.get("betaBernoulliNumericalMode");
        close(numeric.get("mode").asDouble(), Conjugate.betaBernoulli(2, 2, 3, 3).map(), 1e-7, "mode found by scipy's optimizer");

        JsonNode g = ROOT.get("gammaPoisson");
        Posterior gp = Conjugate.gammaPoisson(g.get("shape").asDouble(), g.get("rate").asDouble(), vector(g.get("data")));
        close(g.get("postShape").asDouble(), gp.parameter("shape"), CLOSED, "gamma shape");
        close(g.get("postRate").asDouble(), gp.parameter("rate"), CLOSED, "gamma rate");
        close(g.get("mode").asDouble(), gp.map(), CLOSED, "gamma-poisson mode");
        close(g.get("mean").asDouble(), gp.posteriorMean(), CLOSED, "gamma-poisson mean");

        JsonNode nm = ROOT.get("normalMean");
        Posterior np = Conjugate.normalMean(nm.get("priorMean").asDouble(), nm.get("priorVariance").asDouble(),
                nm.get("knownVariance").asDouble(), vector(nm.get("data")));
        close(nm.get("postMean").asDouble(), np.map(), CLOSED, "normal posterior mean");
        close(nm.get("postVariance").asDouble(), np.parameter("variance"), CLOSED, "normal posterior variance");

        JsonNode d = ROOT.get("dirichlet");
        Posterior dp = Conjugate.dirichletCategorical(vector(d.get("alpha")), vector(d.get("counts")));
        close(vector(d.get("mode")), dp.mode(), CLOSED, "dirichlet mode");
        close(vector(d.get("mean")), dp.mean(), CLOSED, "dirichlet mean");
    }
}
