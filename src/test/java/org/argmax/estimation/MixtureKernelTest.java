package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fused one-dimensional EM pass: the scalar and vector implementations give the same doubles,
 * the fit does not depend on the number of threads, and it agrees with the general d × d path.
 */
class MixtureKernelTest {

    static double[] data(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i] = c == 0 ? rng.normal(-2, 1) : c == 1 ? rng.normal(1, 0.5) : rng.normal(40, 3);
        }
        x[5] = 1e4; // far from every component: exp underflows for two of them
        return x;
    }

    static MixtureComponents components() {
        return new MixtureComponents(GmmParameters.oneDimensional(new double[]{0.5, 0.3, 0.2}, new double[]{-1, 0, 30}, new double[]{1, 0.2, 9}));
    }

    @Test
    void scalarAndVectorPassesAreTheSameDoubles() {
        assumeTrue(MixtureKernel.VECTOR, "the JVM runs without jdk.incubator.vector or 256-bit vectors");
        double[] x = data(10_007, 5);
        MixtureComponents m = components();
        for (int[] range : new int[][]{{0, 10_007}, {3, 2_990}, {1, 2_050}, {0, 4_096}}) {
            double[] r1 = new double[x.length * 3], r2 = new double[x.length * 3];
            MixtureStatistics.Result a = MixtureKernel.scalarRange(x, range[0], range[1], m, r1);
            MixtureStatistics.Result b = MixtureKernelVector.range(x, range[0], range[1], m, r2);
            assertEquals(Double.doubleToRawLongBits(a.logLikelihood()), Double.doubleToRawLongBits(b.logLikelihood()));
            assertArrayEquals(a.weight(), b.weight(), 0.0);
            assertArrayEquals(a.first(), b.first(), 0.0);
            assertArrayEquals(a.second(), b.second(), 0.0);
            assertArrayEquals(r1, r2, 0.0);
        }
    }

    @Test
    void aFitDoesNotDependOnTheThreadsOrTheKernel() {
        double[] x = data(200_003, 9);
        GmmOptions options = GmmOptions.defaults(3).withInitial(GmmParameters.oneDimensional(new double[]{0.4, 0.3, 0.3}, new double[]{-1, 0, 30}, new double[]{1, 1, 4}))
                .withIterations(20, 0);
        GmmFit parallel = GaussianMixture.fit(x, options);
        GmmFit oneThread = Chunked.inline(() -> GaussianMixture.fit(x, options));
        assertEquals(Double.doubleToRawLongBits(parallel.logLikelihood()), Double.doubleToRawLongBits(oneThread.logLikelihood()));
        for (int c = 0; c < 3; c++) {
            assertEquals(parallel.parameters().means()[c][0], oneThread.parameters().means()[c][0], 0.0);
            assertEquals(parallel.parameters().covariances()[c][0][0], oneThread.parameters().covariances()[c][0][0], 0.0);
            assertEquals(parallel.parameters().weights()[c], oneThread.parameters().weights()[c], 0.0);
        }
        assertArrayEquals(parallel.responsibilities()[12_345], oneThread.responsibilities()[12_345], 0.0);
    }

    @Test
    void theFusedPassAgreesWithTheGeneralPath() {
        double[] x = data(50_000, 3);
        MixtureComponents m = components();
        MixtureStatistics.Result fused = MixtureKernel.scalarRange(x, 0, x.length, m, null);
        MixtureStatistics general = new MixtureStatistics(3, 1, m.means);
        double ll = 0;
        double[][] r = new double[3][1];
        for (double xi : x) {
            double[] l = new double[3];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                double z = m.inverseCholesky[c] * (xi - m.means[c]);
                l[c] = m.logConstant[c] - 0.5 * z * z;
                max = Math.max(max, l[c]);
            }
            double sum = 0;
            for (int c = 0; c < 3; c++) sum += Math.exp(l[c] - max);
            ll += max + Math.log(sum);
            for (int c = 0; c < 3; c++) r[c][0] = Math.exp(l[c] - max) / sum;
            general.add(new double[]{xi}, 0, r, 0);
        }
        MixtureStatistics.Result plain = general.result(ll);
        assertEquals(plain.logLikelihood(), fused.logLikelihood(), 1e-12 * Math.abs(plain.logLikelihood()));
        for (int c = 0; c < 3; c++) {
            assertEquals(plain.weight()[c], fused.weight()[c], 1e-12 * x.length);
            assertEquals(plain.first()[c], fused.first()[c], 1e-11 * x.length);
            assertEquals(plain.second()[c], fused.second()[c], 1e-11 * x.length * 100);
        }
    }

    @Test
    void theArrayAndItsRowsGiveTheSameFitAndTheSameMessages() {
        double[] x = data(30_001, 4);
        GmmOptions options = GmmOptions.defaults(3).withInitial(GmmParameters.oneDimensional(new double[]{0.4, 0.3, 0.3}, new double[]{-1, 0, 30}, new double[]{1, 1, 4}))
                .withIterations(5, 0);
        GmmFit flat = GaussianMixture.fit(x, options), rows = GaussianMixture.fit(GaussianMixture.column(x), options);
        assertEquals(Double.doubleToRawLongBits(rows.logLikelihood()), Double.doubleToRawLongBits(flat.logLikelihood()));
        assertArrayEquals(rows.parameters().means()[2], flat.parameters().means()[2], 0.0);
        assertArrayEquals(rows.responsibilities()[7], flat.responsibilities()[7], 0.0);
        x[17] = Double.NaN;
        EstimationException e = assertThrows(EstimationException.class, () -> GaussianMixture.fit(x, options));
        assertEquals("row 18, column 1 is not a finite number", e.getMessage());
    }
}
