package org.argmax.exercises;

import org.argmax.estimation.Rng;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Builds an {@link ExerciseInstance} from a seed: the core generates the data, computes each
 * reference and each switched-on misconception. The same code serves learners, the instructor
 * preview and {@code check}, so what is checked is what learners get.
 */
public final class InstanceFactory {

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

    public ExerciseInstance create(ExerciseSpec spec, long seed) {
        ExerciseData data = DataGenerator.generate(spec, seed);
        Map<String, Double> variables = DataVariables.values(data);
        Map<String, double[]> references = new HashMap<>();
        Map<String, List<MisconceptionValue>> misconceptions = new HashMap<>();
        Map<String, ToDoubleFunction<Double>> gaps = new HashMap<>();
        for (AnswerSpec a : spec.answers()) {
            if (a.reference() == null) continue;
            references.put(a.name(), References.compute(a.reference(), data));
            List<MisconceptionValue> values = new ArrayList<>();
            for (String m : a.misconceptions()) {
                values.add(new MisconceptionValue(m, Misconceptions.value(m, a.reference(), data), Misconceptions.message(m)));
            }
            misconceptions.put(a.name(), values);
            if (a.grading().startsWith("likelihood")) {
                String ref = a.reference();
                gaps.put(a.name(), v -> References.likelihoodGap(ref, data, v));
            }
        }
        return new ExerciseInstance(spec, seed, data, variables, references, misconceptions, gaps);
    }
}
