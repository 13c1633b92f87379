package org.argmax.exercises;

import org.argmax.testing.Registries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Learners' data is regenerated from seeds, so it must be identical in every JVM and after every
 * upgrade. These values were recorded once; a change in the seed derivation, the generators or the
 * order in which an exercise's values are drawn breaks this test.
 */
class PinnedExerciseDataTest {
    @Test
    void theSameSeedGivesTheSameDataForever() {
        assertEquals(-8894003673482767497L, InstanceFactory.seedFor(42, "coin-mle", 0));
        ExerciseSpec spec = Registries.course(Path.of("content")).exercises().get("em-loglik");
        ExerciseInstance instance = Registries.instanceFactory().create(spec, 1);
        assertEquals(Map.of("w1", 0.581, "mu1", -2.0, "mu2", 1.0, "sd1", 1.891, "sd2", 2.197), instance.data().given());
        assertArrayEquals(new double[]{1.36, 5.67, 3.41, 1.69, 3.35}, instance.data().values());

        ExerciseSpec line = Registries.course(Path.of("content")).exercises().get("ols-line");
        ExerciseData regression = Registries.instanceFactory().create(line, 1).data();
        assertArrayEquals(new double[]{6.97, 3.81}, new double[]{regression.x()[0][0], regression.x()[1][0]});
        assertArrayEquals(new double[]{20.39, 11.93}, new double[]{regression.y()[0], regression.y()[1]});

        // the logistic and 2-D normal families (recorded when they were added)
        ExerciseData logistic = Registries.instanceFactory().create(Registries.course(Path.of("content")).exercises().get("logistic-gradient"), 1).data();
        assertArrayEquals(new double[]{-2.14, -0.71, 0, 1}, new double[]{logistic.x()[0][0], logistic.x()[1][0], logistic.y()[0], logistic.y()[3]});
        assertEquals(Map.of("b0", 0.5, "b1", 1.5), logistic.given());
        ExerciseData pairs = Registries.instanceFactory().create(Registries.course(Path.of("content")).exercises().get("bivariate-normal"), 1).data();
        assertArrayEquals(new double[]{14.3, 38.23, 20.55, 34.3}, new double[]{pairs.x()[0][0], pairs.y()[0], pairs.x()[1][0], pairs.y()[1]});
    }
}
