package org.argmax.exercises;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One learner's copy of an exercise: the data generated from their seed, the variables formulas
 * may use (n, k, sum_x, xbar, the given quantities…), and per answer the reference, every
 * switched-on misconception's value and every author mistake's value, all computed on that same
 * data. {@code draws} counts the data sets drawn from the seed before this gradeable one
 * (0 for nearly every seed; see {@link InstanceFactory}).
 */
public record ExerciseInstance(ExerciseSpec spec, long seed, ExerciseData data, Map<String, Double> variables,
                               Map<String, double[]> references, Map<String, List<MisconceptionValue>> misconceptions,
                               Map<String, List<MisconceptionValue>> mistakes,
                               Map<String, ToDoubleFunction<Double>> likelihoodGaps, int draws) {
    public ExerciseInstance {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        references = copyOf(references);
        misconceptions = Map.copyOf(misconceptions);
        mistakes = Map.copyOf(mistakes);
        likelihoodGaps = Map.copyOf(likelihoodGaps);
    }

    /** The learner's reference values, copied in and out: nothing outside can change what is graded. */
    @Override
    public Map<String, double[]> references() {
        return copyOf(references);
    }

    private static Map<String, double[]> copyOf(Map<String, double[]> m) {
        Map<String, double[]> copy = new java.util.HashMap<>();
        m.forEach((k, v) -> copy.put(k, v.clone()));
        return Map.copyOf(copy);
    }

    /**
     * A named mistake (a built-in misconception or the author's own), the wrong value it predicts on
     * this data, and what to tell the learner. An empty value means it does not apply to this data.
     */
    public record MisconceptionValue(String name, double[] value, String message) {
        public MisconceptionValue {
            value = value.clone();
        }

        @Override
        public double[] value() {
            return value.clone();
        }
    }
}
