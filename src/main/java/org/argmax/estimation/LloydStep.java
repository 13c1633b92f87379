package org.argmax.estimation;

import java.util.Arrays;

/**
 * Lloyd's assignment step fused with the sums of the next update step: every point goes to its
 * nearest centre (ties: the lower index) and is added to that cluster's sum. The points are copied
 * once into blocks of {@value #BLOCK} rows, one array per block and coordinate, so the distances of
 * a block to one centre are built up one coordinate at a time in a loop the JIT vectorizes (it does
 * not when the two arrays are indexed with different offsets); each distance is still Σⱼ (xⱼ − cⱼ)²
 * summed over j in order, the same value as {@link KMeans#squared}.
 * From {@value #EXPANDED_FROM} coordinates on, the nearest centre is first found from
 * ‖c‖² − 2x·c (‖x−c‖² less ‖x‖², which does not change the order: one multiply-add per coordinate,
 * four coordinates per pass over the block), and only the distance to it is then computed as above.
 * Where the two smallest of these values are closer than their rounding error could make them
 * (a bound: see {@link #expandedChunk}), every distance of that point is computed exactly and compared as
 * before, so assignments, sums and inertia are the same as with exact distances everywhere.
 * The {@link Chunked} ranges are ranges of whole blocks; their sums are merged in range order, so the
 * result does not depend on the number of threads.
 */
final class LloydStep {
    private static final int BLOCK = 256;
    /** The dimension from which the nearest centre is found through ‖c‖² − 2x·c. */
    static final int EXPANDED_FROM = 4;

    /** blocks[b · d + j][r] = x[b · BLOCK + r][j]. */
    private final double[][] blocks;
    private final int n, k, d, blockCount, chunks;
    private final int[] assign;
    /** ‖xᵢ‖² (only when d ≥ {@value #EXPANDED_FROM}). */
    private final double[] pointNorms;
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
        pointNorms = d >= EXPANDED_FROM ? new double[n] : null;
        if (pointNorms != null) {
            for (int i = 0; i < n; i++) pointNorms[i] = KMeans.squared(data[i], new double[d]);
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
        double[] total = Chunked.reduce(blockCount, chunks,
                (ch, from, to) -> pointNorms == null ? chunk(parts[ch], from, to, flat) : expandedChunk(parts[ch], from, to, flat), Centered::add);
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

    /**
     * {@link #chunk} with the nearest centre found from aᵢ(c) = ‖c‖² − 2xᵢ·c. In floating point, with
     * u = 2⁻⁵³ and S = ‖x‖² + maxₖ‖cₖ‖², aᵢ(c) + ‖xᵢ‖² is within 3(d+2)uS of ‖xᵢ − c‖² and the exactly
     * summed distance within 2(d+2)uS of it; so when the second smallest a is more than 10(d+2)uS above
     * the smallest, the smallest is also the nearest by exact distances. The margin used is 16(d+2)uS;
     * points within it are compared by exact distances (ties: the lower index).
     */
    private double[] expandedChunk(double[] part, int fromBlock, int toBlock, double[] centers) {
        Arrays.fill(part, 0);
        int[] counts = new int[k];
        double[] dot = new double[BLOCK], min = new double[BLOCK], second = new double[BLOCK];
        int[] best = new int[BLOCK];
        double[] norms = new double[k];
        double maxNorm = 0;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += centers[c * d + j] * centers[c * d + j];
            norms[c] = s;
            maxNorm = Math.max(maxNorm, s);
        }
        double tolerance = 16 * (d + 2) * 0x1p-53;
        double inertia = 0;
        int firstRow = fromBlock * BLOCK, endRow = Math.min(n, toBlock * BLOCK);
        for (int start = firstRow; start < endRow; start += BLOCK) {
            int rows = Math.min(BLOCK, endRow - start), base = start / BLOCK * d;
            Arrays.fill(min, 0, rows, Double.POSITIVE_INFINITY);
            Arrays.fill(second, 0, rows, Double.POSITIVE_INFINITY);
            Arrays.fill(best, 0, rows, 0);
            for (int c = 0; c < k; c++) {
                dots(base, rows, centers, c, dot);
                double norm = norms[c];
                for (int i = 0; i < rows; i++) {
                    double a = norm - 2 * dot[i];
                    second[i] = Math.min(second[i], Math.max(min[i], a));
                    best[i] = a < min[i] ? c : best[i];
                    min[i] = Math.min(min[i], a);
                }
            }
            for (int i = 0; i < rows; i++) {
                int row = start + i, b = best[i];
                double dist;
                if (second[i] - min[i] <= tolerance * (pointNorms[row] + maxNorm)) {
                    b = 0;
                    dist = distance(base, i, centers, 0);
                    for (int c = 1; c < k; c++) {
                        double e = distance(base, i, centers, c);
                        if (e < dist) {
                            dist = e;
                            b = c;
                        }
                    }
                } else {
                    dist = distance(base, i, centers, b);
                }
                assign[row] = b;
                inertia += dist;
                counts[b]++;
                int s = b * d;
                for (int j = 0; j < d; j++) part[s + j] += blocks[base + j][i];
            }
        }
        for (int c = 0; c < k; c++) part[k * d + c] = counts[c];
        part[k * d + k] = inertia;
        return part;
    }

    /** dot[i] = xᵢ·c for the block's rows and centre c, four coordinates per pass over the block. */
    private void dots(int base, int rows, double[] centers, int c, double[] dot) {
        int cb = c * d, j = 0;
        Arrays.fill(dot, 0, rows, 0);
        for (; j + 4 <= d; j += 4) {
            double c0 = centers[cb + j], c1 = centers[cb + j + 1], c2 = centers[cb + j + 2], c3 = centers[cb + j + 3];
            double[] x0 = blocks[base + j], x1 = blocks[base + j + 1], x2 = blocks[base + j + 2], x3 = blocks[base + j + 3];
            for (int i = 0; i < rows; i++) dot[i] += x0[i] * c0 + x1[i] * c1 + x2[i] * c2 + x3[i] * c3;
        }
        for (; j < d; j++) {
            double cj = centers[cb + j];
            double[] x = blocks[base + j];
            for (int i = 0; i < rows; i++) dot[i] += x[i] * cj;
        }
    }

    /** Σⱼ (x_ij − c_j)², j in order, for row i of the block at base: the value {@link #distances} gives. */
    private double distance(int base, int i, double[] centers, int c) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = blocks[base + j][i] - centers[c * d + j];
            s += e * e;
        }
        return s;
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
