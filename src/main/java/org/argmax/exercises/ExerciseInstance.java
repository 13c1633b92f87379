package org.argmax.exercises;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One learner's copy of an exercise: the data generated from their seed, the variables formulas
 * may use (n, k, sum_x, xbar, the given quantities…), and per answer the reference and every
 * switched-on misconception's value, all computed by the estimation core on that same data.
 */
public record ExerciseInstance(ExerciseSpec spec, long seed, ExerciseData data, Map<String, Double> variables,
                               Map<String, double[]> references, Map<String, List<MisconceptionValue>> misconceptions,
                               Map<String, ToDoubleFunction<Double>> likelihoodGaps) {
    public ExerciseInstance {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        references = Map.copyOf(references);
        misconceptions = Map.copyOf(misconceptions);
        likelihoodGaps = Map.copyOf(likelihoodGaps);
    }

    /** A named misconception, the wrong value it predicts on this data, and what to tell the learner. */
    public record MisconceptionValue(String name, double[] value, String message) {
    }
}
