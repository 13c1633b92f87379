package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * k-means with the Vector API's nearest centre ({@link LloydVector}) gives the same fit as the scalar
 * kernel, bit for bit: assignments, centres, inertia and iterations, for dimensions that do and do not
 * fill the scalar kernel's passes of four coordinates, row counts that leave a partial block and a
 * partial vector (2,051 = 8 × 256 + 3), data on a grid of integers (many points exactly as near to two
 * centres: the lower index must win in both), distances that overflow to infinity, on the pool and
 * on one thread.
 */
class LloydVectorTest {

    @Test
    void vectorAndScalarNearestCentresGiveTheSameFit() {
        assumeTrue(Simd.VECTOR, "the JVM runs without jdk.incubator.vector or 256-bit vectors");
        for (int d : new int[]{1, 2, 3, 5, 10, 13}) {
            for (int n : new int[]{2_051, 40_001}) {
                for (boolean grid : new boolean[]{false, true}) {
                    Rng rng = new Rng(97L * d + n + (grid ? 1 : 0));
                    double[][] x = new double[n][d];
                    for (int i = 0; i < n; i++) {
                        int cluster = i % 4;
                        for (int j = 0; j < d; j++) {
                            double v = rng.normal(3.0 * cluster - 2 * j, 1.5);
                            x[i][j] = grid ? Math.rint(v) : v;
                        }
                    }
                    for (int k : new int[]{1, 3, 10}) same(x, k, "d = " + d + ", n = " + n + ", grid = " + grid + ", k = " + k);
                }
            }
        }
    }

    @Test
    void tiesKeepTheLowerCentreInBothKernels() {
        assumeTrue(Simd.VECTOR, "the JVM runs without jdk.incubator.vector or 256-bit vectors");
        // every point halfway between two centres: the first of them wins
        double[][] x = new double[1_000][2];
        for (int i = 0; i < x.length; i++) x[i] = new double[]{0, i % 7};
        double[][] centers = {{-1, 0}, {1, 0}, {0, 100}};
        KMeansFit scalar = lloydOnce(x, centers, false), vector = lloydOnce(x, centers, true);
        assertArrayEquals(scalar.assignments(), vector.assignments());
        for (int a : vector.assignments()) assertEquals(0, a);
    }

    @Test
    void overflowingDistancesGiveTheExactNearestCentreInBothKernels() {
        // squared distances beyond Double.MAX_VALUE are infinite: a row whose distances to the first two
        // centres overflow but not to the third belongs to the third (the scalar kernel once put it in
        // the first: its 0/1 factor of inf − inf left the index NaN)
        Rng rng = new Rng(5);
        double[][] x = new double[600][3];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = (i % 3 == 0 ? 1e200 : i % 3 == 1 ? -1e200 : 1) * (1 + rng.uniform());
        }
        double[][] centers = {{-1.5e200, -1.5e200, -1.5e200}, {1.5e200, 1.5e200, 1.5e200}, {1, 1, 1}, {1e200, -1e200, 0}};
        int[] exact = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double best = Double.NaN;
            for (int c = 0; c < centers.length; c++) {
                double s = KMeans.squared(x[i], centers[c]);
                if (c == 0 || s < best) {
                    best = s;
                    exact[i] = c;
                }
            }
        }
        assertTrue(java.util.Arrays.stream(exact).anyMatch(c -> c == 2), "some rows are nearest to the third centre");
        assertArrayEquals(exact, lloydOnce(x, centers, false).assignments(), "scalar");
        if (Simd.VECTOR) assertArrayEquals(exact, lloydOnce(x, centers, true).assignments(), "vector");
    }

    private static KMeansFit lloydOnce(double[][] x, double[][] centers, boolean vector) {
        int[] assign = new int[x.length];
        LloydStep step = new LloydStep(x, centers.length, assign, vector);
        step.run(centers);
        return new KMeansFit(centers, assign, 0, 0, false, java.util.List.of());
    }

    private static void same(double[][] x, int k, String what) {
        KMeansFit scalar = KMeans.fit(x, k, 11, 30, true, false);
        KMeansFit vector = KMeans.fit(x, k, 11, 30, true, true);
        KMeansFit vectorOneThread = Chunked.inline(() -> KMeans.fit(x, k, 11, 30, true, true));
        assertEquals(scalar.iterations(), vector.iterations(), what);
        assertArrayEquals(scalar.assignments(), vector.assignments(), what);
        assertArrayEquals(scalar.assignments(), vectorOneThread.assignments(), what);
        for (int c = 0; c < k; c++) assertArrayEquals(scalar.centers()[c], vector.centers()[c], 0.0, what);
        assertEquals(Double.doubleToRawLongBits(scalar.inertia()), Double.doubleToRawLongBits(vector.inertia()), what);
        assertEquals(Double.doubleToRawLongBits(scalar.inertia()), Double.doubleToRawLongBits(vectorOneThread.inertia()), what);
        assertEquals(scalar.trace().size(), vector.trace().size(), what);
        for (int t = 0; t < scalar.trace().size(); t++) {
            assertEquals(Double.doubleToRawLongBits(scalar.trace().get(t).inertia()), Double.doubleToRawLongBits(vector.trace().get(t).inertia()), what + ", iteration " + t);
        }
    }
}
