package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.Family;
import org.argmax.estimation.Generators;
import org.argmax.estimation.Rng;
import org.argmax.testing.JsonApi;
import org.argmax.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/sample against the real server: the core's seeded generators, and clear 400s for bad requests. */
class SampleApiTest {

    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.twoLessons();

    static HttpResponse<String> post(String path, String body) {
        return server.postJson(path, body);
    }

    static JsonNode ok(String body) {
        return JsonApi.ok(post("/api/sample", body), body);
    }

    static String error(String body) {
        return JsonApi.error(post("/api/sample", body), body);
    }

    @Test
    void theSameSeedGivesTheCoresDataAndAnotherSeedOtherData() {
        String request = "{\"model\": \"normal\", \"parameters\": {\"mean\": 5, \"variance\": 4}, \"n\": 50, \"seed\": 42, \"decimals\": 6}";
        JsonNode first = ok(request), again = ok(request);
        assertEquals(first.get("data"), again.get("data"));
        assertEquals(Generators.VERSION, first.get("generator").asText());
        assertEquals(42, first.get("seed").asLong());

        double[] expected = Generators.sample(Family.NORMAL, Map.of("mean", 5.0, "variance", 4.0), 50, new Rng(42));
        assertEquals(50, first.get("data").size());
        for (int i = 0; i < 50; i++) assertEquals(expected[i], first.get("data").get(i).asDouble(), 5e-7, "value " + i);

        JsonNode other = ok(request.replace("42", "43"));
        assertNotEquals(first.get("data"), other.get("data"));
    }

    @Test
    void theReadmeExampleIsWhatTheServerAnswers() {
        // Also pins generator v1: exercises store seeds, so these five numbers must never change.
        JsonNode r = ok("{\"model\": \"normal\", \"parameters\": {\"mean\": 5, \"variance\": 4}, \"n\": 5, \"seed\": 42, \"decimals\": 2}");
        assertEquals(JsonApi.read("[4.39, 7.69, 5.77, 6.87, 2.07]"), r.get("data"));
    }

    @Test
    void decimalsRoundTheValues() {
        JsonNode r = ok("{\"model\": \"exponential\", \"parameters\": {\"rate\": 0.5}, \"n\": 30, \"seed\": 1, \"decimals\": 1}");
        for (JsonNode v : r.get("data")) {
            assertTrue(v.asDouble() >= 0);
            assertEquals(Math.round(v.asDouble() * 10) / 10.0, v.asDouble(), 1e-12, v.toString());
        }
    }

    @Test
    void discreteFamiliesGiveWholeNumbersInTheirSupport() {
        for (JsonNode v : ok("{\"model\": \"binomial\", \"parameters\": {\"p\": 0.3, \"trials\": 8}, \"n\": 200, \"seed\": 3}").get("data")) {
            assertTrue(v.asDouble() == Math.rint(v.asDouble()) && v.asDouble() >= 0 && v.asDouble() <= 8, v.toString());
        }
        JsonNode counts = ok("{\"model\": \"categorical\", \"parameters\": {\"probabilities\": [0.2, 0.3, 0.5]}, \"n\": 1000, \"seed\": 3}").get("data");
        assertEquals(3, counts.size());
        assertEquals(1000, counts.get(0).asInt() + counts.get(1).asInt() + counts.get(2).asInt());
    }

    @Test
    void aLargeNormalSampleEstimatesItsOwnParameters() {
        JsonNode data = ok("{\"model\": \"normal\", \"parameters\": {\"mean\": -1.5, \"variance\": 2.25}, \"n\": 10000, \"seed\": 9}").get("data");
        HttpResponse<String> r = post("/api/estimate", "{\"model\": \"normal\", \"data\": " + data + "}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode estimates = JsonApi.read(r.body()).get("estimate");
        // Standard errors at n = 10,000: 0.015 for the mean, about 0.032 for the variance; 4 of each.
        assertEquals(-1.5, estimates.get("mean").asDouble(), 0.06, r.body());
        assertEquals(2.25, estimates.get("variance").asDouble(), 0.13, r.body());
    }

    @Test
    void mixturesInOneAndTwoDimensionsWithTheirLabels() {
        JsonNode one = ok("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.4, 0.6], \"means\": [-2, 3], \"sds\": [1, 1.5]}, \"n\": 4000, \"seed\": 5}");
        assertEquals(4000, one.get("data").size());
        assertTrue(one.get("data").get(0).isNumber(), "1-D points are plain numbers");
        int second = 0;
        double sumSecond = 0;
        for (int i = 0; i < 4000; i++) {
            int label = one.get("labels").get(i).asInt();
            if (label == 1) {
                second++;
                sumSecond += one.get("data").get(i).asDouble();
            }
        }
        assertEquals(0.6, second / 4000.0, 0.03);
        assertEquals(3.0, sumSecond / second, 0.1);

        JsonNode two = ok("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.5, 0.5], \"means\": [[0, 0], [10, -10]], \"sds\": [[1, 0.5], 2]}, \"n\": 300, \"seed\": 5}");
        for (int i = 0; i < 300; i++) {
            JsonNode p = two.get("data").get(i);
            assertEquals(2, p.size());
            boolean nearSecond = Math.hypot(p.get(0).asDouble() - 10, p.get(1).asDouble() + 10) < Math.hypot(p.get(0).asDouble(), p.get(1).asDouble());
            assertEquals(two.get("labels").get(i).asInt() == 1, nearSecond, "point " + i + " lies nearer its own component");
        }

        JsonNode full = ok("{\"model\": \"gmm\", \"parameters\": {\"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1, 0.9], [0.9, 1]]]}, \"n\": 2000, \"seed\": 2}");
        double sxy = 0;
        for (JsonNode p : full.get("data")) sxy += p.get(0).asDouble() * p.get(1).asDouble();
        assertEquals(0.9, sxy / 2000, 0.08, "correlated coordinates");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertTrue(error("{\"model\": \"normall\", \"parameters\": {}}").contains("did you mean 'normal'"));
        assertTrue(error("{\"parameters\": {}}").contains("missing \"model\""));
        assertTrue(error("{\"model\": \"mvnormal\", \"parameters\": {}}").contains("unknown model"));
        assertTrue(error("{\"model\": \"normal\"}").contains("\"parameters\" must be an object"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0}}").contains("missing parameters.variance"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1, \"sd\": 1}}").contains("unknown parameter 'sd'"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": -1}}").contains("variance"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": \"zero\", \"variance\": 1}}").contains("parameters.mean must be a number"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1}, \"n\": 10001}").contains("from 1 to 10000"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1}, \"seed\": 1.5}").contains("whole number"));
        assertTrue(error("{\"model\": \"normal\", \"parameters\": {\"mean\": 0, \"variance\": 1}, \"seed\": 9007199254740993}")
                .contains("must be between -9000000000000000 and 9000000000000000"));
        assertEquals("parameters.probabilities must sum to 1; they sum to 0.4",
                error("{\"model\": \"categorical\", \"parameters\": {\"probabilities\": [0.2, 0.2]}}"));
        assertTrue(error("{\"model\": \"categorical\", \"parameters\": {\"probabilities\": [1.5, -0.5]}}").contains("must not be negative; value 2"));
        assertTrue(error("{\"model\": \"beta\", \"parameters\": {\"alpha\": 1e-300, \"beta\": 1e-300}}").contains("too extreme"));
        // a tiny success probability means long waits, not instant successes
        JsonNode waits = ok("{\"model\": \"geometric\", \"parameters\": {\"p\": 1e-17}, \"n\": 5, \"seed\": 3}").get("data");
        for (JsonNode w : waits) assertTrue(w.asDouble() > 1e12, waits.toString());
        assertTrue(error("{\"model\": \"binomial\", \"parameters\": {\"p\": 0.5, \"trials\": 2.5}}").contains("trials must be a whole number"));
        assertTrue(error("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.5, 0.6], \"means\": [0, 1], \"sds\": [1, 1]}}").contains("add up to 1"));
        assertTrue(error("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.5, 0.5], \"means\": [0], \"sds\": [1, 1]}}").contains("means has 1 entries"));
        assertTrue(error("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.5, 0.5], \"means\": [0, 1]}}").contains("either parameters.sds or parameters.covariances"));
        assertTrue(error("{\"model\": \"gmm\", \"parameters\": {\"weights\": [0.5, 0.5], \"means\": [0, 1], \"sds\": [1, 0]}}").contains("component 2 has 0"));
        assertTrue(error("{\"model\": \"gmm\", \"parameters\": {\"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1, 2], [2, 1]]]}}").contains("positive definite"));
        assertEquals(400, post("/api/sample", "not json").statusCode());
    }
}
