package org.argmax.exercises;

import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * Grading shared by the kinds whose answer is numbers compared with a reference (number, vector,
 * interval): within the tolerance (or, for likelihood grading, a log-likelihood within its tolerance
 * of the maximum) is right; otherwise the misconceptions and then the author's mistakes are tried in
 * the author's order, so a recognised slip gets its own message. A wrong typed number graded by value
 * is told whether it is too high or too low; a slider or likelihood-graded answer only that it is not
 * within the tolerance.
 */
final class NumericGrading {
    private NumericGrading() {
    }

    static Grade.AnswerVerdict grade(AnswerSpec a, String given, double[] typed, ExerciseInstance instance) {
        boolean unordered = a.grading() == ExerciseSpec.Grading.UNORDERED;
        double[] answer = order(typed, unordered);
        double[] reference = order(instance.references().get(a.name()), unordered);
        ToDoubleFunction<Double> gap = instance.likelihoodGaps().get(a.name());
        if (gap != null) {
            if (gap.applyAsDouble(answer[0]) <= a.likelihoodTolerance()) {
                return new Grade.AnswerVerdict(a.name(), given, true, null,
                        "Correct: the log-likelihood at your value is within " + a.likelihoodTolerance() + " of its maximum.");
            }
        } else if (close(answer, reference, a.tolerance())) {
            return new Grade.AnswerVerdict(a.name(), given, true, null, "Correct.");
        }
        Grade.AnswerVerdict named = namedMistake(a, given, typed, instance);
        if (named != null) return named;
        // a slider or a likelihood-graded answer hears only whether it is within the tolerance: "too high / too low"
        // would let a learner find the answer by bisection in a few tries, without reading the likelihood
        boolean saysDirection = answer.length == 1 && reference.length == 1 && gap == null
                && a.grading() != ExerciseSpec.Grading.LIKELIHOOD && !a.input().isSlider();
        String direction = saysDirection ? (answer[0] > reference[0] ? " Your value is too high." : " Your value is too low.") : "";
        String how = gap != null ? "the log-likelihood at your value is more than " + a.likelihoodTolerance() + " below its maximum."
                : "that is not " + a.tolerance().describe() + " of the answer.";
        return new Grade.AnswerVerdict(a.name(), given, false, null, "Not quite: " + how + direction);
    }

    /** The misconception or author mistake that predicts {@code typed} (built-in ones first), or null. An empty value does not apply. */
    static Grade.AnswerVerdict namedMistake(AnswerSpec a, String given, double[] typed, ExerciseInstance instance) {
        boolean unordered = a.grading() == ExerciseSpec.Grading.UNORDERED;
        double[] answer = order(typed, unordered);
        for (MisconceptionValue m : named(a, instance)) {
            if (close(answer, order(m.value(), unordered), a.tolerance())) {
                return new Grade.AnswerVerdict(a.name(), given, false, m.name(), m.message());
            }
        }
        return null;
    }

    /** Built-in misconceptions, then the author's mistakes, with their values on this instance. */
    static List<MisconceptionValue> named(AnswerSpec a, ExerciseInstance instance) {
        List<MisconceptionValue> named = new ArrayList<>(instance.misconceptions().getOrDefault(a.name(), List.of()));
        named.addAll(instance.mistakes().getOrDefault(a.name(), List.of()));
        return named;
    }

    /** Outside the reference's domain, unless a named mistake of the answer predicts the value (an anticipated slip). */
    static String outsideDomain(AnswerSpec a, double[] numbers, ExerciseInstance instance, References references) {
        String problem = references.domain(a.reference()).problem(numbers, a.tolerance());
        if (problem == null) return null;
        return namedMistake(a, a.name(), numbers, instance) != null ? null : problem;
    }

    static boolean close(double[] answer, double[] reference, Tolerance tolerance) {
        if (answer.length != reference.length) return false;
        for (int i = 0; i < answer.length; i++) {
            if (!tolerance.accepts(answer[i], reference[i])) return false;
        }
        return true;
    }

    static double[] order(double[] v, boolean unordered) {
        if (!unordered) return v;
        double[] copy = v.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Numbers as the site shows them and a learner would type them back: six significant figures. */
    static String typed(double[] values, String separator) {
        StringJoiner out = new StringJoiner(separator);
        for (double v : values) out.add(DataPreview.format(v));
        return out.toString();
    }

    static String referenceShapeProblem(String reference, boolean vector, References references) {
        if (!references.contains(reference)) return null; // the loader reports unknown names with a suggestion
        if (references.isVector(reference) == vector) return null;
        return "reference '" + reference + "' gives " + (references.isVector(reference) ? "a vector: use type: vector" : "one number: use type: number");
    }
}
