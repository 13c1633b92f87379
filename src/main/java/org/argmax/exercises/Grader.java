package org.argmax.exercises;

import net.objecthunter.exp4j.Expression;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Choice;
import org.argmax.exercises.ExerciseSpec.Mistake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Grades a submission against an {@link ExerciseInstance}: the reference within tolerance (or, for
 * likelihood grading, a log-likelihood within tolerance of the maximum), then the misconceptions
 * in the author's order, then the author's own mistakes. Input that is not an answer at all
 * (unreadable, the wrong number of values, outside the reference's {@link AnswerDomain}) throws
 * {@link InvalidAnswerException} naming every field's problem before anything is graded, so it
 * costs no attempt. A value outside the domain that a misconception or author mistake of the answer
 * predicts (forgetting the log makes a log-likelihood positive) is graded as that named mistake:
 * it is an anticipated slip with its own feedback, not a typo.
 */
public final class Grader {
    private static final int FORMULA_TRIALS = 16;

    public Grade grade(ExerciseInstance instance, Map<String, String> submitted) {
        Map<String, Object> parsed = new HashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (AnswerSpec a : instance.spec().answers()) {
            try {
                Object value = parse(a, submitted.get(a.name()), instance);
                String outside = outsideDomain(a, value, instance);
                if (outside != null) problems.put(a.name(), outside);
                else parsed.put(a.name(), value);
            } catch (InvalidAnswerException e) {
                problems.put(a.name(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new InvalidAnswerException(problems, instance.spec().answers().size() > 1);
        List<Grade.AnswerVerdict> verdicts = new ArrayList<>();
        for (AnswerSpec a : instance.spec().answers()) {
            verdicts.add(verdict(a, submitted.get(a.name()).strip(), parsed.get(a.name()), instance));
        }
        long right = verdicts.stream().filter(Grade.AnswerVerdict::correct).count();
        return new Grade(verdicts, right == verdicts.size(), (double) right / verdicts.size());
    }

    /** The domain of a number or vector answer is its reference's; formulas and choices have none. */
    static AnswerDomain domainOf(AnswerSpec a) {
        return a.reference() == null ? AnswerDomain.real("a number") : References.domain(a.reference());
    }

    /** Null when {@code value} may be graded; otherwise why it is not an answer to {@code a}. */
    private static String outsideDomain(AnswerSpec a, Object value, ExerciseInstance instance) {
        double[] numbers = switch (a.type()) {
            case NUMBER -> new double[]{(Double) value};
            case VECTOR -> (double[]) value;
            case FORMULA, CHOICE -> null;
        };
        if (numbers == null) return null;
        String problem = domainOf(a).problem(numbers, a.tolerance());
        if (problem == null) return null;
        return namedMistake(a, a.name(), numbers, instance) != null ? null : problem;
    }

    /** Longer than any honest answer; the stored answers must fit their column (4,000 characters). */
    static final int MAX_ANSWER_LENGTH = 500;

    private static Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        if (raw != null && raw.length() > MAX_ANSWER_LENGTH) {
            throw new InvalidAnswerException("That answer is " + raw.length() + " characters long; answers are at most " + MAX_ANSWER_LENGTH + ".");
        }
        return switch (a.type()) {
            case NUMBER -> AnswerParser.number(raw);
            case VECTOR -> AnswerParser.vector(raw, instance.references().get(a.name()).length);
            case FORMULA -> Formulas.parse(raw, a.variables());
            case CHOICE -> {
                try {
                    int i = Integer.parseInt(raw == null ? "" : raw.strip());
                    if (i < 0 || i >= a.choices().size()) throw new NumberFormatException();
                    yield i;
                } catch (NumberFormatException e) {
                    throw new InvalidAnswerException("Pick one of the options.");
                }
            }
        };
    }

    private Grade.AnswerVerdict verdict(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        return switch (a.type()) {
            case NUMBER -> numeric(a, given, new double[]{(Double) value}, instance);
            case VECTOR -> numeric(a, given, (double[]) value, instance);
            case FORMULA -> formula(a, given, (Expression) value, instance);
            case CHOICE -> {
                int index = (Integer) value;
                Choice c = a.choices().get(index);
                String msg = c.correct() ? "Correct." : (c.feedback().isEmpty() ? "That is not the right option." : c.feedback());
                // a wrong option is a named mistake too, so the instructor sees which one learners pick
                yield new Grade.AnswerVerdict(a.name(), c.text(), c.correct(), c.correct() ? null : "option-" + (index + 1), msg);
            }
        };
    }

    private Grade.AnswerVerdict numeric(AnswerSpec a, String given, double[] typed, ExerciseInstance instance) {
        // "unordered": components of a mixture may be listed in any order (label switching is not an error)
        boolean unordered = a.grading().equals("unordered");
        double[] answer = unordered ? sorted(typed) : typed;
        double[] reference = unordered ? sorted(instance.references().get(a.name())) : instance.references().get(a.name());
        ToDoubleFunction<Double> gap = instance.likelihoodGaps().get(a.name());
        if (gap != null) {
            double g = gap.applyAsDouble(answer[0]);
            if (g <= a.likelihoodTolerance()) {
                return new Grade.AnswerVerdict(a.name(), given, true, null,
                        "Correct: the log-likelihood at your value is within " + a.likelihoodTolerance() + " of its maximum.");
            }
        } else if (close(answer, reference, a.tolerance())) {
            return new Grade.AnswerVerdict(a.name(), given, true, null, "Correct.");
        }
        Grade.AnswerVerdict named = namedMistake(a, given, typed, instance);
        if (named != null) return named;
        String direction = answer.length == 1 && reference.length == 1
                ? (answer[0] > reference[0] ? " Your value is too high." : " Your value is too low.") : "";
        String how = gap != null ? "the log-likelihood at your value is more than " + a.likelihoodTolerance() + " below its maximum."
                : "that is not " + a.tolerance().describe() + " of the answer.";
        return new Grade.AnswerVerdict(a.name(), given, false, null, "Not quite: " + how + direction);
    }

    /**
     * The misconception or author mistake that predicts {@code typed} (built-in misconceptions first,
     * then the author's mistakes, each in the author's order), or null. An empty value does not apply.
     */
    private static Grade.AnswerVerdict namedMistake(AnswerSpec a, String given, double[] typed, ExerciseInstance instance) {
        boolean unordered = a.grading().equals("unordered");
        double[] answer = unordered ? sorted(typed) : typed;
        List<MisconceptionValue> named = new ArrayList<>(instance.misconceptions().getOrDefault(a.name(), List.of()));
        named.addAll(instance.mistakes().getOrDefault(a.name(), List.of()));
        for (MisconceptionValue m : named) {
            if (close(answer, unordered ? sorted(m.value()) : m.value(), a.tolerance())) {
                return new Grade.AnswerVerdict(a.name(), given, false, m.name(), m.message());
            }
        }
        return null;
    }

    static boolean close(double[] answer, double[] reference, Tolerance tolerance) {
        if (answer.length != reference.length) return false;
        for (int i = 0; i < answer.length; i++) {
            if (!tolerance.accepts(answer[i], reference[i])) return false;
        }
        return true;
    }

    /**
     * Two formulas are the same when they agree at many points: the learner's own data and random
     * values of the variables in 1..50 (seeded by the exercise, so grading is repeatable).
     */
    private Grade.AnswerVerdict formula(AnswerSpec a, String given, Expression learner, ExerciseInstance instance) {
        List<Map<String, Double>> points = formulaPoints(a, instance);
        if (agrees(learner, Formulas.parse(a.expected(), a.variables()), points)) {
            return new Grade.AnswerVerdict(a.name(), given, true, null, "Correct.");
        }
        for (Mistake m : a.mistakes()) {
            if (agrees(learner, Formulas.parse(m.formula(), a.variables()), points)) {
                return new Grade.AnswerVerdict(a.name(), given, false, m.name(), m.message());
            }
        }
        return new Grade.AnswerVerdict(a.name(), given, false, null, "Not quite: your formula gives other values than the right one.");
    }

    private static List<Map<String, Double>> formulaPoints(AnswerSpec a, ExerciseInstance instance) {
        List<Map<String, Double>> points = new ArrayList<>();
        Map<String, Double> own = new HashMap<>();
        for (String v : a.variables()) own.put(v, instance.variables().getOrDefault(v, 7.0));
        points.add(own);
        org.argmax.estimation.Rng rng = new org.argmax.estimation.Rng(instance.seed() ^ a.name().hashCode());
        for (int i = 0; i < FORMULA_TRIALS; i++) {
            Map<String, Double> p = new HashMap<>();
            for (String v : a.variables()) p.put(v, 1 + Math.floor(rng.uniform() * 50) + (i % 2 == 0 ? 0 : rng.uniform()));
            points.add(p);
        }
        return points;
    }

    private static boolean agrees(Expression x, Expression y, List<Map<String, Double>> points) {
        int compared = 0;
        for (Map<String, Double> p : points) {
            double a = Formulas.evaluate(x, p);
            double b = Formulas.evaluate(y, p);
            if (!Double.isFinite(b)) continue;
            if (!Double.isFinite(a)) return false;
            if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) return false;
            compared++;
        }
        return compared >= 5;
    }

    private static double[] sorted(double[] v) {
        double[] copy = v.clone();
        Arrays.sort(copy);
        return copy;
    }
}
