package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Range;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reference declares the domain of its answers, and the right answer always lies in it: on the
 * shipped course (seeds 1..200, as learners get them) and for every registered reference on data of
 * its family, so a right answer is never refused as invalid.
 */
class ReferenceDomainsTest {
    private static final References REFERENCES = References.standard();
    private static final int SEEDS = 200;

    @Test
    void everyRegisteredReferenceHasADomainAndNoDomainIsLeftOver() {
        List<String> missing = REFERENCES.names().stream().filter(n -> !REFERENCES.declaresDomain(n)).toList();
        assertEquals(List.of(), missing, "references without an answer domain: declare them in ReferenceDomains");
        List<String> stale = REFERENCES.domainNames().stream().filter(n -> !REFERENCES.names().contains(n)).toList();
        assertEquals(List.of(), stale, "domains declared for references that do not exist");
        assertEquals(AnswerDomain.Kind.PROBABILITY, REFERENCES.domain("bernoulli.mle.p").kind());
        assertEquals(AnswerDomain.Kind.NON_NEGATIVE, REFERENCES.domain("normal.mle.variance").kind());
        assertEquals(AnswerDomain.Kind.SIMPLEX, REFERENCES.domain("categorical.mle.probabilities").kind());
        assertEquals(AnswerDomain.Kind.NON_POSITIVE, REFERENCES.domain("bernoulli.loglik").kind(), "discrete data: logs of probabilities");
        assertEquals(AnswerDomain.Kind.REAL, REFERENCES.domain("normal.loglik").kind(), "densities can exceed 1");
    }

    @Test
    void onlyVectorsAreSimplices() {
        for (String name : REFERENCES.names()) {
            if (REFERENCES.domain(name).kind() == AnswerDomain.Kind.SIMPLEX) assertTrue(REFERENCES.isVector(name), name);
        }
    }

    @Test
    void theShippedCoursesReferencesLieInTheirDomains() {
        Map<String, ExerciseSpec> exercises = Registries.course(Path.of("content")).exercises();
        InstanceFactory factory = Registries.instanceFactory();
        int checked = 0;
        for (ExerciseSpec spec : exercises.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                ExerciseInstance instance = factory.create(spec, seed);
                for (AnswerSpec a : spec.answers()) {
                    if (a.reference() == null) continue;
                    double[] value = instance.references().get(a.name());
                    assertNull(REFERENCES.domain(a.reference()).problem(value, a.tolerance()),
                            spec.id() + " / " + a.name() + " (" + a.reference() + "), seed " + seed + ": " + DataPreview.format(value));
                    checked++;
                }
            }
        }
        assertTrue(checked > 20 * SEEDS, "the course has references to check: " + checked);
    }

    /** Data parameters for each family, and given quantities for every name a reference needs. */
    private static final Map<String, Map<String, Range>> FAMILY_PARAMETERS = Map.ofEntries(
            Map.entry("bernoulli", Map.of("p", range(0.05, 0.95))),
            Map.entry("binomial", Map.of("p", range(0.05, 0.95), "trials", new Range(5, 20, true, List.of()))),
            Map.entry("categorical", Map.of("classes", new Range(2, 6, true, List.of()))),
            Map.entry("poisson", Map.of("lambda", range(0.3, 8))),
            Map.entry("geometric", Map.of("p", range(0.1, 0.9))),
            Map.entry("exponential", Map.of("rate", range(0.2, 5))),
            Map.entry("normal", Map.of("mean", range(-5, 5), "sd", range(0.1, 4))),
            Map.entry("uniform", Map.of("a", range(-3, 0), "b", range(0.5, 4))),
            Map.entry("laplace", Map.of("location", range(-2, 2), "scale", range(0.3, 2))),
            Map.entry("gamma", Map.of("shape", range(0.8, 5), "rate", range(0.5, 3))),
            Map.entry("beta", Map.of("alpha", range(0.8, 5), "beta", range(0.8, 5))),
            Map.entry("mixture", Map.of("w1", range(0.2, 0.8), "mu1", range(-4, -1), "mu2", range(1, 4), "sd1", range(0.5, 2), "sd2", range(0.5, 2))),
            Map.entry("regression", Map.of("intercept", range(-3, 3), "slope", range(-2, 2), "noise_sd", range(0.3, 3),
                    "x_min", Range.fixed(0), "x_max", Range.fixed(10))),
            Map.entry("regression2", Map.of("intercept", range(-3, 3), "slope1", range(-2, 2), "slope2", range(-2, 2), "noise_sd", range(0.3, 3),
                    "x_min", Range.fixed(0), "x_max", Range.fixed(10))),
            Map.entry("logistic", Map.of("intercept", range(-1, 1), "slope", range(0.5, 2), "x_min", Range.fixed(-3), "x_max", Range.fixed(3))),
            Map.entry("normal2", Map.of("mean1", range(-5, 5), "mean2", range(-5, 5), "sd1", range(0.3, 3), "sd2", range(0.3, 3), "rho", range(-0.9, 0.9))),
            Map.entry("censored", Map.of("rate", range(0.2, 2), "c", Range.of("c"))));
    private static final Map<String, Range> GIVEN = Map.ofEntries(
            Map.entry("p", range(0.05, 0.95)), Map.entry("lambda", range(0.2, 10)), Map.entry("rate", range(0.2, 4)),
            Map.entry("mean", range(-3, 3)), Map.entry("variance", range(0.2, 6)),
            Map.entry("alpha", range(1, 6)), Map.entry("beta", range(1, 6)), Map.entry("shape", range(0.5, 6)),
            Map.entry("prior_mean", range(-3, 3)), Map.entry("prior_variance", range(0.2, 6)), Map.entry("known_variance", range(0.2, 6)),
            Map.entry("w1", range(0.1, 0.9)), Map.entry("mu1", range(-4, 0)), Map.entry("mu2", range(0, 4)),
            Map.entry("sd1", range(0.5, 3)), Map.entry("sd2", range(0.5, 3)), Map.entry("c1", range(-3, 0)), Map.entry("c2", range(0.5, 4)),
            Map.entry("c", range(1, 4)), Map.entry("rate0", range(0.2, 3)),
            Map.entry("b0", range(-2, 2)), Map.entry("b1", range(-2, 2)),
            Map.entry("var1", range(0.5, 4)), Map.entry("var2", range(0.5, 4)), Map.entry("iterations", Range.fixed(20)));

    private static Range range(double from, double to) {
        return new Range(from, to, false, List.of());
    }

    @Test
    void everyReferenceLiesInItsDomainOnDataOfItsFamily() {
        InstanceFactory factory = Registries.instanceFactory();
        List<String> outside = new ArrayList<>();
        for (String name : REFERENCES.names()) {
            String family = REFERENCES.family(name);
            Map<String, Range> given = new LinkedHashMap<>();
            for (String needed : REFERENCES.needs(name)) {
                assertTrue(GIVEN.containsKey(needed), name + " needs '" + needed + "': add a range to this test");
                given.put(needed, GIVEN.get(needed));
            }
            AnswerType type = REFERENCES.isInterval(name) ? AnswerType.INTERVAL : REFERENCES.isVector(name) ? AnswerType.VECTOR : AnswerType.NUMBER;
            AnswerSpec answer = new AnswerSpec("x", "x", type, name, Tolerance.DEFAULT, ExerciseSpec.Grading.VALUE, 0.01, List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, ExerciseSpec.Input.TEXT, 1);
            ExerciseSpec spec = new ExerciseSpec("domain-" + name, name, "", new ExerciseSpec.DataSpec(family, new Range(5, 40, true, List.of()),
                    FAMILY_PARAMETERS.get(family), "values"), given, List.of(answer), 0, 0, true, true, Path.of("test.yml"), 1);
            for (long seed = 1; seed <= SEEDS; seed++) {
                double[] value = factory.create(spec, seed).references().get("x");
                String problem = REFERENCES.domain(name).problem(value, Tolerance.DEFAULT);
                if (problem != null) {
                    outside.add(name + ", seed " + seed + ": " + problem);
                    break;
                }
            }
        }
        assertEquals(List.of(), outside);
    }

    @Test
    void domainMessagesNameTheQuantityAndTheValue() {
        assertEquals("A probability lies between 0 and 1; you gave -0.5.", REFERENCES.domain("bernoulli.map.p").problem(new double[]{-0.5}, Tolerance.DEFAULT));
        assertEquals("A rate is above 0; you gave 0.", REFERENCES.domain("exponential.mle.rate").problem(new double[]{0}, Tolerance.DEFAULT));
        assertEquals("A coefficient is a finite number; number 2 is NaN.",
                REFERENCES.domain("regression.ols.coefficients").problem(new double[]{1, Double.NaN}, Tolerance.DEFAULT));
        assertNull(REFERENCES.domain("normal.mle.mean").problem(new double[]{-1e9}, Tolerance.DEFAULT));
        // a simplex may miss 1 by what rounding each component within the tolerance allows
        Tolerance loose = new Tolerance(Tolerance.Kind.ABSOLUTE, 0.01);
        AnswerDomain simplex = REFERENCES.domain("categorical.mle.probabilities");
        assertNull(simplex.problem(new double[]{0.34, 0.34, 0.34}, loose));
        assertFalse(simplex.problem(new double[]{0.34, 0.34, 0.34}, Tolerance.DEFAULT) == null);
        assertNull(simplex.problem(new double[]{0.3333, 0.3333, 0.3333}, new Tolerance(Tolerance.Kind.DIGITS, 4)));
    }
}
