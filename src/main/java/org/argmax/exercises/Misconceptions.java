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

    private final Map<String, Misconception> all;
    private final List<String> names;

    private Misconceptions(Builder b) {
        all = Collections.unmodifiableMap(new LinkedHashMap<>(b.all));
        names = List.copyOf(all.keySet());
    }

    /** The built-in library ({@link CoreMisconceptions}), some of which compute a reference: built once at start and passed in. */
    public static Misconceptions standard(References references) {
        Builder b = new Builder();
        CoreMisconceptions.register(b, references);
        LabReferences.register(b);
        return new Misconceptions(b);
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

    public List<String> names() {
        return names;
    }

    public boolean contains(String misconception) {
        return all.containsKey(misconception);
    }

    public boolean appliesTo(String misconception, String reference) {
        return all.get(misconception).byReference().containsKey(reference);
    }

    public String message(String misconception) {
        return all.get(misconception).message();
    }

    public double[] value(String misconception, String reference, ExerciseData data) {
        return all.get(misconception).byReference().get(reference).apply(reference, data);
    }

    /** The misconceptions that apply to a reference, for the preview page and the README. */
    public List<String> applicableTo(String reference) {
        return all.values().stream().filter(m -> m.byReference().containsKey(reference)).map(Misconception::name).toList();
    }
}
