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

    @Test
    void theLogisticGradientAndItsSlipsOnTheLessonExample() {
        // content/lessons/cross-entropy.md: η = −1, 0, 1, 2.5 at b₀ = 0.5, b₁ = 1; ∇ℓ ≈ (−0.4241, −0.0604)
        double[][] x = {{-1.5}, {-0.5}, {0.5}, {2}};
        double[] y = {0, 1, 0, 1};
        ExerciseData d = new ExerciseData("logistic", null, x, y, Map.of("b0", 0.5, "b1", 1.0));
        double[] g = REFERENCES.compute("logistic.gradient.at", d);
        assertArrayEquals(new double[]{-0.4241, -0.0604}, g, 5e-5);
        String ref = "logistic.gradient.at";
        assertArrayEquals(new double[]{-g[0], -g[1]}, MISCONCEPTIONS.value("cross-entropy-gradient", ref, d), EPS);
        assertArrayEquals(new double[]{g[0] / 4, g[1] / 4}, MISCONCEPTIONS.value("averaged-gradient", ref, d), EPS);
        assertArrayEquals(new double[]{g[0], g[0]}, MISCONCEPTIONS.value("residual-not-times-x", ref, d), EPS);
        // η itself as the prediction: residuals 1, 1, −1, −1.5
        assertArrayEquals(new double[]{-0.5, 1 * -1.5 + 1 * -0.5 - 0.5 - 3}, MISCONCEPTIONS.value("forgot-sigmoid", ref, d), EPS);
        // the ±1 form with 0/1 labels: only the rows with y = 1 count, each with 1 − qᵢ
        double q2 = 0.5, q4 = 1 / (1 + Math.exp(-2.5));
        assertArrayEquals(new double[]{(1 - q2) + (1 - q4), -0.5 * (1 - q2) + 2 * (1 - q4)},
                MISCONCEPTIONS.value("signed-labels-formula", ref, d), EPS);
        // without b₀: η = x
        double[] noIntercept = new double[2];
        for (int i = 0; i < 4; i++) {
            double r = y[i] - 1 / (1 + Math.exp(-x[i][0]));
            noIntercept[0] += r;
            noIntercept[1] += r * x[i][0];
        }
        assertArrayEquals(noIntercept, MISCONCEPTIONS.value("forgot-intercept", ref, d), EPS);
    }

    @Test
    void theCovarianceMatrixAndItsSlipsOnTheLessonsFourPairs() {
        // content/lessons/gaussian-mle.md: (1, 2), (2, 3), (3, 5), (4, 6)
        ExerciseData d = new ExerciseData("normal2", null, new double[][]{{1}, {2}, {3}, {4}}, new double[]{2, 3, 5, 6}, Map.of());
        String ref = "normal2.mle.covariance";
        assertArrayEquals(new double[]{2.5, 4}, REFERENCES.compute("normal2.mle.mean", d), EPS);
        assertArrayEquals(new double[]{1.25, 1.75, 2.5}, REFERENCES.compute(ref, d), EPS);
        assertArrayEquals(new double[]{5 / 3.0, 7 / 3.0, 10 / 3.0}, MISCONCEPTIONS.value("variance-n-minus-1", ref, d), EPS);
        assertArrayEquals(new double[]{7.5, 11.75, 18.5}, MISCONCEPTIONS.value("uncentered-covariance", ref, d), EPS);
        assertArrayEquals(new double[]{1.25, 7 / Math.sqrt(50), 2.5}, MISCONCEPTIONS.value("correlation-for-covariance", ref, d), EPS);
        assertArrayEquals(new double[]{1.25, -1.75, 2.5}, MISCONCEPTIONS.value("covariance-sign", ref, d), EPS);
        assertArrayEquals(new double[]{1.25, 2.5, 1.75}, MISCONCEPTIONS.value("variances-first", ref, d), EPS);
        assertArrayEquals(new double[]{Math.sqrt(1.25), 1.75, Math.sqrt(2.5)}, MISCONCEPTIONS.value("sd-for-variance", ref, d), EPS);
    }
}
