package org.argmax.exercises;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The values the core predicts for named mistakes, on small data sets worked out by hand (the k-means
 * numbers are the worked example of the k-means lesson), so a wrong formula in a misconception
 * cannot hide behind the check's "no collision" test.
 */
class MisconceptionValuesTest {
    private static final References REFERENCES = References.standard();
    private static final Misconceptions MISCONCEPTIONS = Misconceptions.standard(REFERENCES);
    private static final double EPS = 1e-12;

    private static ExerciseData sample(String family, double[] values, Map<String, Double> given) {
        return new ExerciseData(family, values, null, null, given);
    }

    @Test
    void smoothedCountsAddOneToEveryClass() {
        ExerciseData counts = sample("categorical", new double[]{3, 0, 5, 2}, Map.of());
        assertArrayEquals(new double[]{0.3, 0, 0.5, 0.2}, REFERENCES.compute("categorical.mle.probabilities", counts), EPS);
        assertArrayEquals(new double[]{4 / 14.0, 1 / 14.0, 6 / 14.0, 3 / 14.0},
                MISCONCEPTIONS.value("smoothed-counts", "categorical.mle.probabilities", counts), EPS);
    }

    @Test
    void inertiaAndItsTwoMistakesOnTheLessonExample() {
        ExerciseData points = sample("mixture", new double[]{-1.0, 0.5, 2.0, 3.5, 4.0}, Map.of("c1", 0.0, "c2", 3.0));
        // squared distances to the nearer centre: 1 + 0.25 + 1 + 0.25 + 1
        assertEquals(3.5, REFERENCES.compute("kmeans.inertia", points)[0], EPS);
        assertEquals(4.0, MISCONCEPTIONS.value("distance-not-squared", "kmeans.inertia", points)[0], EPS);
        assertEquals(0.7, MISCONCEPTIONS.value("mean-for-sum", "kmeans.inertia", points)[0], EPS);
    }

    @Test
    void softAssignmentsWeightEveryPointByAUnitVarianceResponsibility() {
        double[] x = {-1.0, 0.5, 2.0, 3.5, 4.0};
        ExerciseData points = sample("mixture", x, Map.of("c1", 0.0, "c2", 3.0));
        assertArrayEquals(new double[]{-0.25, 9.5 / 3}, REFERENCES.compute("kmeans.step.centers", points), EPS);

        double s1 = 0, w1 = 0, s2 = 0, w2 = 0;
        for (double v : x) {
            // equal weights and variances: r₂ = 1 / (1 + exp(((x − 3)² − x²) / 2))
            double r2 = 1 / (1 + Math.exp(((v - 3) * (v - 3) - v * v) / 2));
            s1 += (1 - r2) * v;
            w1 += 1 - r2;
            s2 += r2 * v;
            w2 += r2;
        }
        assertArrayEquals(new double[]{s1 / w1, s2 / w2}, MISCONCEPTIONS.value("soft-assignments", "kmeans.step.centers", points), 1e-12);
    }

    @Test
    void hardAssignmentsFollowTheResponsibilitiesNotTheDistances() {
        // π₁ = 0.8 moves the boundary from 0 to x = log(4)/2 ≈ 0.693, so 0.4 stays with component 1
        ExerciseData points = sample("mixture", new double[]{-2, -1, 0.4, 1, 3},
                Map.of("w1", 0.8, "mu1", -1.0, "mu2", 1.0, "sd1", 1.0, "sd2", 1.0));
        assertArrayEquals(new double[]{(-2 - 1 + 0.4) / 3, 2.0},
                MISCONCEPTIONS.value("hard-assignments", "mixture.mstep.means", points), 1e-12);
    }

    @Test
    void lassoSlopeIsTheSoftThresholdedLeastSquaresSlope() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}};
        double[] y = {1, 3, 2, 5, 6};
        // Sxx = 10, Sxy = 12: OLS 1.2, lasso (12 − λ) / 10 while λ < 12, then exactly 0
        ExerciseData mild = new ExerciseData("regression", null, x, y, Map.of("lambda", 2.0));
        assertEquals(1.0, REFERENCES.compute("regression.lasso.slope", mild)[0], 1e-9);
        assertEquals(1.2, MISCONCEPTIONS.value("map-without-prior", "regression.lasso.slope", mild)[0], 1e-9);
        ExerciseData strong = new ExerciseData("regression", null, x, y, Map.of("lambda", 15.0));
        assertEquals(0.0, REFERENCES.compute("regression.lasso.slope", strong)[0], 0.0);
    }
}
