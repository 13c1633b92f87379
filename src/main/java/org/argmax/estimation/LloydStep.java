package org.argmax.estimation;

import java.util.Arrays;

/**
 * Lloyd's assignment step fused with the sums of the next update step: every point goes to its
 * nearest centre (ties: the lower index) and is added to that cluster's sum. The points are copied
 * once into blocks of {@value #BLOCK} rows, one array per block and coordinate, so the distances of
 * a block to one centre are built up one coordinate at a time in a loop the JIT vectorizes (it does
 * not when the two arrays are indexed with different offsets); each distance is still Σⱼ (xⱼ − cⱼ)²
 * summed over j in order, the same value as {@link KMeans#squared}.
 * The {@link Chunked} ranges are ranges of whole blocks; their sums are merged in range order, so the
 * result does not depend on the number of threads.
 */
final class LloydStep {
    private static final int BLOCK = 256;

    /** blocks[b · d + j][r] = x[b · BLOCK + r][j]. */
    private final double[][] blocks;
    private final int n, k, d, blockCount, chunks;
    private final int[] assign;
    /** Per range: the sums of its clusters (k × d), then their counts, then its inertia; reused by every run. */
    private final double[][] parts;
    /** Per cluster after {@link #run}: the sum of its points (k × d, row-major) and their number. */
    final double[] sum;
    final int[] count;

    LloydStep(double[][] data, int k, int[] assign) {
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
        sum = new double[k * d];
        count = new int[k];
    }

    /** Assigns every point to its nearest centre, fills sum and count, returns the inertia. */
    double run(double[][] centers) {
        double[] flat = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(centers[c], 0, flat, c * d, d);
        double[] total = Chunked.reduce(blockCount, chunks, (ch, from, to) -> chunk(parts[ch], from, to, flat), Centered::add);
        System.arraycopy(total, 0, sum, 0, k * d);
        for (int c = 0; c < k; c++) count[c] = (int) total[k * d + c];
        return total[k * d + k];
    }

    /** Adds the points of blocks from … to−1 to part (sums, counts, inertia); returns part. */
    private double[] chunk(double[] part, int fromBlock, int toBlock, double[] centers) {
        Arrays.fill(part, 0);
        int[] counts = new int[k];
        double[] dist = new double[BLOCK], bestDist = new double[BLOCK];
        int[] best = new int[BLOCK];
        double inertia = 0;
        int firstRow = fromBlock * BLOCK, endRow = Math.min(n, toBlock * BLOCK);
        for (int start = firstRow; start < endRow; start += BLOCK) {
            int rows = Math.min(BLOCK, endRow - start), base = start / BLOCK * d;
            // centre by centre over the block, a strict < so that ties keep the lower index. The index
            // and the minimum are updated in one loop: so the JIT makes the index a conditional move
            // (a loop of its own became a mispredicted branch, 3× slower on the 1-D case)
            for (int c = 0; c < k; c++) {
                distances(base, rows, centers, c, c == 0 ? bestDist : dist);
                if (c == 0) {
                    Arrays.fill(best, 0, rows, 0);
                    continue;
                }
                for (int i = 0; i < rows; i++) {
                    best[i] = dist[i] < bestDist[i] ? c : best[i];
                    bestDist[i] = Math.min(dist[i], bestDist[i]);
                }
            }
            for (int i = 0; i < rows; i++) {
                int b = best[i];
                assign[start + i] = b;
                inertia += bestDist[i];
                counts[b]++;
                int s = b * d;
                for (int j = 0; j < d; j++) part[s + j] += blocks[base + j][i];
            }
        }
        for (int c = 0; c < k; c++) part[k * d + c] = counts[c];
        part[k * d + k] = inertia;
        return part;
    }

    /** dist[i] = Σⱼ (x_ij − c_j)² for the block's rows and centre c, j in order. */
    private void distances(int base, int rows, double[] centers, int c, double[] dist) {
        Arrays.fill(dist, 0, rows, 0);
        for (int j = 0; j < d; j++) {
            double center = centers[c * d + j];
            double[] x = blocks[base + j];
            for (int i = 0; i < rows; i++) {
                double e = x[i] - center;
                dist[i] += e * e;
            }
        }
    }
}
