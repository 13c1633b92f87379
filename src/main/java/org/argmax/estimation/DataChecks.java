package org.argmax.estimation;

/** Input checks at the door, with messages a learner understands; positions are 1-based. */
final class DataChecks {
    private DataChecks() {
    }

    static void nonEmpty(double[] x, String family) {
        if (x == null || x.length == 0) throw new EstimationException(family + " data is empty: give at least one value");
    }

    static void finite(double[] x, String family) {
        nonEmpty(x, family);
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) throw new EstimationException(family + " data must be numbers; value " + (i + 1) + " is not a number");
            if (Double.isInfinite(x[i])) throw new EstimationException(family + " data must be finite; value " + (i + 1) + " is " + (x[i] > 0 ? "infinity" : "minus infinity"));
        }
    }

    static void binary(double[] x, String family) {
        finite(x, family);
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0 && x[i] != 1) throw new EstimationException(family + " data must be 0 or 1; value " + (i + 1) + " is " + show(x[i]));
        }
    }

    static void counts(double[] x, String family) {
        finite(x, family);
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || x[i] != Math.rint(x[i])) {
                throw new EstimationException(family + " data must be non-negative whole numbers; value " + (i + 1) + " is " + show(x[i]));
            }
        }
    }

    static void positive(double[] x, String family) {
        finite(x, family);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0) throw new EstimationException(family + " data must be greater than 0; value " + (i + 1) + " is " + show(x[i]));
        }
    }

    static void openUnit(double[] x, String family) {
        finite(x, family);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0 || x[i] >= 1) throw new EstimationException(family + " data must lie strictly between 0 and 1; value " + (i + 1) + " is " + show(x[i]));
        }
    }

    static void atLeast(double[] x, int n, String what) {
        if (x.length < n) throw new EstimationException("need at least " + n + " values to estimate " + what + ", got " + x.length);
    }

    static double positiveParameter(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) throw new EstimationException(name + " must be a positive number, got " + show(v));
        return v;
    }

    static double probabilityParameter(double v, String name) {
        if (!(v >= 0 && v <= 1)) throw new EstimationException(name + " must be a probability between 0 and 1, got " + show(v));
        return v;
    }

    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }
}
