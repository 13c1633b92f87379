package org.argmax.estimation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.argmax.estimation.Fixtures.ROOT;
import static org.argmax.estimation.Fixtures.close;
import static org.argmax.estimation.Fixtures.matrices;
import static org.argmax.estimation.Fixtures.matrix;
import static org.argmax.estimation.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Regression, EM and k-means against scikit-learn and a scipy reference EM (1e-9 closed form, 1e-6 iterative). */
class ModelReferenceTest {

    @Test
    void olsRidgeLassoMatchScikitLearn() {
        JsonNode o = ROOT.get("ols");
        double[][] x = matrix(o.get("x"));
        double[] y = vector(o.get("y"));
        LinearFit ols = Regression.ols(x, y);
        close(vector(o.get("coefficients")), ols.coefficients(), 1e-9, "OLS");
        close(o.get("sigma2").asDouble(), ols.sigma2(), 1e-9, "σ² MLE");
        close(o.get("loglik").asDouble(), ols.logLikelihood(), 1e-9, "Gaussian log-likelihood");
        close(vector(ROOT.get("ridge").get("coefficients")), Regression.ridge(x, y, ROOT.get("ridge").get("lambda").asDouble()).coefficients(), 1e-9, "ridge");
        close(vector(ROOT.get("lasso").get("coefficients")), Regression.lasso(x, y, ROOT.get("lasso").get("lambda").asDouble()).coefficients(), 1e-6, "lasso");
    }

    @Test
    void logisticMatchesScipyAndScikitLearn() {
        JsonNode l = ROOT.get("logistic");
        double[][] x = matrix(l.get("x"));
        double[] y = vector(l.get("y"));
        LogisticFit fit = Regression.logistic(x, y, 0);
        close(vector(l.get("coefficients")), fit.coefficients(), 1e-6, "logistic");
        close(vector(l.get("sklearnCoefficients")), fit.coefficients(), 1e-6, "logistic vs sklearn");
        close(l.get("crossEntropy").asDouble(), fit.crossEntropy(), 1e-9, "cross-entropy = negative log-likelihood");
        close(vector(l.get("l2").get("coefficients")), Regression.logistic(x, y, l.get("l2").get("lambda").asDouble()).coefficients(), 1e-6, "logistic L2");
    }

    private static GmmParameters init(JsonNode i) {
        return new GmmParameters(vector(i.get("weights")), matrix(i.get("means")), matrices(i.get("covariances")));
    }

    private static void compare(JsonNode expected, GmmFit fit, String what) {
        double[] trace = vector(expected.get("trace"));
        assertEquals(trace.length, fit.trace().size(), what + " trace length");
        for (int t = 0; t < trace.length; t++) close(trace[t], fit.trace().get(t).logLikelihood(), 1e-6, what + " log-likelihood at iteration " + t);
        close(vector(expected.get("weights")), fit.parameters().weights(), 1e-6, what + " weights");
        close(matrix(expected.get("means")), fit.parameters().means(), 1e-6, what + " means");
        double[][][] cov = matrices(expected.get("covariances"));
        for (int k = 0; k < cov.length; k++) close(cov[k], fit.parameters().covariances()[k], 1e-6, what + " covariance " + k);
    }

    @Test
    void emMatchesAReferenceEmIterationByIteration() {
        JsonNode g = ROOT.get("gmm1d");
        GmmOptions o1 = GmmOptions.defaults(2).withInitial(init(g.get("init"))).withIterations(g.get("iterations").asInt(), 0).withRegularization(0);
        compare(g.get("result"), GaussianMixture.fit(matrix(g.get("data")), o1), "1-D");

        JsonNode g2 = ROOT.get("gmm2d");
        double[][] data = matrix(g2.get("data"));
        for (String kind : List.of("full", "diagonal", "spherical")) {
            GmmOptions o = GmmOptions.defaults(3).withCovariance(CovarianceType.fromName(kind)).withInitial(init(g2.get("init")))
                    .withIterations(g2.get("iterations").asInt(), 0).withRegularization(0);
            compare(g2.get("results").get(kind), GaussianMixture.fit(data, o), "2-D " + kind);
        }
    }

    @Test
    void convergedEmReachesScikitLearnsLogLikelihood() {
        JsonNode g2 = ROOT.get("gmm2d");
        GmmOptions o = GmmOptions.defaults(3).withInitial(init(g2.get("init"))).withIterations(2000, 1e-12)
                .withRegularization(g2.get("sklearnConverged").get("regularization").asDouble());
        GmmFit fit = GaussianMixture.fit(matrix(g2.get("data")), o);
        close(g2.get("sklearnConverged").get("logLikelihood").asDouble(), fit.logLikelihood(), 1e-6, "converged log-likelihood");
    }

    @Test
    void kMeansMatchesScikitLearnFromTheSameCentres() {
        JsonNode k = ROOT.get("kmeans");
        KMeansFit fit = KMeans.fromCenters(matrix(k.get("data")), matrix(k.get("init")), 300);
        close(matrix(k.get("centers")), fit.centers(), 1e-9, "centres");
        close(k.get("inertia").asDouble(), fit.inertia(), 1e-9, "inertia");
        int[] labels = new int[k.get("labels").size()];
        for (int i = 0; i < labels.length; i++) labels[i] = k.get("labels").get(i).asInt();
        assertArrayEquals(labels, fit.assignments());
    }
}
