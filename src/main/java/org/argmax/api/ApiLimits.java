package org.argmax.api;

import static org.argmax.api.JsonInput.bad;

/**
 * The estimate endpoint is public, so the work of the iterative fits is bounded: points ×
 * iterations × k × d² (GMM) or × k × d (k-means) at most {@value #MAX_WORK}, k ≤ {@value #MAX_K},
 * and a GMM trace of at most {@value #MAX_TRACE_NUMBERS} numbers.
 */
final class ApiLimits {
    static final long MAX_WORK = 20_000_000;
    static final int MAX_K = 10;
    static final int MAX_DIMENSION = 20;
    /** A trace entry holds k weights, k·d means and k·d² covariance entries; 500,000 numbers is about 10 MB of JSON. */
    static final long MAX_TRACE_NUMBERS = 500_000;
    /** Responsibilities are n × k numbers; above this many points they are left out of the answer. */
    static final int MAX_RESPONSIBILITY_ROWS = 10_000;

    private ApiLimits() {
    }

    static int dimension(double[][] data) {
        if (data.length == 0) throw bad("data is empty: give at least one point");
        int d = data[0].length;
        if (d == 0) throw bad("data row 1 is empty");
        if (d > MAX_DIMENSION) throw bad("points have " + d + " coordinates; at most " + MAX_DIMENSION + " here");
        return d;
    }

    static void limitWork(int n, int iterations, int k, long perComponent, String what, String factor) {
        if ((long) n * iterations * k * perComponent > MAX_WORK) {
            throw bad(n + " points × " + iterations + " " + what + " × " + factor + " = " + k * perComponent
                    + " is more work than this public endpoint does; use fewer points, iterations, components or dimensions (points × iterations × "
                    + factor + " ≤ " + MAX_WORK + ")");
        }
    }
}
