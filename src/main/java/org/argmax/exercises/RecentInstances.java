package org.argmax.exercises;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learners' instances built last, kept so that the next attempt on the same data (the usual
 * case: a learner tries again, the page is shown again) does not generate the data and compute every
 * reference and named mistake again. An instance is immutable and a function of the exercise's spec
 * and the seed alone, so a kept one is the one {@link InstanceFactory#create} would build. Keyed by
 * the spec object itself: a reloaded course brings new specs, and the old ones' entries age out.
 * Bounded ({@code capacity} entries, least recently used first out).
 */
final class RecentInstances {
    private record Key(ExerciseSpec spec, long seed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.spec == spec && k.seed == seed; // identity: a record's equals would compare the whole spec
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(spec) * 31 + Long.hashCode(seed);
        }
    }

    private final InstanceFactory factory;
    private final Map<Key, ExerciseInstance> kept;

    RecentInstances(InstanceFactory factory, int capacity) {
        this.factory = factory;
        this.kept = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ExerciseInstance> eldest) {
                return size() > capacity;
            }
        };
    }

    ExerciseInstance get(ExerciseSpec spec, long seed) {
        Key key = new Key(spec, seed);
        synchronized (kept) {
            ExerciseInstance instance = kept.get(key);
            if (instance != null) return instance;
        }
        ExerciseInstance built = factory.create(spec, seed); // outside the lock: building takes a while, two threads may both build
        synchronized (kept) {
            kept.put(key, built);
        }
        return built;
    }
}
