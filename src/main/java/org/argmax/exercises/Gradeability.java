package org.argmax.exercises;

import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether an instance can be graded soundly, so that a learner who follows the lesson is marked
 * right and a learner who makes a named mistake hears about that mistake:
 * <ul>
 *   <li>every reference is a finite number inside its {@link AnswerDomain}, and its data is not degenerate for it
 *       ({@link References#unsound}: boundary estimates, empty k-means clusters, ties);</li>
 *   <li>no misconception or author mistake could be typed so that it is accepted as the right answer,
 *       and no two of them could be typed as the same value (their tolerance intervals are apart).</li>
 * </ul>
 * {@link InstanceFactory} draws other data until this holds.
 */
final class Gradeability {
    private Gradeability() {
    }

    /** Why the instance is not gradeable, or {@code null} when it is. */
    static String problem(ExerciseInstance instance, References references) {
        for (AnswerSpec a : instance.spec().answers()) {
            double[] reference = instance.references().get(a.name());
            if (reference == null) continue;
            for (double v : reference) {
                if (!Double.isFinite(v)) return "answer '" + a.name() + "': the reference is not a finite number";
            }
            String outside = references.domain(a.reference()).problem(reference, a.tolerance());
            if (outside != null) return "answer '" + a.name() + "': the reference is outside its own domain (" + outside + ")";
            String degenerate = references.unsound(a.reference(), instance.data());
            if (degenerate != null) return "answer '" + a.name() + "': " + degenerate;
            String clash = a.type().clash(a, instance, reference);
            if (clash != null) return "answer '" + a.name() + "': " + clash;
        }
        return null;
    }

    /** For answers compared number by number: no named mistake within the tolerance of the right answer or of another. */
    static String numericClash(AnswerSpec a, ExerciseInstance instance, double[] reference) {
        boolean unordered = a.grading() == ExerciseSpec.Grading.UNORDERED;
        List<MisconceptionValue> named = new ArrayList<>(instance.misconceptions().getOrDefault(a.name(), List.of()));
        named.addAll(instance.mistakes().getOrDefault(a.name(), List.of()));
        ToDoubleFunction<Double> gap = instance.likelihoodGaps().get(a.name());
        for (int i = 0; i < named.size(); i++) {
            MisconceptionValue m = named.get(i);
            if (m.value().length == 0) continue; // does not apply to this data
            for (double v : m.value()) {
                if (!Double.isFinite(v)) return "'" + m.name() + "' is not a finite number";
            }
            boolean mixedUp = gap != null
                    ? likelihoodOverlaps(m.value(), reference, a, gap)
                    : overlaps(order(m.value(), unordered), order(reference, unordered), a.tolerance());
            if (mixedUp) return "'" + m.name() + "' is within the tolerance of the right answer";
            for (int j = 0; j < i; j++) {
                MisconceptionValue other = named.get(j);
                if (other.value().length > 0 && overlaps(order(m.value(), unordered), order(other.value(), unordered), a.tolerance())) {
                    return "'" + m.name() + "' and '" + other.name() + "' are within each other's tolerance";
                }
            }
        }
        return null;
    }

    /** Vectors overlap when every component does (a typed vector is matched component by component). */
    static boolean overlaps(double[] a, double[] b, Tolerance tolerance) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (!tolerance.overlaps(a[i], b[i])) return false;
        }
        return true;
    }

    /**
     * For likelihood grading the accepted answers are {v : gap(v) ≤ tolerance}, an interval around the
     * MLE (the gap is unimodal); the mistake's interval must lie wholly outside it.
     */
    private static boolean likelihoodOverlaps(double[] mistake, double[] mle, AnswerSpec a, ToDoubleFunction<Double> gap) {
        if (mistake.length != 1) return false;
        double m = mistake[0], half = a.tolerance().allowance(m);
        double low = m - half, high = m + half;
        if (low <= mle[0] && mle[0] <= high) return true;
        return gap.applyAsDouble(low) <= a.likelihoodTolerance() || gap.applyAsDouble(high) <= a.likelihoodTolerance();
    }

    private static double[] order(double[] v, boolean unordered) {
        if (!unordered) return v;
        double[] copy = v.clone();
        Arrays.sort(copy);
        return copy;
    }
}
