package org.argmax.exercises;

import org.argmax.content.ContentProblem;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} verifies beyond the schema: for many seeds every reference computes to a
 * finite value inside its {@link AnswerDomain}, and no misconception or author mistake lands within the tolerance of the right
 * answer (the feedback would then be ambiguous). Problems name the file, the answer's line and the seed.
 */
public final class ExerciseChecker {
    public static final int DEFAULT_SEEDS = 200;

    private final InstanceFactory factory = new InstanceFactory();

    public List<ContentProblem> check(Map<String, ExerciseSpec> specs, int seeds) {
        List<ContentProblem> problems = new ArrayList<>();
        for (ExerciseSpec spec : specs.values()) problems.addAll(check(spec, seeds));
        return problems;
    }

    /**
     * The quick check run whenever the course is loaded: the data and every reference compute on a
     * few seeds (a range that makes every draw fail, such as p: [2, 3], is caught before learners see
     * it). Ambiguous feedback is left to the full {@code check}.
     */
    public List<ContentProblem> computable(Map<String, ExerciseSpec> specs, int seeds) {
        List<ContentProblem> problems = new ArrayList<>();
        for (ExerciseSpec spec : specs.values()) problems.addAll(check(spec, seeds, false));
        return problems;
    }

    public List<ContentProblem> check(ExerciseSpec spec, int seeds) {
        return check(spec, seeds, true);
    }

    private List<ContentProblem> check(ExerciseSpec spec, int seeds, boolean ambiguity) {
        List<ContentProblem> problems = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            ExerciseInstance instance;
            try {
                instance = factory.create(spec, seed);
            } catch (RuntimeException e) {
                problems.add(new ContentProblem(spec.source(), spec.line(), "the data or a reference cannot be computed for seed " + seed + ": " + e.getMessage()));
                break;
            }
            for (AnswerSpec a : spec.answers()) {
                String problem = checkAnswer(a, instance, ambiguity);
                if (problem != null) {
                    problems.add(new ContentProblem(spec.source(), a.line(), "answer '" + a.name() + "', seed " + seed + ": " + problem));
                    return problems; // one counter-example per exercise is enough to act on
                }
            }
        }
        return problems;
    }

    private static String checkAnswer(AnswerSpec a, ExerciseInstance instance, boolean ambiguity) {
        double[] reference = instance.references().get(a.name());
        if (reference == null) return null;
        for (double v : reference) if (!Double.isFinite(v)) return "the reference '" + a.reference() + "' is not a finite number";
        if (!ReferenceDomains.declares(a.reference())) return "the reference '" + a.reference() + "' has no answer domain (ReferenceDomains)";
        String outside = References.domain(a.reference()).problem(reference, a.tolerance());
        if (outside != null) {
            return "the reference '" + a.reference() + "' gives " + DataPreview.format(reference)
                    + ", outside its own domain, so the right answer would be refused as invalid: " + outside;
        }
        if (!ambiguity) return null;
        for (MisconceptionValue m : instance.misconceptions().getOrDefault(a.name(), List.of())) {
            for (double v : m.value()) if (!Double.isFinite(v)) return "misconception '" + m.name() + "' is not a finite number";
            if (Grader.close(m.value(), reference, a.tolerance())) {
                return "misconception '" + m.name() + "' gives " + DataPreview.format(m.value()) + ", within the tolerance of the right answer "
                        + DataPreview.format(reference) + ", so its feedback would be ambiguous";
            }
        }
        for (ExerciseSpec.Mistake m : a.mistakes()) {
            double v = Formulas.evaluate(Formulas.parse(m.formula(), instance.variables().keySet()), instance.variables());
            if (reference.length == 1 && Double.isFinite(v) && a.tolerance().accepts(v, reference[0])) {
                return "mistake '" + m.name() + "' gives " + DataPreview.format(v) + ", within the tolerance of the right answer "
                        + DataPreview.format(reference);
            }
        }
        return null;
    }
}
