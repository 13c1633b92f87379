package org.argmax.exercises;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The built-in library of named mistakes an author switches on per answer. Each one computes, with
 * the estimation core on the same data, the value a learner who makes that mistake would get, so a
 * matching wrong answer gets its own explanation.
 */
public final class Misconceptions {
    /** A misconception: the references it applies to, its message, and the wrong value it predicts. */
    record Misconception(String name, String message, Map<String, BiFunction<String, ExerciseData, double[]>> byReference) {
    }

    static final Map<String, Misconception> ALL;
    public static final List<String> NAMES;

    static {
        Builder b = new Builder();
        CoreMisconceptions.register(b);
        LabReferences.register(b);
        ALL = Collections.unmodifiableMap(b.all);
        NAMES = List.copyOf(ALL.keySet());
    }

    private Misconceptions() {
    }

    /** Collects the misconceptions while {@link CoreMisconceptions} registers them; the library never changes afterwards. */
    static final class Builder {
        private final Map<String, Misconception> all = new LinkedHashMap<>();

        void add(String name, String message, Map<String, BiFunction<String, ExerciseData, double[]>> byReference) {
            if (all.put(name, new Misconception(name, message, Map.copyOf(byReference))) != null) {
                throw new IllegalArgumentException("two misconceptions named " + name);
            }
        }
    }

    public static boolean appliesTo(String misconception, String reference) {
        return ALL.get(misconception).byReference().containsKey(reference);
    }

    public static String message(String misconception) {
        return ALL.get(misconception).message();
    }

    public static double[] value(String misconception, String reference, ExerciseData data) {
        return ALL.get(misconception).byReference().get(reference).apply(reference, data);
    }

    /** The misconceptions that apply to a reference, for the preview page and the README. */
    public static List<String> applicableTo(String reference) {
        return ALL.values().stream().filter(m -> m.byReference().containsKey(reference)).map(Misconception::name).toList();
    }
}
