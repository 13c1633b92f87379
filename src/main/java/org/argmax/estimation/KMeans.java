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
        return fit(data, k, seed, maxIterations, keepTrace, Simd.VECTOR);
    }

    /** As above, with the nearest centres from {@link LloydVector} or not (the same doubles either way). */
    static KMeansFit fit(double[][] data, int k, long seed, int maxIterations, boolean keepTrace, boolean vector) {
        MultivariateNormal.checkRows(data);
        if (k < 1) throw new EstimationException("the number of clusters must be at least 1, got " + k);
        if (data.length < k) throw new EstimationException("too few points for " + k + " clusters: got " + data.length);
        return lloyd(data, plusPlus(data, k, new Rng(seed)), maxIterations, keepTrace, vector);
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
        return lloyd(data, GmmParameters.deep(centers), maxIterations, true, Simd.VECTOR);
    }

    /**
     * Why one assignment step from {@code centers} is not clear-cut, or {@code null} when it is: a
     * centre that no point is nearest to (Lloyd's update is then undefined and every implementation
     * picks its own rule), or a point equally near two centres (the tie rule decides its cluster).
     * Exercises that teach the step by hand avoid such data.
     */
    public static String ambiguousAssignment(double[][] data, double[][] centers) {
        int[] count = new int[centers.length];
        for (int i = 0; i < data.length; i++) {
            int best = -1;
            double bestDist = Double.POSITIVE_INFINITY, second = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centers.length; c++) {
                double dist = squared(data[i], centers[c]);
                if (dist < bestDist) {
                    second = bestDist;
                    bestDist = dist;
                    best = c;
                } else if (dist < second) {
                    second = dist;
                }
            }
            if (second - bestDist <= 1e-9 * Math.max(1, bestDist)) return "point " + (i + 1) + " is equally near two centres";
            count[best]++;
        }
        for (int c = 0; c < centers.length; c++) {
            if (count[c] == 0) return "no point is nearest to centre " + (c + 1);
        }
        return null;
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

    private static KMeansFit lloyd(double[][] data, double[][] centers, int maxIterations, boolean keepTrace, boolean vector) {
        int n = data.length, k = centers.length, d = data[0].length;
        int[] assign = new int[n];
        LloydStep step = new LloydStep(data, k, assign, vector);
        List<KMeansFit.KMeansIteration> trace = new ArrayList<>();
        double inertia = step.run(centers);
        if (keepTrace) trace.add(new KMeansFit.KMeansIteration(0, inertia, centers));
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            double[][] next = new double[k][d];
            for (int c = 0; c < k; c++) {
                if (step.count[c] == 0) {
                    next[c] = data[farthest(data, centers, assign)].clone();
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

    private static int farthest(double[][] data, double[][] centers, int[] assign) {
        int far = 0;
        double max = -1;
        for (int i = 0; i < data.length; i++) {
            double dist = squared(data[i], centers[assign[i]]);
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
