package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link FastExp}'s error bound against {@link StrictMath#exp} (fdlibm, itself within 1 ulp of eᵗ), and
 * the vector twin ({@link MixtureKernelVector#exp}) giving the same doubles.
 */
class FastExpTest {

    /** 2.6 million arguments: uniform on [−708, 709], dense near 0, the reduction's boundaries k ln 2 ± ½ ln 2, the edges. */
    static double[] arguments() {
        Rng rng = new Rng(2026_12_02);
        int uniform = 2_000_000, small = 400_000, boundaries = 2 * 2048;
        double[] edges = {0.0, -0.0, -708, Math.nextUp(-708.0), Math.nextDown(-708.0), -708.39, -745.1, -746, -1e300,
            Double.NEGATIVE_INFINITY, 709, Math.nextDown(709.0), 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
            -1, 1, -0.5 * Math.log(2), 0.5 * Math.log(2), -Math.log(2), -2 * Math.log(2), -36.7368005696771, -37.42994775023705};
        double[] t = new double[uniform + small + boundaries + 2 * 1000 + edges.length];
        int at = 0;
        for (int i = 0; i < uniform; i++) t[at++] = -708 + 1417 * rng.uniform();
        for (int i = 0; i < small; i++) t[at++] = (rng.uniform() - 0.5) * Math.pow(10, -12 * rng.uniform());
        for (int k = -1021; k <= 1022 && at + 2 <= uniform + small + boundaries; k++) {
            double mid = (k + 0.5) * Math.log(2);
            if (mid > 709 || mid < -708) continue;
            t[at++] = Math.nextDown(mid);
            t[at++] = Math.nextUp(mid);
        }
        for (int i = 0; i < 1000; i++) {
            t[at++] = -708 - 40 * rng.uniform();
            t[at++] = -708 + 1e-9 * rng.uniform();
        }
        System.arraycopy(edges, 0, t, at, edges.length);
        return java.util.Arrays.copyOf(t, at + edges.length);
    }

    @Test
    void withinOneUlpOfStrictMathOnTheWholeRangeAndZeroBelowIt() {
        double[] t = arguments();
        assertTrue(t.length > 2_400_000, "points: " + t.length);
        double worst = 0;
        for (double v : t) {
            double ours = FastExp.exp(v), reference = StrictMath.exp(v);
            if (v < FastExp.LOW) {
                assertEquals(0.0, ours, 0.0, "t = " + v);
                assertTrue(reference < 3.4e-308, "t = " + v);
                continue;
            }
            double ulps = Math.abs(ours - reference) / Math.ulp(reference);
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 1, "t = " + v + ": " + ours + " against " + reference + " (" + ulps + " ulp)");
        }
        assertTrue(worst > 0, "the bound is met, not vacuous: worst " + worst);
        assertEquals(1.0, FastExp.exp(0.0), 0.0, "exp(0) is exactly 1 (the largest term of every log-sum-exp)");
        assertEquals(1.0, FastExp.exp(-0.0), 0.0);
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void theVectorLanesGiveTheSameDoubles() {
        assumeTrue(MixtureKernel.VECTOR, "the JVM runs without jdk.incubator.vector or 256-bit vectors");
        double[] t = arguments();
        double[] lanes = new double[t.length + 3];
        double[] in = java.util.Arrays.copyOf(t, t.length + 3);
        in[t.length] = Double.NaN;
        in[t.length + 1] = -800;
        in[t.length + 2] = Double.NEGATIVE_INFINITY;
        MixtureKernelVector.exp(in, lanes, in.length - in.length % 4);
        for (int i = 0; i < in.length - in.length % 4; i++) {
            assertEquals(Double.doubleToRawLongBits(FastExp.exp(in[i])), Double.doubleToRawLongBits(lanes[i]), "t = " + in[i]);
        }
    }
}
