package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The logistic fit's Vector API kernel ({@link LogisticVector}) gives the same doubles as the scalar
 * kernel: the same coefficients, cross-entropy and number of Newton passes, bit for bit, for column
 * counts that do and do not fill whole vectors, blocks whose row count is not a multiple of four
 * (2,051 = 8 × 256 + 3 rows),
 * with and without a penalty, on one thread and on the pool.
 */
class LogisticVectorTest {

    @Test
    void vectorAndScalarKernelsGiveTheSameDoubles() {
        assumeTrue(Simd.VECTOR, "the JVM runs without jdk.incubator.vector or 256-bit vectors");
        for (int d : new int[]{3, 4, 7, 20}) {
            for (int n : new int[]{2_051, 40_001}) {
                Rng rng = new Rng(31L * d + n);
                double[][] x = new double[n][d];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    double eta = 0.3;
                    for (int j = 0; j < d; j++) {
                        x[i][j] = rng.normal(0.5 * j - 1, 1 + 0.1 * j);
                        eta += (j % 2 == 0 ? 0.4 : -0.3) * x[i][j] / Math.sqrt(d);
                    }
                    y[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                }
                for (double lambda : new double[]{0, 2.5}) {
                    LogisticFit scalar = Logistic.fit(x, y, lambda, 1e-10, 100, false);
                    LogisticFit vector = Logistic.fit(x, y, lambda, 1e-10, 100, true);
                    LogisticFit vectorOneThread = Chunked.inline(() -> Logistic.fit(x, y, lambda, 1e-10, 100, true));
                    String what = "d = " + d + ", n = " + n + ", λ = " + lambda;
                    assertEquals(scalar.iterations(), vector.iterations(), what);
                    assertArrayEquals(scalar.coefficients(), vector.coefficients(), 0.0, what);
                    assertArrayEquals(scalar.coefficients(), vectorOneThread.coefficients(), 0.0, what);
                    assertEquals(Double.doubleToRawLongBits(scalar.crossEntropy()), Double.doubleToRawLongBits(vector.crossEntropy()), what);
                }
            }
        }
    }
}
