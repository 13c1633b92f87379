package org.argmax.exercises;

import org.argmax.estimation.Rng;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Builds an {@link ExerciseInstance} from a seed: the core generates the data, computes each
 * reference and each switched-on misconception. The same code serves learners, the instructor
 * preview and {@code check}, so what is checked is what learners get.
 */
public final class InstanceFactory {
    private final References references;
    private final Misconceptions misconceptions;

    public InstanceFactory(References references, Misconceptions misconceptions) {
        this.references = references;
        this.misconceptions = misconceptions;
    }

    /** seed(learner, exercise, variant): the learner never chooses it, and it is stable across upgrades. */
    public static long seedFor(long userId, String exerciseId, int variant) {
        return Rng.deriveSeed(userId, fnv1a(exerciseId), variant);
    }

    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** How many data sets are tried per seed before the exercise itself is declared ungradeable. */
    public static final int MAX_DRAWS = 64;
    private static final long REDRAW = 0x52454452415731L;

    /**
     * The learner's instance for {@code seed}. Data on which grading would be unsound (see
     * {@link Gradeability}) is rejected and drawn again from a seed derived from this one, so the
     * same learner always gets the same data, and data that was sound is kept as it is.
     */
    public ExerciseInstance create(ExerciseSpec spec, long seed) {
        String why = null;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            long dataSeed = draw == 0 ? seed : Rng.deriveSeed(seed, REDRAW, draw);
            ExerciseInstance candidate;
            try {
                candidate = build(spec, seed, dataSeed, draw);
            } catch (RuntimeException e) {
                why = "the data or a reference cannot be computed (" + e.getMessage() + ")";
                continue;
            }
            why = Gradeability.problem(candidate, references);
            if (why == null) return candidate;
        }
        throw new UngradeableException("no gradeable data in " + MAX_DRAWS + " draws from seed " + seed + "; the last one failed because " + why);
    }

    private ExerciseInstance build(ExerciseSpec spec, long seed, long dataSeed, int draw) {
        return assemble(spec, seed, DataGenerator.generate(spec, dataSeed), draw, Map.of());
    }

    /**
     * The same instance (same data) with the quantities that answers take from earlier answers
     * ({@code uses:}) set to the learner's values in {@code carried} (quantity → value): what the
     * later answers are graded against when the earlier ones were wrong (see {@link CarriedForward}).
     */
    ExerciseInstance carried(ExerciseInstance instance, Map<String, Double> carried) {
        return assemble(instance.spec(), instance.seed(), instance.data(), instance.draws(), carried);
    }

    private ExerciseInstance assemble(ExerciseSpec spec, long seed, ExerciseData generated, int draw, Map<String, Double> carried) {
        ExerciseData data = generated;
        Map<String, Double> variables = DataVariables.values(data);
        Map<String, double[]> referenceValues = new HashMap<>();
        Map<String, List<MisconceptionValue>> misconceptionValues = new HashMap<>();
        Map<String, List<MisconceptionValue>> mistakes = new HashMap<>();
        Map<String, ToDoubleFunction<Double>> gaps = new HashMap<>();
        for (AnswerSpec a : spec.answers()) {
            if (a.reference() == null) continue;
            if (!a.uses().isEmpty()) {
                // the earlier answers' values become quantities of the data, as if they were given
                Map<String, Double> given = new LinkedHashMap<>(data.given());
                a.uses().forEach((quantity, from) -> given.put(quantity, carried.containsKey(quantity) ? carried.get(quantity) : referenceValues.get(from)[0]));
                data = new ExerciseData(data.family(), data.values(), data.isRegression() ? data.x() : null, data.y(), given);
                variables.putAll(given);
            }
            ExerciseData on = data;
            referenceValues.put(a.name(), references.compute(a.reference(), on));
            List<MisconceptionValue> values = new ArrayList<>();
            for (String m : a.misconceptions()) {
                values.add(new MisconceptionValue(m, misconceptions.value(m, a.reference(), on), misconceptions.message(m)));
            }
            misconceptionValues.put(a.name(), values);
            List<MisconceptionValue> own = new ArrayList<>();
            for (ExerciseSpec.Mistake m : a.mistakes()) {
                double v = Formulas.evaluate(Formulas.parse(m.formula(), variables.keySet()), variables);
                // a formula that is undefined on this data (a log of 0, say) names no mistake here
                own.add(new MisconceptionValue(m.name(), Double.isFinite(v) ? new double[]{v} : new double[0], m.message()));
            }
            mistakes.put(a.name(), own);
            if (a.grading() == ExerciseSpec.Grading.LIKELIHOOD) {
                String ref = a.reference();
                gaps.put(a.name(), v -> references.likelihoodGap(ref, on, v));
            }
        }
        return new ExerciseInstance(spec, seed, data, variables, referenceValues, misconceptionValues, mistakes, gaps, draw);
    }
}
