package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.testing.JsonApi;
import org.argmax.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/estimate against the real server: values checked by hand, and bad input is always a 400 JSON message. */
class EstimateApiTest {
    private static final double EXACT = 1e-12;

    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.twoLessons();

    static HttpResponse<String> post(String body) {
        return server.postJson("/api/estimate", body);
    }

    static JsonNode ok(String body) {
        HttpResponse<String> r = post(body);
        assertFalse(r.body().contains("NaN") || r.body().contains("Infinity"), r.body());
        return JsonApi.ok(r, body);
    }

    static String error(String body) {
        return JsonApi.error(post(body), body);
    }

    @Test
    void bernoulliMle() {
        JsonNode r = ok("{\"model\": \"bernoulli\", \"method\": \"mle\", \"data\": [1, 1, 0, 1]}");
        assertEquals("bernoulli", r.get("model").asText());
        assertEquals("mle", r.get("method").asText());
        assertEquals(0.75, r.at("/estimate/p").asDouble(), EXACT);
        assertEquals(3 * Math.log(0.75) + Math.log(0.25), r.get("logLikelihood").asDouble(), 1e-12);
        assertEquals(4, r.get("n").asInt());
    }

    @Test
    void betaBernoulliMapThreeHeadsOfThree() {
        JsonNode r = ok("{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1, 1, 1], \"prior\": {\"alpha\": 2, \"beta\": 2}}");
        assertEquals(0.8, r.at("/estimate/p").asDouble(), EXACT);          // (3+2−1)/(3+2+2−2)
        assertEquals(5, r.at("/posterior/alpha").asDouble(), EXACT);
        assertEquals(2, r.at("/posterior/beta").asDouble(), EXACT);
        assertEquals(0.8, r.at("/posterior/mode").asDouble(), EXACT);
        assertEquals(5.0 / 7, r.at("/posterior/mean").asDouble(), EXACT);
        assertEquals(1.0, r.at("/mle/p").asDouble(), EXACT);
    }

    @Test
    void binomialPoissonGeometricExponentialMle() {
        assertEquals(5.0 / 12, ok("{\"model\": \"binomial\", \"data\": [2, 3], \"options\": {\"trials\": 6}}").at("/estimate/p").asDouble(), EXACT);
        assertEquals(2.0, ok("{\"model\": \"poisson\", \"data\": [1, 2, 3]}").at("/estimate/lambda").asDouble(), EXACT);
        assertEquals(0.5, ok("{\"model\": \"geometric\", \"data\": [1, 3, 2]}").at("/estimate/p").asDouble(), EXACT);
        assertEquals(0.5, ok("{\"model\": \"exponential\", \"data\": [1, 3]}").at("/estimate/rate").asDouble(), EXACT);
        JsonNode cat = ok("{\"model\": \"categorical\", \"data\": [1, 3, 4]}");
        assertEquals(0.375, cat.at("/estimate/probabilities/1").asDouble(), EXACT);
        assertEquals(8, cat.get("n").asInt());
    }

    @Test
    void normalMleWithUnbiasedVariance() {
        JsonNode r = ok("{\"model\": \"normal\", \"data\": [1, 2, 3, 4]}");
        assertEquals(2.5, r.at("/estimate/mean").asDouble(), EXACT);
        assertEquals(1.25, r.at("/estimate/variance").asDouble(), EXACT);
        assertEquals(5.0 / 3, r.at("/estimate/unbiasedVariance").asDouble(), 1e-12);
    }

    @Test
    void uniformLaplaceGammaBetaMvnormal() {
        JsonNode u = ok("{\"model\": \"uniform\", \"data\": [0.5, 2, 1]}");
        assertEquals(0.5, u.at("/estimate/a").asDouble(), EXACT);
        assertEquals(2, u.at("/estimate/b").asDouble(), EXACT);
        JsonNode l = ok("{\"model\": \"laplace\", \"data\": [1, 2, 6]}");
        assertEquals(2, l.at("/estimate/location").asDouble(), EXACT);
        assertEquals(5.0 / 3, l.at("/estimate/scale").asDouble(), 1e-12);
        JsonNode g = ok("{\"model\": \"gamma\", \"data\": [1.2, 0.7, 3.1, 2.2, 1.9]}");
        // the gamma MLE has shape/rate = sample mean
        assertEquals(1.82, g.at("/estimate/shape").asDouble() / g.at("/estimate/rate").asDouble(), 1e-6);
        JsonNode b = ok("{\"model\": \"beta\", \"data\": [0.2, 0.5, 0.7, 0.4]}");
        assertTrue(b.at("/estimate/alpha").asDouble() > 0 && b.at("/estimate/beta").asDouble() > 0);
        JsonNode mv = ok("{\"model\": \"mvnormal\", \"data\": [[0, 0], [2, 0], [0, 2], [2, 2]]}");
        assertEquals(1, mv.at("/estimate/mean/0").asDouble(), EXACT);
        assertEquals(1, mv.at("/estimate/covariance/0/0").asDouble(), EXACT);
        assertEquals(0, mv.at("/estimate/covariance/0/1").asDouble(), EXACT);
    }

    @Test
    void conjugateMapForPoissonNormalCategorical() {
        JsonNode p = ok("{\"model\": \"poisson\", \"method\": \"map\", \"data\": [2, 4], \"prior\": {\"shape\": 3, \"rate\": 1}}");
        assertEquals((3 + 6 - 1) / 3.0, p.at("/estimate/lambda").asDouble(), EXACT);
        JsonNode n = ok("{\"model\": \"normal\", \"method\": \"map\", \"data\": [2, 4], \"prior\": {\"mean\": 0, \"variance\": 1}, \"options\": {\"knownVariance\": 1}}");
        assertEquals(2.0, n.at("/estimate/mean").asDouble(), EXACT);    // (0/1 + 6/1) / (1 + 2)
        JsonNode c = ok("{\"model\": \"categorical\", \"method\": \"map\", \"data\": [1, 3], \"prior\": {\"alpha\": [2, 2]}}");
        assertEquals(2.0 / 6, c.at("/estimate/probabilities/0").asDouble(), EXACT);
    }

    @Test
    void likelihoodCurveOverP() {
        JsonNode r = ok("{\"model\": \"bernoulli\", \"data\": [1, 0, 1], \"options\": {\"curve\": {\"parameter\": \"p\", \"from\": 0, \"to\": 1, \"points\": 101}}}");
        JsonNode grid = r.at("/curve/grid"), ll = r.at("/curve/logLikelihood");
        assertEquals(99, grid.size(), "p = 0 and p = 1 are impossible for this data and left out");
        int best = 0;
        for (int i = 1; i < ll.size(); i++) if (ll.get(i).asDouble() > ll.get(best).asDouble()) best = i;
        assertEquals(0.67, grid.get(best).asDouble(), 1e-9);
    }

    @Test
    void linearRegressionRecoversTheLine() {
        // y = 1 + 2x plus residuals (+e, −e, −e, +e) that sum to 0 and are orthogonal to x, so OLS is exactly [1, 2]
        JsonNode r = ok("{\"model\": \"linear\", \"data\": {\"x\": [[0], [1], [2], [3]], \"y\": [1.1, 2.9, 4.9, 7.1]}}");
        assertEquals(1, r.at("/estimate/coefficients/0").asDouble(), 1e-9);
        assertEquals(2, r.at("/estimate/coefficients/1").asDouble(), 1e-9);
        JsonNode ridge = ok("{\"model\": \"ridge\", \"data\": {\"x\": [0, 1, 2, 3], \"y\": [1.1, 2.9, 4.9, 7.1]}, \"options\": {\"lambda\": 5}}");
        assertEquals(2 * 5 / (5 + 5.0), ridge.at("/estimate/coefficients/1").asDouble(), 1e-9);   // Sxy/(Sxx+λ) = 10/10
        assertEquals("map", ridge.get("method").asText());
        assertEquals(2, ok("{\"model\": \"lasso\", \"data\": {\"x\": [0, 1, 2, 3], \"y\": [1.1, 2.9, 4.9, 7.1]}, \"options\": {\"lambda\": 0}}")
                .at("/estimate/coefficients/1").asDouble(), 1e-9);
        JsonNode logistic = ok("{\"model\": \"logistic\", \"data\": {\"x\": [[0], [1], [2], [3]], \"y\": [0, 1, 0, 1]}}");
        assertEquals(2, logistic.at("/estimate/coefficients").size());
    }

    @Test
    void gmmTraceHasTheRequestedLengthAndNeverDecreases() {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 60; i++) data.append(i == 0 ? "" : ",").append(i % 2 == 0 ? -2 + 0.05 * i : 3 + 0.03 * i);
        JsonNode r = ok("{\"model\": \"gmm\", \"data\": [" + data + "], \"options\": {\"k\": 2, \"iterations\": 25, \"init\": \"kmeans++\", \"seed\": 4}}");
        JsonNode trace = r.get("trace");
        assertEquals(26, trace.size(), "the start plus one entry per iteration");
        for (int i = 1; i < trace.size(); i++) {
            assertTrue(trace.get(i).get("logLikelihood").asDouble() >= trace.get(i - 1).get("logLikelihood").asDouble() - 1e-9, "EM is monotone at " + i);
        }
        assertEquals(1, r.at("/estimate/weights/0").asDouble() + r.at("/estimate/weights/1").asDouble(), 1e-9);
        assertEquals(60, r.get("responsibilities").size());
        assertTrue(r.get("aic").isNumber() && r.get("bic").isNumber());
        JsonNode given = ok("{\"model\": \"gmm\", \"data\": [" + data + "], \"options\": {\"iterations\": 3, "
                + "\"init\": {\"weights\": [0.5, 0.5], \"means\": [-1, 1], \"covariances\": [1, 1]}, \"covariance\": \"spherical\"}}");
        assertEquals(-1, given.at("/trace/0/means/0/0").asDouble(), EXACT);
    }

    @Test
    void kmeansInertia() {
        JsonNode r = ok("{\"model\": \"kmeans\", \"data\": [[0, 0], [0, 2], [10, 0], [10, 2]], \"options\": {\"k\": 2, \"seed\": 3}}");
        assertEquals(4.0, r.get("inertia").asDouble(), EXACT);   // each point is 1 from its centre
        assertEquals(r.at("/assignments/0").asInt(), r.at("/assignments/1").asInt());
        assertTrue(r.at("/assignments/0").asInt() != r.at("/assignments/2").asInt());
        assertTrue(r.get("trace").size() >= 1);
    }

    @Test
    void messagesNameTheProblem() {
        String unknown = error("{\"model\": \"bernouli\", \"data\": [1]}");
        assertTrue(unknown.contains("did you mean 'bernoulli'") && unknown.contains("gmm") && unknown.contains("kmeans"), unknown);
        String value = error("{\"model\": \"bernoulli\", \"data\": [1, 0, 2]}");
        assertTrue(value.contains("value 3"), value);
        String text = error("{\"model\": \"normal\", \"data\": [1, \"x\"]}");
        assertTrue(text.contains("value 2") && text.contains("\"x\""), text);
        String prior = error("{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1], \"prior\": {\"alpha\": 2}}");
        assertTrue(prior.contains("'beta'"), prior);
        String json = error("{\"model\": \"bernoulli\", ");
        assertTrue(json.contains("not valid JSON (line 1, column") && !json.contains("Source"), json);
        assertTrue(error("{\"model\": \"binomial\", \"data\": [1]}").contains("options.trials"));
        assertTrue(error("{\"model\": \"normal\", \"method\": \"map\", \"data\": [1, 2], \"prior\": {\"mean\": 0, \"variance\": 1}}").contains("knownVariance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "null", "[]", "42", "\"bernoulli\"", "{}", "{\"model\": null}", "{\"model\": 5}", "{\"model\": [\"normal\"]}",
            "{\"model\": \"normal\"}", "{\"model\": \"normal\", \"data\": null}", "{\"model\": \"normal\", \"data\": \"1,2,3\"}",
            "{\"model\": \"normal\", \"data\": {}}", "{\"model\": \"normal\", \"data\": []}", "{\"model\": \"normal\", \"data\": [[1, 2], [3]]}",
            "{\"model\": \"normal\", \"data\": [1, null]}", "{\"model\": \"normal\", \"data\": [1, true]}", "{\"model\": \"normal\", \"data\": [1e999, 2]}",
            "{\"model\": \"normal\", \"data\": [1, NaN]}", "{\"model\": \"normal\", \"data\": [1, Infinity]}", "{\"model\": \"normal\", \"data\": [1, 1]}",
            "{\"model\": \"normal\", \"data\": [1, 2], \"method\": 3}", "{\"model\": \"normal\", \"data\": [1, 2], \"method\": \"bayes\"}",
            "{\"model\": \"normal\", \"data\": [1, 2], \"options\": []}", "{\"model\": \"normal\", \"data\": [1, 2], \"options\": {\"curve\": 5}}",
            "{\"model\": \"normal\", \"data\": [1, 2], \"options\": {\"curve\": {\"parameter\": \"mean\"}}}",
            "{\"model\": \"normal\", \"data\": [1, 2], \"options\": {\"curve\": {\"parameter\": \"nope\", \"from\": 0, \"to\": 1}}}",
            "{\"model\": \"normal\", \"data\": [1, 2], \"options\": {\"curve\": {\"parameter\": \"mean\", \"from\": 1, \"to\": 0}}}",
            "{\"model\": \"bernoulli\", \"data\": [1], \"options\": {\"curve\": {\"points\": 1e9}}}",
            "{\"model\": \"bernoulli\", \"data\": [[[[1]]]]}", "{\"model\": \"bernoulli\", \"data\": [0.5]}", "{\"model\": \"bernoulli\", \"data\": [-1e308]}",
            "{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1]}", "{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1], \"prior\": 3}",
            "{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1], \"prior\": {\"alpha\": -1, \"beta\": 2}}",
            "{\"model\": \"bernoulli\", \"method\": \"map\", \"data\": [1], \"prior\": {\"alpha\": \"2\", \"beta\": 2}}",
            "{\"model\": \"binomial\", \"data\": [1], \"options\": {\"trials\": 0.5}}", "{\"model\": \"binomial\", \"data\": [7], \"options\": {\"trials\": 3}}",
            "{\"model\": \"binomial\", \"data\": [1], \"options\": {\"trials\": 1e300}}",
            "{\"model\": \"categorical\", \"data\": [0, 0]}", "{\"model\": \"categorical\", \"method\": \"map\", \"data\": [1, 2], \"prior\": {\"alpha\": [1]}}",
            "{\"model\": \"categorical\", \"method\": \"map\", \"data\": [1, 2], \"prior\": {\"alpha\": 1}}",
            "{\"model\": \"poisson\", \"data\": [1.5]}", "{\"model\": \"geometric\", \"data\": [0]}", "{\"model\": \"exponential\", \"data\": [0]}",
            "{\"model\": \"gamma\", \"data\": [1]}", "{\"model\": \"beta\", \"data\": [1]}", "{\"model\": \"uniform\", \"data\": [3]}",
            "{\"model\": \"laplace\", \"data\": [2, 2]}", "{\"model\": \"exponential\", \"method\": \"map\", \"data\": [1]}",
            "{\"model\": \"mvnormal\", \"data\": [[1, 2]]}", "{\"model\": \"mvnormal\", \"data\": [[1, 2], [1, 2], [1, 2]]}",
            "{\"model\": \"mvnormal\", \"data\": [[1, \"a\"], [2, 2]]}", "{\"model\": \"mvnormal\", \"data\": [[], []]}",
            "{\"model\": \"linear\", \"data\": [1, 2]}", "{\"model\": \"linear\", \"data\": {\"x\": [1, 2]}}", "{\"model\": \"linear\", \"data\": {\"x\": [1, 2], \"y\": [1]}}",
            "{\"model\": \"linear\", \"data\": {\"x\": [1, 1, 1], \"y\": [1, 2, 3]}}", "{\"model\": \"linear\", \"data\": {\"x\": [[1, 2], [3]], \"y\": [1, 2]}}",
            "{\"model\": \"linear\", \"data\": {\"x\": \"x\", \"y\": [1, 2]}}", "{\"model\": \"linear\", \"method\": \"map\", \"data\": {\"x\": [1, 2, 3], \"y\": [1, 2, 4]}}",
            "{\"model\": \"ridge\", \"data\": {\"x\": [1, 2, 3], \"y\": [1, 2, 4]}, \"options\": {\"lambda\": -1}}",
            "{\"model\": \"ridge\", \"data\": {\"x\": [1, 2, 3], \"y\": [1, 2, 4]}, \"options\": {\"lambda\": \"big\"}}",
            "{\"model\": \"lasso\", \"data\": {\"x\": [[]], \"y\": [1]}}", "{\"model\": \"logistic\", \"data\": {\"x\": [1, 2], \"y\": [1, 1]}}",
            "{\"model\": \"logistic\", \"data\": {\"x\": [1, 2], \"y\": [0, 2]}}", "{\"model\": \"logistic\", \"data\": {\"x\": [1, 2, 3, 4], \"y\": [0, 0, 1, 1]}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"k\": 0}}", "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"k\": 5}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"k\": 2.5}}", "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"k\": \"2\"}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"iterations\": -1}}", "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"iterations\": 1e12}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": \"best\"}}", "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": 7}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": {}}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": {\"weights\": [0.5, 0.5], \"means\": [1], \"covariances\": [1, 1]}}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": {\"weights\": [0.9, 0.9], \"means\": [1, 2], \"covariances\": [1, 1]}}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": {\"weights\": [0.5, 0.5], \"means\": [1, 2], \"covariances\": [-1, 1]}}}",
            "{\"model\": \"gmm\", \"data\": [[1, 2], [2, 3], [3, 3]], \"options\": {\"init\": {\"weights\": [0.5, 0.5], \"means\": [[1, 2], [2, 3]], \"covariances\": [1, 2]}}}",
            "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"covariance\": \"tied\"}}", "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"seed\": 0.5}}",
            "{\"model\": \"kmeans\", \"data\": [[1, 2]], \"options\": {\"k\": 2}}", "{\"model\": \"kmeans\", \"data\": [[1, 2], [1]]}",
            "{\"model\": \"kmeans\", \"data\": [[1, 2], [3, 4]], \"options\": {\"k\": 99}}", "{\"model\": \"kmeans\", \"data\": [], \"options\": {\"k\": 1}}",
    })
    void badInputIsA400WithAMessageNeverA500(String body) {
        error(body);
    }

    @Test
    void degenerateButValidInputIsNeverA500() {
        // a cluster that collapses onto one point, and a variance that underflows: answers, with no NaN in the JSON
        for (String body : new String[]{
                "{\"model\": \"gmm\", \"data\": [1, 1, 1, 1, 5], \"options\": {\"k\": 2, \"iterations\": 20}}",
                "{\"model\": \"gmm\", \"data\": [1, 2, 3], \"options\": {\"init\": {\"weights\": [0.5, 0.5], \"means\": [1, 1], \"covariances\": [1e-300, 1e-300]}}}",
                "{\"model\": \"kmeans\", \"data\": [[1, 1], [1, 1], [1, 1]], \"options\": {\"k\": 3}}",
                "{\"model\": \"normal\", \"data\": [1e300, -1e300]}",
                "{\"model\": \"poisson\", \"method\": \"map\", \"data\": [1], \"prior\": {\"shape\": 1e-320, \"rate\": 1}}",
                "{\"model\": \"exponential\", \"data\": [1e-320]}",
                "{\"model\": \"kmeans\", \"data\": [[1e308, 1e308], [-1e308, -1e308], [0, 0]], \"options\": {\"k\": 2}}",
                "{\"model\": \"mvnormal\", \"data\": [[1e300, 1], [-1e300, 2], [0, 3]]}",
                "{\"model\": \"mvnormal\", \"data\": [[1, 1], [2, 2], [3, 3]]}",
                "{\"model\": \"bernoulli\", \"data\": [1, 1, 1], \"options\": {\"curve\": {\"points\": 11}}}",
                "{\"model\": \"gmm\", \"data\": [[0, 0], [0, 1], [5, 5], [5, 6], [0, 0.5]], \"options\": {\"k\": 2, \"covariance\": \"diagonal\"}}"}) {
            HttpResponse<String> r = post(body);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, body + " → " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("NaN") || r.body().contains("Infinity"), r.body());
        }
    }

    @Test
    void limitsOnSize() {
        StringBuilder big = new StringBuilder("{\"model\": \"normal\", \"data\": [");
        for (int i = 0; i < 100_001; i++) big.append(i == 0 ? "" : ",").append(i % 7);
        String tooMany = error(big.append("]}").toString());
        assertTrue(tooMany.contains("100000"), tooMany);

        StringBuilder huge = new StringBuilder("{\"model\": \"normal\", \"data\": [");
        for (int i = 0; i < 120_000; i++) huge.append(i == 0 ? "" : ",").append("1.000000001");
        String oversized = huge.append("]}").toString();
        // Repeated because answering before the body was read used to reset the connection only sometimes.
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> r = post(oversized);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(JsonApi.read(r.body()).get("error").asText().contains("1 MB"), r.body());
        }

        String work = error("{\"model\": \"gmm\", \"data\": [" + "1,2,".repeat(49_999) + "3,4], \"options\": {\"iterations\": 1000}}");
        assertTrue(work.contains("points × iterations"), work);
        // few points but many dimensions and components: the work (and the trace) grow with k × d²
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append(i == 0 ? "" : ",").append('[');
            for (int j = 0; j < 20; j++) rows.append(j == 0 ? "" : ",").append((i * 7 + j * 3) % 11);
            rows.append(']');
        }
        String wide = error("{\"model\": \"gmm\", \"data\": [" + rows + "], \"options\": {\"k\": 10, \"iterations\": 1000}}");
        assertTrue(wide.contains("k × d²") && wide.contains("4000"), wide);
        // ten points: little work, but 200 iterations × 10 components × (1 + 20 + 400) numbers of trace
        String tenRows = rows.substring(0, rows.indexOf("],[", rows.indexOf("],[") + 1) + 1);
        for (int i = 2; i < 10; i++) tenRows = tenRows + ",[" + "1,".repeat(19) + (i + 1) + "]";
        String traced = error("{\"model\": \"gmm\", \"data\": [" + tenRows + "], \"options\": {\"k\": 10, \"iterations\": 200}}");
        assertTrue(traced.contains("the trace of 200 iterations"), traced);
    }

    @Test
    void getIsNotAllowedAndNoCsrfTokenIsNeeded() {
        assertTrue(server.get("/api/estimate").statusCode() >= 400);
        assertEquals(200, post("{\"model\": \"poisson\", \"data\": [3]}").statusCode());
    }
}
