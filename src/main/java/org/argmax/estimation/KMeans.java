package org.argmax.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-means by Lloyd's algorithm from k-means++ centres (Arthur and Vassilvitskii, 2007), seeded.
 * It is hard EM: the assignment step is an E-step with 0/1 responsibilities, the update step an
 * M-step for the means; the inertia never increases. An empty cluster takes the point farthest
 * from its centre (deterministic).
 */
public final class KMeans {
    private KMeans() {
    }

    public static KMeansFit fit(double[][] data, int k, long seed, int maxIterations, boolean keepTrace) {
        MultivariateNormal.checkRows(data);
        if (k < 1) throw new EstimationException("the number of clusters must be at least 1, got " + k);
        if (data.length < k) throw new EstimationException("too few points for " + k + " clusters: got " + data.length);
        return lloyd(data, plusPlus(data, k, new Rng(seed)), maxIterations, keepTrace);
    }

    public static KMeansFit fit(double[] data, int k, long seed, int maxIterations) {
        return fit(GaussianMixture.column(data), k, seed, maxIterations, true);
    }

    /** Lloyd's iterations from given centres (used by exercises that start from a given guess). */
    public static KMeansFit fromCenters(double[][] data, double[][] centers, int maxIterations) {
        int d = MultivariateNormal.checkRows(data);
        for (int c = 0; c < centers.length; c++) {
            if (centers[c].length != d) throw new EstimationException("centre " + (c + 1) + " has " + centers[c].length + " values but the data has " + d + " columns");
        }
        return lloyd(data, GmmParameters.deep(centers), maxIterations, true);
    }

    /** k-means++: the first centre uniformly, each next one with probability ∝ squared distance to the nearest. */
    static double[][] plusPlus(double[][] data, int k, Rng rng) {
        int n = data.length;
        double[][] centers = new double[k][];
        centers[0] = data[rng.nextInt(n)].clone();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], squared(data[i], centers[c - 1]));
                total += dist[i];
            }
            int chosen = n - 1;
            if (total > 0) {
                double target = rng.uniform() * total, cumulative = 0;
                for (int i = 0; i < n; i++) {
                    cumulative += dist[i];
                    if (cumulative > target) {
                        chosen = i;
                        break;
                    }
                }
            } else {
                chosen = rng.nextInt(n);
            }
            centers[c] = data[chosen].clone();
        }
        return centers;
    }

    /** Points per chunk of the assignment step is n / CHUNKS; below PARALLEL_THRESHOLD points, one chunk. */
    private static final int CHUNKS = 8;
    private static final int PARALLEL_THRESHOLD = 20_000;

    private static KMeansFit lloyd(double[][] data, double[][] centers, int maxIterations, boolean keepTrace) {
        int n = data.length, k = centers.length, d = data[0].length;
        double[] points = new double[n * d]; // row-major copy: the passes stream it instead of chasing n row arrays
        for (int i = 0; i < n; i++) System.arraycopy(data[i], 0, points, i * d, d);
        int[] assign = new int[n];
        Assignment step = new Assignment(points, n, k, d, assign);
        List<KMeansFit.KMeansIteration> trace = new ArrayList<>();
        double inertia = step.run(centers);
        if (keepTrace) trace.add(new KMeansFit.KMeansIteration(0, inertia, centers));
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            double[][] next = new double[k][d];
            for (int c = 0; c < k; c++) {
                if (step.count[c] == 0) {
                    next[c] = data[farthest(points, d, centers, assign)].clone();
                } else {
                    for (int j = 0; j < d; j++) next[c][j] = step.sum[c * d + j] / step.count[c];
                }
            }
            it++;
            double[][] previous = centers;
            centers = next;
            inertia = step.run(centers);
            if (keepTrace) trace.add(new KMeansFit.KMeansIteration(it, inertia, centers));
            if (Arrays.deepEquals(previous, centers)) {
                converged = true;
                break;
            }
        }
        return new KMeansFit(centers, assign, inertia, it, converged, trace);
    }

    /**
     * The assignment step fused with the sums of the next update step: every point goes to its nearest
     * centre (ties: the lower index) and is added to that cluster's sum. Fixed chunks of points, their
     * sums merged in chunk order, so the result does not depend on the number of threads.
     */
    private static final class Assignment {
        private final double[] points;
        private final int n, k, d, chunks, size;
        private final int[] assign;
        private final double[][] chunkSums;
        private final int[][] chunkCounts;
        private final double[] chunkInertia;
        final double[] sum;
        final int[] count;

        Assignment(double[] points, int n, int k, int d, int[] assign) {
            this.points = points;
            this.n = n;
            this.k = k;
            this.d = d;
            this.assign = assign;
            chunks = n < PARALLEL_THRESHOLD ? 1 : CHUNKS;
            size = (n + chunks - 1) / chunks;
            chunkSums = new double[chunks][k * d];
            chunkCounts = new int[chunks][k];
            chunkInertia = new double[chunks];
            sum = new double[k * d];
            count = new int[k];
        }

        /** Assigns every point, fills sum and count, returns the inertia. */
        double run(double[][] centers) {
            double[] flat = new double[k * d];
            for (int c = 0; c < k; c++) System.arraycopy(centers[c], 0, flat, c * d, d);
            java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
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
            int from = ch * size, to = Math.min(n, from + size);
            double[] sums = chunkSums[ch];
            int[] counts = chunkCounts[ch];
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            double inertia = 0;
            for (int i = from; i < to; i++) {
                int o = i * d;
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                int c = 0;
                // four centres at a time, each distance Σⱼ (xⱼ − cⱼ)² summed over j in order (as squared()),
                // in registers; compared in index order with a strict <, so ties go to the lower index
                for (; c + 4 <= k; c += 4) {
                    int o0 = c * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int j = 0; j < d; j++) {
                        double x = points[o + j];
                        double e0 = x - centers[o0 + j], e1 = x - centers[o1 + j], e2 = x - centers[o2 + j], e3 = x - centers[o3 + j];
                        s0 += e0 * e0;
                        s1 += e1 * e1;
                        s2 += e2 * e2;
                        s3 += e3 * e3;
                    }
                    if (s0 < bestDist) {
                        bestDist = s0;
                        best = c;
                    }
                    if (s1 < bestDist) {
                        bestDist = s1;
                        best = c + 1;
                    }
                    if (s2 < bestDist) {
                        bestDist = s2;
                        best = c + 2;
                    }
                    if (s3 < bestDist) {
                        bestDist = s3;
                        best = c + 3;
                    }
                }
                for (; c < k; c++) {
                    double s0 = 0;
                    for (int j = 0, oc = c * d; j < d; j++) {
                        double e = points[o + j] - centers[oc + j];
                        s0 += e * e;
                    }
                    if (s0 < bestDist) {
                        bestDist = s0;
                        best = c;
                    }
                }
                assign[i] = best;
                inertia += bestDist;
                counts[best]++;
                int s = best * d;
                for (int j = 0; j < d; j++) sums[s + j] += points[o + j];
            }
            chunkInertia[ch] = inertia;
        }
    }

    private static int farthest(double[] points, int d, double[][] centers, int[] assign) {
        int far = 0;
        double max = -1;
        for (int i = 0; i < assign.length; i++) {
            double[] center = centers[assign[i]];
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double diff = points[i * d + j] - center[j];
                dist += diff * diff;
            }
            if (dist > max) {
                max = dist;
                far = i;
            }
        }
        return far;
    }

    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }
}
