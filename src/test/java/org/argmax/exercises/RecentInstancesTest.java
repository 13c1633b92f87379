package org.argmax.exercises;

import org.argmax.testing.Registries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The kept instances are the ones the factory builds, per spec object and seed, and only so many are kept. */
class RecentInstancesTest {
    private static final Map<String, ExerciseSpec> SHIPPED = Registries.course(Path.of("content")).exercises();

    @Test
    void aKeptInstanceIsTheOneTheFactoryBuildsForThatSpecAndSeed() {
        InstanceFactory factory = Registries.instanceFactory();
        RecentInstances recent = new RecentInstances(factory, 2);
        ExerciseSpec coin = SHIPPED.get("coin-mle");
        ExerciseInstance first = recent.get(coin, 7);
        assertSame(first, recent.get(coin, 7), "the second attempt on the same data reuses the instance");
        ExerciseInstance fresh = factory.create(coin, 7);
        assertEquals(fresh.data().csv(), first.data().csv());
        for (String name : fresh.references().keySet()) assertArrayEquals(fresh.references().get(name), first.references().get(name), name);

        assertNotSame(first, recent.get(coin, 8), "another seed is another instance");
        recent.get(coin, 9); // a third entry: the least recently used (seed 7) goes
        assertNotSame(first, recent.get(coin, 7), "only two are kept");
    }

    @Test
    void aReloadedSpecIsNotServedTheOldSpecsInstance() {
        InstanceFactory factory = Registries.instanceFactory();
        RecentInstances recent = new RecentInstances(factory, 16);
        ExerciseSpec coin = SHIPPED.get("coin-mle");
        ExerciseSpec reloaded = Registries.course(Path.of("content")).exercises().get("coin-mle");
        assertEquals(coin, reloaded, "the same file gives an equal spec");
        assertNotSame(recent.get(coin, 7), recent.get(reloaded, 7), "kept per spec object: an edited exercise never gets the old data");
    }
}
