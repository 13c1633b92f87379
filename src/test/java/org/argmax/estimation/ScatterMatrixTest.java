package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The scatter matrix and what is built from it, on the lesson's four pairs (worked in
 * content/lessons/gaussian-mle.md and recomputed by src/test/python/lesson_numbers.py), and its
 * identities: S/n is the multivariate normal's MLE, second moments minus x̄x̄ᵀ are S/n.
 */
class ScatterMatrixTest {
    private static final double[][] PAIRS = {{1, 2}, {2, 3}, {3, 5}, {4, 6}};

    @Test
    void theLessonsFourPairs() {
        assertArrayEquals(new double[]{2.5, 4}, ScatterMatrix.mean(PAIRS), 1e-15);
        assertMatrix(new double[][]{{5, 7}, {7, 10}}, ScatterMatrix.scatter(PAIRS), 1e-14);
        assertMatrix(new double[][]{{1.25, 1.75}, {1.75, 2.5}}, ScatterMatrix.covariance(PAIRS, 4), 1e-15);
        assertMatrix(new double[][]{{5.0 / 3, 7.0 / 3}, {7.0 / 3, 10.0 / 3}}, ScatterMatrix.covariance(PAIRS, 3), 1e-14);
        assertMatrix(new double[][]{{7.5, 11.75}, {11.75, 18.5}}, ScatterMatrix.secondMoments(PAIRS), 1e-14);
        double r = 7 / Math.sqrt(50);
        assertMatrix(new double[][]{{1, r}, {r, 1}}, ScatterMatrix.correlation(PAIRS), 1e-15);
    }

    @Test
    void dividedByNItIsTheMultivariateNormalsMle() {
        double[][] x = {{1.3, -0.2, 4.1}, {0.4, 0.9, 3.3}, {2.2, 0.1, 5.0}, {-0.7, 1.4, 2.6}, {1.1, -0.8, 4.4}};
        double[][] mle = MultivariateNormal.mle(x).matrix("covariance");
        assertMatrix(mle, ScatterMatrix.covariance(x, x.length), 1e-14);
        assertArrayEquals(MultivariateNormal.mle(x).vector("mean"), ScatterMatrix.mean(x), 1e-15);
    }

    @Test
    void secondMomentsMinusTheMeansProductIsTheCovariance() {
        double[][] x = {{10.2, 41.3}, {12.8, 44.0}, {9.5, 39.1}, {11.1, 43.7}, {13.4, 45.2}, {10.9, 40.0}};
        double[][] moments = ScatterMatrix.secondMoments(x), covariance = ScatterMatrix.covariance(x, x.length);
        double[] m = ScatterMatrix.mean(x);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) assertEquals(covariance[a][b], moments[a][b] - m[a] * m[b], 1e-10);
        }
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertEquals("column 2 is constant: its correlation is undefined",
                assertThrows(EstimationException.class, () -> ScatterMatrix.correlation(new double[][]{{1, 3}, {2, 3}})).getMessage());
        assertThrows(EstimationException.class, () -> ScatterMatrix.covariance(PAIRS, 0));
        assertThrows(EstimationException.class, () -> ScatterMatrix.mean(new double[][]{{1, 2}, {3}}));
    }

    private static void assertMatrix(double[][] expected, double[][] actual, double delta) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], delta, "row " + i);
    }
}
