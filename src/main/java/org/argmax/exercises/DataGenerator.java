package org.argmax.exercises;

import org.argmax.estimation.Rng;
import org.argmax.exercises.ExerciseSpec.Range;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a learner's data from the exercise's {@code data:} section and a seed, with the core's
 * versioned generators ({@link CoreData}). Drawn parameters (the true p, μ…) are never shown; the
 * given quantities are. Continuous values are rounded to two decimals so learners can retype them,
 * and every reference is computed on the rounded numbers they see.
 */
public final class DataGenerator {
    /**
     * Families of the core, plus {@code mixture} (two 1-D Gaussians), {@code regression} (y = a + b·x + noise),
     * {@code regression2} (two features, y = a + b₁x₁ + b₂x₂ + noise), {@code logistic} (0/1 labels,
     * P(y = 1 | x) = σ(a + b·x)), {@code normal2} (pairs (x, y) from a bivariate normal) and {@code censored}
     * (exponential lifetimes watched up to a time c: a value equal to c was still running).
     */
    public static final Set<String> FAMILIES = Set.of("bernoulli", "binomial", "categorical", "poisson", "geometric",
            "exponential", "normal", "uniform", "laplace", "gamma", "beta", "mixture", "regression", "regression2", "logistic", "normal2",
            "censored");

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("bernoulli", List.of("p")),
            Map.entry("binomial", List.of("p", "trials")),
            Map.entry("categorical", List.of("classes")),
            Map.entry("poisson", List.of("lambda")),
            Map.entry("geometric", List.of("p")),
            Map.entry("exponential", List.of("rate")),
            Map.entry("normal", List.of("mean", "sd")),
            Map.entry("uniform", List.of("a", "b")),
            Map.entry("laplace", List.of("location", "scale")),
            Map.entry("gamma", List.of("shape", "rate")),
            Map.entry("beta", List.of("alpha", "beta")),
            Map.entry("mixture", List.of("w1", "mu1", "mu2", "sd1", "sd2")),
            Map.entry("regression", List.of("intercept", "slope", "noise_sd", "x_min", "x_max")),
            Map.entry("regression2", List.of("intercept", "slope1", "slope2", "noise_sd", "x_min", "x_max")),
            Map.entry("logistic", List.of("intercept", "slope", "x_min", "x_max")),
            Map.entry("normal2", List.of("mean1", "mean2", "sd1", "sd2", "rho")),
            Map.entry("censored", List.of("rate", "c")));

    private DataGenerator() {
    }

    public static List<String> requiredParameters(String family) {
        return REQUIRED.getOrDefault(family, List.of());
    }

    public static ExerciseData generate(ExerciseSpec spec, long seed) {
        Rng rng = new Rng(seed);
        Map<String, Double> given = new LinkedHashMap<>();
        for (var e : spec.given().entrySet()) given.put(e.getKey(), draw(e.getValue(), rng));
        ExerciseSpec.DataSpec d = spec.data();
        if (d == null) return new ExerciseData("none", new double[0], null, null, given); // a question without data
        int n = (int) Math.round(draw(d.n(), rng));
        Map<String, Double> truth = new LinkedHashMap<>();
        for (var e : d.parameters().entrySet()) {
            Range r = e.getValue();
            truth.put(e.getKey(), r.formula() != null ? Formulas.evaluate(Formulas.parse(r.formula(), given.keySet()), given) : draw(r, rng));
        }
        return CoreData.generate(d.family(), truth, n, given, rng);
    }

    static double draw(Range r, Rng rng) {
        if (!r.choices().isEmpty()) return r.choices().get(rng.nextInt(r.choices().size()));
        if (r.isFixed()) return r.from();
        if (r.integer()) return r.from() + rng.nextInt((int) (r.to() - r.from()) + 1);
        return Math.round(rng.uniform(r.from(), r.to()) * 1000) / 1000.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
