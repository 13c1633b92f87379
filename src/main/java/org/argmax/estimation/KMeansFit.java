package org.argmax.estimation;

import java.util.List;

/**
 * K-means result: centres, the hard assignment of each point, the inertia Σᵢ ‖xᵢ − c(xᵢ)‖², and a
 * trace of the centres and inertia (entry 0 is the k-means++ start, then one per Lloyd iteration).
 */
public record KMeansFit(double[][] centers, int[] assignments, double inertia, int iterations, boolean converged,
                        List<KMeansIteration> trace) {
    public KMeansFit {
        centers = GmmParameters.deep(centers);
        assignments = assignments.clone();
        trace = List.copyOf(trace);
    }

    @Override
    public double[][] centers() {
        return GmmParameters.deep(centers);
    }

    @Override
    public int[] assignments() {
        return assignments.clone();
    }

    /** One Lloyd iteration: the centres used for assigning, and the inertia of that assignment. */
    public record KMeansIteration(int iteration, double inertia, double[][] centers) {
        public KMeansIteration {
            centers = GmmParameters.deep(centers);
        }

        @Override
        public double[][] centers() {
            return GmmParameters.deep(centers);
        }
    }
}
