package org.argmax.estimation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labs' runs ({@link LabRuns}): without a bug they are the core's EM and k-means from the same
 * start; with each bug they are what numpy gives (src/test/python/lab_runs.py, fixture
 * src/test/resources/labs/lab-runs-numpy.jsonl: the two lab exercises, seeds 1–3), values that are
 * not numbers in the same places.
 */
class LabRunsTest {
    private static final double[] X = {-2.5, -1.2, 0.4, 2.6, 4.1, -1.9, 3.3, 0.9, -0.3, 2.2};

    @Test
    void emWithoutABugIsTheCoresEmFromTheSameStart() {
        double[] w = {0.5, 0.5}, mu = {-1, 1}, var = {1, 1};
        LabRuns.Run run = LabRuns.em(X, w, mu, var, 20, LabRuns.EmBug.NONE);
        GmmFit fit = GaussianMixture.fit(X, GmmOptions.defaults(2).withCovariance(CovarianceType.FULL).withRegularization(0)
                .withInitial(GmmParameters.oneDimensional(w, mu, var)).withIterations(20, 0));
        List<GmmFit.GmmIteration> trace = fit.trace();
        for (int t = 1; t <= 20; t++) assertEquals(trace.get(t).logLikelihood(), run.trace()[t - 1], 1e-9, "iteration " + t);
        for (int c = 0; c < 2; c++) {
            assertEquals(fit.parameters().weights()[c], run.parameters()[0][c], 1e-12);
            assertEquals(fit.parameters().means()[c][0], run.parameters()[1][c], 1e-9);
            assertEquals(fit.parameters().covariances()[c][0][0], run.parameters()[2][c], 1e-9);
        }
        for (int t = 1; t < 20; t++) assertTrue(run.trace()[t] >= run.trace()[t - 1] - 1e-12, "EM never lowers ℓ");
    }

    @Test
    void kMeansWithoutABugIsTheCoresLloydFromTheSameCentres() {
        double[] start = {-1, 10}; // no point is nearest to 10 at first: the empty-cluster rule moves it
        LabRuns.Run run = LabRuns.kMeans(X, start, 20, LabRuns.KMeansBug.NONE);
        KMeansFit fit = KMeans.fromCenters(GaussianMixture.column(X), new double[][]{{-1}, {10}}, 20);
        for (KMeansFit.KMeansIteration it : fit.trace()) {
            if (it.iteration() == 0) continue;
            assertEquals(it.inertia(), run.trace()[it.iteration() - 1], 1e-9, "iteration " + it.iteration());
        }
        assertArrayEquals(new double[]{fit.centers()[0][0], fit.centers()[1][0]}, run.parameters()[0], 1e-12);
        assertEquals(1, LabRuns.kMeans(X, start, 20, LabRuns.KMeansBug.EMPTY_CLUSTER_DROPPED).parameters()[0].length);
    }

    @Test
    void everyVariantAgreesWithNumpy() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (String text : Files.readAllLines(Path.of("src/test/resources/labs/lab-runs-numpy.jsonl"))) {
            JsonNode line = json.readTree(text);
            double[] x = numbers(line.get("data"));
            JsonNode g = line.get("given");
            int iterations = g.get("iterations").asInt();
            for (Iterator<String> refs = line.get("runs").fieldNames(); refs.hasNext(); ) {
                String reference = refs.next();
                for (Iterator<String> bugs = line.get("runs").get(reference).fieldNames(); bugs.hasNext(); ) {
                    String bug = bugs.next();
                    double[] numpy = numbers(line.get("runs").get(reference).get(bug));
                    String constant = bug.toUpperCase(Locale.ROOT).replace('-', '_');
                    LabRuns.Run run = reference.equals("mixture.em.run")
                            ? LabRuns.em(x, new double[]{g.get("w1").asDouble(), 1 - g.get("w1").asDouble()},
                            new double[]{g.get("mu1").asDouble(), g.get("mu2").asDouble()},
                            new double[]{g.get("var1").asDouble(), g.get("var2").asDouble()}, iterations, LabRuns.EmBug.valueOf(constant))
                            : LabRuns.kMeans(x, new double[]{g.get("c1").asDouble(), g.get("c2").asDouble()}, iterations, LabRuns.KMeansBug.valueOf(constant));
                    double[] mine = run.flat();
                    String where = line.get("exercise").asText() + " seed " + line.get("seed") + " " + bug;
                    assertEquals(numpy.length, mine.length, where);
                    for (int i = 0; i < mine.length; i++) {
                        if (Double.isNaN(numpy[i])) assertFalse(Double.isFinite(mine[i]), where + " value " + i);
                        else assertEquals(numpy[i], mine[i], 1e-9 * Math.max(1, Math.abs(numpy[i])), where + " value " + i);
                    }
                    compared++;
                }
            }
        }
        assertEquals(3 * (7 + 5 + 6), compared, "3 seeds: EM lab (none + 6 bugs), k-means lab (none + 4) and its EM (none + 5)");
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        return out;
    }
}
