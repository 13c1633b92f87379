package org.argmax.exercises;

import org.argmax.estimation.LabRuns;
import org.argmax.estimation.LabRuns.EmBug;
import org.argmax.estimation.LabRuns.KMeansBug;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The references of the implementation labs: a whole run of an algorithm (its trace after every
 * iteration and its final parameters, as one vector: {@link LabRuns.Run#flat}) from the starting
 * point under {@code given:}, and one misconception per teaching variant of the core
 * ({@link EmBug}, {@link KMeansBug}) whose value is the run with that bug switched on. A bug that
 * changes nothing on some data (no cluster ever empties) does not apply there (an empty value).
 */
final class LabReferences {
    /**
     * How a run is written down: the name of its trace ({@code loglik}), what it is, whether it may
     * never go down (+1) or never up (−1), the parameter rows, the number of components, whether a
     * buggy run may end with fewer, the start as the learner downloads it, and the run itself.
     */
    record Shape(String reference, String traceName, String traceLabel, int direction, List<String> rows, int components,
                 boolean clustersMayVanish, Function<ExerciseData, Map<String, double[]>> start,
                 BiFunction<ExerciseData, Enum<?>, LabRuns.Run> run) {
        int iterations(ExerciseData d) {
            return d.given().get("iterations").intValue();
        }
    }

    static final String EM = "mixture.em.run";
    static final String KMEANS = "kmeans.lloyd.run";
    static final List<String> EM_START = List.of("w1", "mu1", "mu2", "var1", "var2", "iterations");
    static final List<String> KMEANS_START = List.of("c1", "c2", "iterations");

    static final Map<String, Shape> SHAPES = Map.of(
            EM, new Shape(EM, "loglik", "log-likelihood ℓ", 1, List.of("weights", "means", "variances"), 2, false,
                    LabReferences::emStart, (d, bug) -> emRun(d, (EmBug) bug)),
            KMEANS, new Shape(KMEANS, "inertia", "inertia J", -1, List.of("centers"), 2, true,
                    d -> Map.of("centers", new double[]{d.given().get("c1"), d.given().get("c2")}), (d, bug) -> kMeansRun(d, (KMeansBug) bug)));

    private static final Map<EmBug, String> EM_MESSAGES = new LinkedHashMap<>();
    private static final Map<KMeansBug, String> KMEANS_MESSAGES = new LinkedHashMap<>();

    static {
        EM_MESSAGES.put(EmBug.UNNORMALIZED_RESPONSIBILITIES, "Your run is EM with responsibilities that are not normalized: divide "
                + "πₖN(xᵢ | μₖ, σ²ₖ) by its sum over both components, so that each point's two responsibilities add up to 1.");
        EM_MESSAGES.put(EmBug.OLD_WEIGHTS_IN_MEANS, "Your run is EM whose means divide by n times the weights from before the update: "
                + "μₖ = Σᵢ rᵢₖxᵢ / Nₖ with Nₖ = Σᵢ rᵢₖ of this iteration (update the weights first, or divide by Nₖ directly).");
        EM_MESSAGES.put(EmBug.SD_FOR_VARIANCE, "Your run is EM that keeps a standard deviation where the variance goes: "
                + "σ²ₖ = Σᵢ rᵢₖ(xᵢ − μₖ)² / Nₖ has no square root, and the density needs the variance.");
        EM_MESSAGES.put(EmBug.VARIANCE_AROUND_OLD_MEAN, "Your run is EM that takes the variances around the old means: "
                + "compute the new μₖ first, then σ²ₖ = Σᵢ rᵢₖ(xᵢ − μₖ)² / Nₖ around it.");
        EM_MESSAGES.put(EmBug.NO_LOG_SUM_EXP, "Your run has values that are not numbers (−∞ or NaN), like EM with densities computed as "
                + "plain numbers: far from both components they underflow to 0, so log 0 = −∞ and 0/0 = NaN. Work with log densities "
                + "and log-sum-exp: log Σₖ eᵃᵏ = m + log Σₖ e^(aₖ − m) with m = maxₖ aₖ.");
        EM_MESSAGES.put(EmBug.ONE_ITERATION_OFF, "Your trace is one iteration behind: it is ℓ written down before each update "
                + "(at the start, then after iterations 1, 2, …). Record ℓ after the M-step of each iteration.");
        KMEANS_MESSAGES.put(KMeansBug.STALE_ASSIGNMENT, "Your run is k-means that recomputes the centres from the previous "
                + "iteration's assignment: assign every point to its nearest centre, then average the points of that new assignment.");
        KMEANS_MESSAGES.put(KMeansBug.DISTANCE_NOT_SQUARED, "Your inertia adds distances, not squared distances: "
                + "J = Σᵢ (xᵢ − c of its cluster)².");
        KMEANS_MESSAGES.put(KMeansBug.ONE_ITERATION_OFF, "Your trace is one iteration behind: it is the inertia written down before "
                + "each update (at the starting centres, then after iterations 1, 2, …). Record J after the update.");
        KMEANS_MESSAGES.put(KMeansBug.EMPTY_CLUSTER_DROPPED, "Your run is k-means that drops a cluster when no point is nearest to "
                + "its centre. The lab's rule moves that centre to the point farthest from the centre it was assigned to, so both "
                + "clusters stay.");
    }

    private LabReferences() {
    }

    static void register(References.Builder r) {
        r.addVector(EM, "mixture", EM_START, d -> emRun(d, EmBug.NONE).flat());
        r.addVector(KMEANS, "mixture", KMEANS_START, d -> kMeansRun(d, KMeansBug.NONE).flat());
        // a component that dies out (its weight or variance near 0) makes the end of the run depend on rounding
        r.unsoundWhen(EM, d -> {
            double[][] p = emRun(d, EmBug.NONE).parameters();
            double spread = variance(d.values());
            for (int c = 0; c < 2; c++) {
                if (p[0][c] < 0.05) return "component " + (c + 1) + " ends with a weight below 0.05";
                if (p[2][c] < 1e-3 * spread) return "component " + (c + 1) + " collapses onto a few points";
            }
            return null;
        });
        // a tie in an assignment (or between two farthest points) leaves the run to the last bits of a mean
        r.unsoundWhen(KMEANS, d -> LabRuns.kMeansTie(d.values(), new double[]{d.given().get("c1"), d.given().get("c2")},
                d.given().get("iterations").intValue()));
    }

    static void register(Misconceptions.Builder b) {
        EM_MESSAGES.forEach((bug, message) -> b.add(name("em", bug), message, Map.of(EM, (ref, d) -> bugValue(d, EmBug.NONE, bug, SHAPES.get(EM)))));
        KMEANS_MESSAGES.forEach((bug, message) -> b.add(name("kmeans", bug), message,
                Map.of(KMEANS, (ref, d) -> bugValue(d, KMeansBug.NONE, bug, SHAPES.get(KMEANS)))));
    }

    /** em-unnormalized-responsibilities, kmeans-empty-cluster-dropped… */
    static String name(String algorithm, Enum<?> bug) {
        return algorithm + "-" + bug.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The run with the bug on, or nothing when it is the very same run (the bug never fires on this data). */
    private static double[] bugValue(ExerciseData d, Enum<?> none, Enum<?> bug, Shape shape) {
        double[] right = shape.run().apply(d, none).flat(), wrong = shape.run().apply(d, bug).flat();
        return Arrays.equals(right, wrong) ? new double[0] : wrong;
    }

    static LabRuns.Run emRun(ExerciseData d, EmBug bug) {
        Map<String, double[]> s = emStart(d);
        return LabRuns.em(d.values(), s.get("weights"), s.get("means"), s.get("variances"), d.given().get("iterations").intValue(), bug);
    }

    static LabRuns.Run kMeansRun(ExerciseData d, KMeansBug bug) {
        return LabRuns.kMeans(d.values(), new double[]{d.given().get("c1"), d.given().get("c2")}, d.given().get("iterations").intValue(), bug);
    }

    private static Map<String, double[]> emStart(ExerciseData d) {
        double w1 = d.given().get("w1");
        Map<String, double[]> start = new LinkedHashMap<>();
        start.put("weights", new double[]{w1, 1 - w1});
        start.put("means", new double[]{d.given().get("mu1"), d.given().get("mu2")});
        start.put("variances", new double[]{d.given().get("var1"), d.given().get("var2")});
        return start;
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0), s = 0;
        for (double v : x) s += (v - mean) * (v - mean);
        return s / x.length;
    }
}
