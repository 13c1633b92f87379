package org.argmax.estimation;

/**
 * Lloyd's assignment step fused with the sums of the next update step: every point goes to its
 * nearest centre (ties: the lower index) and is added to that cluster's sum. The points are copied
 * once into blocks of {@value #BLOCK} rows, one array per block and coordinate, so that every loop
 * over a block's rows indexes all its arrays alike and the JIT vectorizes it (it does not when the
 * arrays are indexed with different offsets). Each distance is still Σⱼ (xⱼ − cⱼ)² summed over j in
 * order, the same value as {@link KMeans#squared}: up to four coordinates are added per pass over
 * the block (fewer loads and stores of the partial sums than one pass per coordinate), in order.
 * The running minimum and its index are kept without a branch or a conditional move (which the
 * JIT does not vectorize): the index is a double updated by a 0/1 factor, exact in floating point.
 * With the Vector API ({@link Simd}) the nearest centres come from {@link LloydVector} instead: the
 * same doubles and the same ties; the whole fit 1.20-1.25× as fast (10-D, JMH).
 * The {@link Chunked} ranges are ranges of whole blocks; their sums are merged in range order, so the
 * result does not depend on the number of threads. Nothing is allocated per run but the centres'
 * copy and the ranges' bookkeeping.
 */
final class LloydStep {
    private static final int BLOCK = 256;
    /** 2⁶⁰⁰: a positive difference of doubles times 2⁶⁰⁰ twice is at least 2¹²⁶ (from 2⁻¹⁰⁷⁴), so ≥ 1. */
    private static final double HUGE = 0x1p600;

    /** blocks[b · d + j][r] = x[b · BLOCK + r][j]. */
    private final double[][] blocks;
    private final int n, k, d, blockCount, chunks;
    /** Whether the nearest centres come from {@link LloydVector} (same doubles, same ties). */
    private final boolean vector;
    private final int[] assign;
    /** Per range: the sums of its clusters (k × d), then their counts, then its inertia; reused by every run. */
    private final double[][] parts;
    /** Per range: scratch rows for a block's distances to one centre, its running minimum and that minimum's index. */
    private final double[][] dist, bestDist, bestIndex;
    /** Per range: cluster counts; a block's cluster starts (k + 1), each row's cluster, the rows in cluster order. */
    private final int[][] counts, start, cluster, order;
    /** Per cluster after {@link #run}: the sum of its points (k × d, row-major) and their number. */
    final double[] sum;
    final int[] count;

    LloydStep(double[][] data, int k, int[] assign, boolean vector) {
        this.vector = vector && BLOCK % LloydVector.ROWS == 0;
        n = data.length;
        d = data[0].length;
        this.k = k;
        this.assign = assign;
        blockCount = (n + BLOCK - 1) / BLOCK;
        blocks = new double[blockCount * d][BLOCK];
        for (int i = 0; i < n; i++) {
            int b = i / BLOCK, r = i % BLOCK;
            for (int j = 0; j < d; j++) blocks[b * d + j][r] = data[i][j];
        }
        chunks = Chunked.chunks(n);
        parts = new double[chunks][k * d + k + 1];
        dist = new double[chunks][BLOCK];
        bestDist = new double[chunks][BLOCK];
        bestIndex = new double[chunks][BLOCK];
        counts = new int[chunks][k];
        start = new int[chunks][k + 1];
        cluster = new int[chunks][BLOCK];
        order = new int[chunks][BLOCK];
        sum = new double[k * d];
        count = new int[k];
    }

    /** Assigns every point to its nearest centre, fills sum and count, returns the inertia. */
    double run(double[][] centers) {
        double[] flat = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(centers[c], 0, flat, c * d, d);
        double[] expanded = vector ? LloydVector.expand(flat) : null;
        double[] total = Chunked.reduce(blockCount, chunks, (ch, from, to) -> chunk(ch, from, to, flat, expanded), Centered::add);
        System.arraycopy(total, 0, sum, 0, k * d);
        for (int c = 0; c < k; c++) count[c] = (int) total[k * d + c];
        return total[k * d + k];
    }

    /** Adds the points of blocks from … to−1 to range ch's part (sums, counts, inertia); returns the part. */
    private double[] chunk(int ch, int fromBlock, int toBlock, double[] centers, double[] expanded) {
        double[] part = parts[ch], dist = this.dist[ch], bestDist = this.bestDist[ch], bestIndex = this.bestIndex[ch];
        int[] counts = this.counts[ch], start = this.start[ch], cluster = this.cluster[ch], order = this.order[ch];
        java.util.Arrays.fill(part, 0);
        java.util.Arrays.fill(counts, 0);
        double inertia = 0;
        int firstRow = fromBlock * BLOCK, endRow = Math.min(n, toBlock * BLOCK);
        for (int first = firstRow; first < endRow; first += BLOCK) {
            int rows = Math.min(BLOCK, endRow - first), base = first / BLOCK * d;
            if (vector) {
                LloydVector.nearest(blocks, base, d, k, rows, expanded, bestDist, bestIndex);
            } else {
                distances(base, rows, centers, 0, bestDist);
                java.util.Arrays.fill(bestIndex, 0, rows, 0);
                for (int c = 1; c < k; c++) {
                    distances(base, rows, centers, c, dist);
                    nearer(rows, c, dist, bestDist, bestIndex);
                }
            }
            // the block's rows grouped by cluster, in row order (a counting sort), then each cluster's
            // sums in a register: the same additions in the same order as adding row by row into
            // part, without a store and a load of part per row and coordinate (which ran at a
            // fraction of the speed: consecutive rows of one cluster hit the same entries)
            java.util.Arrays.fill(start, 0);
            for (int i = 0; i < rows; i++) {
                double bd = bestDist[i], bi = bestIndex[i];
                // an overflowed (infinite) distance to two centres leaves nearer()'s index NaN, even when
                // a later centre is nearer: the exact loop then
                int b = bd < Double.POSITIVE_INFINITY && bi == bi ? (int) bi : nearest(base, i, centers);
                assign[first + i] = b;
                cluster[i] = b;
                inertia += bd;
                start[b + 1]++;
            }
            for (int c = 0; c < k; c++) {
                counts[c] += start[c + 1];
                start[c + 1] += start[c];
            }
            for (int i = 0; i < rows; i++) order[start[cluster[i]]++] = i; // start[c] ends as the end of c
            for (int c = 0, from = 0; c < k; c++) {
                int to = start[c];
                int cd = c * d, j = 0;
                // four coordinates' sums at a time, each its own chain of additions in row order
                // (one coordinate at a time, each addition waited on the one before); same sums
                for (; to > from && j + 4 <= d; j += 4) {
                    double[] x0 = blocks[base + j], x1 = blocks[base + j + 1], x2 = blocks[base + j + 2], x3 = blocks[base + j + 3];
                    double s0 = part[cd + j], s1 = part[cd + j + 1], s2 = part[cd + j + 2], s3 = part[cd + j + 3];
                    for (int q = from; q < to; q++) {
                        int r = order[q];
                        s0 += x0[r];
                        s1 += x1[r];
                        s2 += x2[r];
                        s3 += x3[r];
                    }
                    part[cd + j] = s0;
                    part[cd + j + 1] = s1;
                    part[cd + j + 2] = s2;
                    part[cd + j + 3] = s3;
                }
                for (; to > from && j < d; j++) {
                    double[] x = blocks[base + j];
                    double s = part[cd + j];
                    for (int q = from; q < to; q++) s += x[order[q]];
                    part[cd + j] = s;
                }
                from = to;
            }
        }
        for (int c = 0; c < k; c++) part[k * d + c] = counts[c];
        part[k * d + k] = inertia;
        return part;
    }

    /**
     * Where dist[i] &lt; best[i]: best[i] = dist[i] and index[i] = c (a strict &lt;, so ties keep the
     * lower index). f = min(max(best − dist, 0) · 2⁶⁰⁰ · 2⁶⁰⁰, 1) is exactly 1 when dist &lt; best (the
     * difference of two different doubles is never 0) and 0 otherwise; index + f·(c − index) is exact.
     */
    private static void nearer(int rows, int c, double[] dist, double[] best, double[] index) {
        double center = c;
        for (int i = 0; i < rows; i++) {
            double dv = dist[i], bd = best[i];
            double f = Math.min(Math.max(bd - dv, 0) * HUGE * HUGE, 1);
            index[i] += f * (center - index[i]);
            best[i] = Math.min(bd, dv);
        }
    }

    /** The nearest centre to row i of the block at base, by the plain loop (strict &lt;). */
    private int nearest(int base, int i, double[] centers) {
        int best = 0;
        double bestValue = Double.NaN;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double e = blocks[base + j][i] - centers[c * d + j];
                s += e * e;
            }
            if (c == 0 || s < bestValue) {
                bestValue = s;
                best = c;
            }
        }
        return best;
    }

    /** dist[i] = Σⱼ (x_ij − c_j)² for the block's rows and centre c, j in order, up to four coordinates per pass. */
    private void distances(int base, int rows, double[] centers, int c, double[] dist) {
        int cd = c * d;
        int j = Math.min(d, 4);
        first(j, base, rows, centers, cd, dist);
        for (; j + 4 <= d; j += 4) add4(base + j, rows, centers, cd + j, dist);
        if (j < d) more(d - j, base + j, rows, centers, cd + j, dist);
    }

    /** dist = the sum over the first g (1…4) coordinates; 0 + e₀² = e₀² exactly, so this is KMeans.squared's sum. */
    private void first(int g, int base, int rows, double[] centers, int cd, double[] dist) {
        double[] x0 = blocks[base];
        double c0 = centers[cd];
        switch (g) {
            case 1 -> {
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0;
                    dist[i] = e0 * e0;
                }
            }
            case 2 -> {
                double[] x1 = blocks[base + 1];
                double c1 = centers[cd + 1];
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0, e1 = x1[i] - c1;
                    dist[i] = e0 * e0 + e1 * e1;
                }
            }
            case 3 -> {
                double[] x1 = blocks[base + 1], x2 = blocks[base + 2];
                double c1 = centers[cd + 1], c2 = centers[cd + 2];
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0, e1 = x1[i] - c1, e2 = x2[i] - c2;
                    dist[i] = e0 * e0 + e1 * e1 + e2 * e2;
                }
            }
            default -> {
                double[] x1 = blocks[base + 1], x2 = blocks[base + 2], x3 = blocks[base + 3];
                double c1 = centers[cd + 1], c2 = centers[cd + 2], c3 = centers[cd + 3];
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0, e1 = x1[i] - c1, e2 = x2[i] - c2, e3 = x3[i] - c3;
                    dist[i] = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
                }
            }
        }
    }

    /** dist += four more coordinates' terms, in order. */
    private void add4(int base, int rows, double[] centers, int cj, double[] dist) {
        double[] x0 = blocks[base], x1 = blocks[base + 1], x2 = blocks[base + 2], x3 = blocks[base + 3];
        double c0 = centers[cj], c1 = centers[cj + 1], c2 = centers[cj + 2], c3 = centers[cj + 3];
        for (int i = 0; i < rows; i++) {
            double e0 = x0[i] - c0, e1 = x1[i] - c1, e2 = x2[i] - c2, e3 = x3[i] - c3;
            dist[i] = dist[i] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
        }
    }

    /** dist += the last g (1…3) coordinates' terms, in order. */
    private void more(int g, int base, int rows, double[] centers, int cj, double[] dist) {
        double[] x0 = blocks[base];
        double c0 = centers[cj];
        switch (g) {
            case 1 -> {
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0;
                    dist[i] = dist[i] + e0 * e0;
                }
            }
            case 2 -> {
                double[] x1 = blocks[base + 1];
                double c1 = centers[cj + 1];
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0, e1 = x1[i] - c1;
                    dist[i] = dist[i] + e0 * e0 + e1 * e1;
                }
            }
            default -> {
                double[] x1 = blocks[base + 1], x2 = blocks[base + 2];
                double c1 = centers[cj + 1], c2 = centers[cj + 2];
                for (int i = 0; i < rows; i++) {
                    double e0 = x0[i] - c0, e1 = x1[i] - c1, e2 = x2[i] - c2;
                    dist[i] = dist[i] + e0 * e0 + e1 * e1 + e2 * e2;
                }
            }
        }
    }
}
