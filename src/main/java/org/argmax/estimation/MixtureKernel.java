package org.argmax.estimation;

/**
 * The EM pass of a one-dimensional mixture over the points [from, to) of x: the log densities
 * log πₖN(xᵢ|μₖ,σₖ²), the responsibilities by log-sum-exp, the log-likelihood and the M-step's
 * weighted sums, fused in blocks of {@value #BLOCK} points instead of the general path's d × d loops.
 * <p>
 * Every sum is kept in {@value #LANES} interleaved lanes (point i of a block goes to lane i mod 4), the
 * lanes added in a fixed order at the end of each block. The log-likelihood Σᵢ (maxᵢ + log sᵢ), sᵢ =
 * Σₖ exp(ℓᵢₖ − maxᵢ) ∈ [1, K], takes one logarithm per lane and block: log Πᵢ sᵢ (when a product would
 * overflow, the block's logarithms are added one by one). The exponentials are {@link FastExp}'s.
 * <p>
 * There are two implementations with the same arithmetic in the same order, so the same doubles:
 * this scalar one, and {@link MixtureKernelVector} on JDK's incubating Vector API, four lanes at a
 * time, used when the JVM runs with {@code --add-modules jdk.incubator.vector} on a CPU with 256-bit
 * vectors, on ranges of at least {@value #VECTOR_ROWS} points (below that its start-up costs more
 * than it saves). Setting the system property {@code argmax.vector=false} turns it off.
 */
final class MixtureKernel {
    static final int BLOCK = 256;
    static final int LANES = 4;
    static final int VECTOR_ROWS = 2048;
    static final boolean VECTOR = Simd.VECTOR;

    private MixtureKernel() {
    }

    /** The statistics of the points [from, to) under the components (d = 1); fills the responsibilities if not null. */
    static MixtureStatistics.Result range(double[] x, int from, int to, MixtureComponents m, double[] responsibilities) {
        if (VECTOR && to - from >= VECTOR_ROWS) return MixtureKernelVector.range(x, from, to, m, responsibilities);
        return scalarRange(x, from, to, m, responsibilities);
    }

    static MixtureStatistics.Result scalarRange(double[] x, int from, int to, MixtureComponents m, double[] responsibilities) {
        int k = m.k;
        double[] mu = m.means, li = m.inverseCholesky, lc = m.logConstant;
        Scratch s = new Scratch(k);
        double ll = 0;
        for (int start = from; start < to; start += BLOCK) {
            int rows = Math.min(BLOCK, to - start);
            s.reset();
            for (int c = 0; c < k; c++) logDensities(x, start, 0, rows, mu[c], li[c], lc[c], s.e[c]);
            System.arraycopy(s.e[0], 0, s.max, 0, rows);
            for (int c = 1; c < k; c++) maxima(s.e[c], s.max, 0, rows);
            for (int c = 0; c < k; c++) exponentials(s.e[c], s.max, s.sum, 0, rows, c == 0);
            products(s, 0, rows);
            for (int c = 0; c < k; c++) sums(x, start, 0, rows, mu[c], s.e[c], s.inv, s.weight, s.first, s.second, c * LANES);
            if (responsibilities != null) store(s, start, rows, k, responsibilities);
            ll = s.finish(ll, rows);
        }
        return s.result(mu, ll);
    }

    // The scalar steps, also the vector class's tails (points i ≥ the last multiple of 4).

    static void logDensities(double[] x, int start, int i0, int rows, double mu, double li, double lc, double[] e) {
        for (int i = i0; i < rows; i++) {
            double z = li * (x[start + i] - mu);
            e[i] = lc - 0.5 * (z * z);
        }
    }

    static void maxima(double[] e, double[] max, int i0, int rows) {
        for (int i = i0; i < rows; i++) max[i] = Math.max(max[i], e[i]);
    }

    static void exponentials(double[] e, double[] max, double[] sum, int i0, int rows, boolean first) {
        for (int i = i0; i < rows; i++) {
            double v = FastExp.exp(e[i] - max[i]);
            e[i] = v;
            sum[i] = first ? v : sum[i] + v;
        }
    }

    static void products(Scratch s, int i0, int rows) {
        for (int i = i0; i < rows; i++) {
            int lane = i & (LANES - 1);
            s.product[lane] *= s.sum[i];
            s.maxSum[lane] += s.max[i];
            s.inv[i] = 1 / s.sum[i];
        }
    }

    static void sums(double[] x, int start, int i0, int rows, double mu, double[] e, double[] inv,
                     double[] weight, double[] first, double[] second, int at) {
        for (int i = i0; i < rows; i++) {
            int lane = at + (i & (LANES - 1));
            double r = e[i] * inv[i], v = x[start + i] - mu, rv = r * v;
            weight[lane] += r;
            first[lane] += rv;
            second[lane] += rv * v;
        }
    }

    static void store(Scratch s, int start, int rows, int k, double[] responsibilities) {
        for (int c = 0; c < k; c++) {
            double[] e = s.e[c];
            for (int i = 0; i < rows; i++) responsibilities[(start + i) * k + c] = e[i] * s.inv[i];
        }
    }

    /** A range's scratch rows and its lane sums (K × 4, lane-minor) and totals. */
    static final class Scratch {
        final int k;
        final double[][] e;
        final double[] max = new double[BLOCK], sum = new double[BLOCK], inv = new double[BLOCK];
        final double[] product = new double[LANES], maxSum = new double[LANES];
        final double[] weight, first, second;
        final double[] totalWeight, totalFirst, totalSecond;

        Scratch(int k) {
            this.k = k;
            e = new double[k][BLOCK];
            weight = new double[k * LANES];
            first = new double[k * LANES];
            second = new double[k * LANES];
            totalWeight = new double[k];
            totalFirst = new double[k];
            totalSecond = new double[k];
        }

        void reset() {
            java.util.Arrays.fill(product, 1);
            java.util.Arrays.fill(maxSum, 0);
            java.util.Arrays.fill(weight, 0);
            java.util.Arrays.fill(first, 0);
            java.util.Arrays.fill(second, 0);
        }

        /** Adds the block's lanes, in order, to the totals; returns ll + the block's log-likelihood. */
        double finish(double ll, int rows) {
            double block = 0;
            boolean finite = true;
            for (int j = 0; j < LANES; j++) {
                block += maxSum[j];
                finite &= product[j] < Double.POSITIVE_INFINITY;
            }
            if (finite) {
                for (int j = 0; j < LANES; j++) block += Math.log(product[j]);
            } else {
                for (int j = 0; j < LANES; j++) for (int i = j; i < rows; i += LANES) block += Math.log(sum[i]);
            }
            for (int c = 0; c < k; c++) {
                int a = c * LANES;
                totalWeight[c] += (weight[a] + weight[a + 1]) + (weight[a + 2] + weight[a + 3]);
                totalFirst[c] += (first[a] + first[a + 1]) + (first[a + 2] + first[a + 3]);
                totalSecond[c] += (second[a] + second[a + 1]) + (second[a + 2] + second[a + 3]);
            }
            return ll + block;
        }

        MixtureStatistics.Result result(double[] means, double ll) {
            return new MixtureStatistics.Result(k, 1, means, totalWeight, totalFirst, totalSecond, ll);
        }
    }
}
