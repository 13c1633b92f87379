package org.argmax.estimation;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Lloyd's assignment step fused with the sums of the next update step: every point goes to its
 * nearest centre (ties: the lower index) and is added to that cluster's sum. The points are copied
 * once into blocks of {@value #BLOCK} rows, one array per block and coordinate, so the distances of
 * a block to one centre are built up one coordinate at a time in a loop the JIT vectorizes (it does
 * not when the two arrays are indexed with different offsets); each distance is still Σⱼ (xⱼ − cⱼ)²
 * summed over j in order, the same value as {@link KMeans#squared}.
 * Fixed chunks of blocks, their sums merged in chunk order, so the result does not depend on the
 * number of threads.
 */
final class LloydStep {
    private static final int BLOCK = 256;
    private static final int CHUNKS = 8;
    private static final int PARALLEL_THRESHOLD = 20_000;

    /** blocks[b · d + j][r] = x[b · BLOCK + r][j]. */
    private final double[][] blocks;
    private final int n, k, d, chunks, blocksPerChunk;
    private final int[] assign;
    private final double[][] chunkSums;
    private final int[][] chunkCounts;
    private final double[] chunkInertia;
    /** Per cluster after {@link #run}: the sum of its points (k × d, row-major) and their number. */
    final double[] sum;
    final int[] count;

    LloydStep(double[][] data, int k, int[] assign) {
        n = data.length;
        d = data[0].length;
        this.k = k;
        this.assign = assign;
        int blockCount = (n + BLOCK - 1) / BLOCK;
        blocks = new double[blockCount * d][BLOCK];
        for (int i = 0; i < n; i++) {
            int b = i / BLOCK, r = i % BLOCK;
            for (int j = 0; j < d; j++) blocks[b * d + j][r] = data[i][j];
        }
        chunks = n < PARALLEL_THRESHOLD ? 1 : CHUNKS;
        blocksPerChunk = (blockCount + chunks - 1) / chunks;
        chunkSums = new double[chunks][k * d];
        chunkCounts = new int[chunks][k];
        chunkInertia = new double[chunks];
        sum = new double[k * d];
        count = new int[k];
    }

    /** Assigns every point to its nearest centre, fills sum and count, returns the inertia. */
    double run(double[][] centers) {
        double[] flat = new double[k * d];
        for (int c = 0; c < k; c++) System.arraycopy(centers[c], 0, flat, c * d, d);
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(ch -> chunk(ch, flat));
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        double inertia = 0;
        for (int ch = 0; ch < chunks; ch++) {
            inertia += chunkInertia[ch];
            for (int a = 0; a < k * d; a++) sum[a] += chunkSums[ch][a];
            for (int c = 0; c < k; c++) count[c] += chunkCounts[ch][c];
        }
        return inertia;
    }

    private void chunk(int ch, double[] centers) {
        double[] sums = chunkSums[ch];
        int[] counts = chunkCounts[ch];
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        double[] dist = new double[BLOCK], bestDist = new double[BLOCK];
        int[] best = new int[BLOCK];
        double inertia = 0;
        int firstRow = ch * blocksPerChunk * BLOCK, endRow = Math.min(n, firstRow + blocksPerChunk * BLOCK);
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
                for (int j = 0; j < d; j++) sums[s + j] += blocks[base + j][i];
            }
        }
        chunkInertia[ch] = inertia;
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
