package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Error carried forward, for exercises that build up: an answer with {@code uses: {p: theta_hat}}
 * computes its reference from the earlier answer {@code theta_hat}. When the learner's
 * {@code theta_hat} was wrong (but an answer: invalid input never gets this far), the later answer is
 * graded a second time, against the instance with the learner's value in place of the right one, so
 * one slip costs one part, not every part after it. The later answer is right when it matches either
 * reference; its feedback says which value it was graded with. When the learner's value gives no
 * reference an answer can have (not finite, outside the reference's domain), the answer keeps its
 * ordinary verdict.
 */
final class CarriedForward {
    private CarriedForward() {
    }

    /** The verdicts with every wrong answer that uses a wrong earlier answer graded again with the learner's values. */
    static List<Grade.AnswerVerdict> regrade(InstanceFactory factory, References references, ExerciseInstance instance, Map<String, Object> parsed, List<Grade.AnswerVerdict> verdicts) {
        List<AnswerSpec> answers = instance.spec().answers();
        if (!instance.spec().buildsUp()) return verdicts;
        Map<String, Grade.AnswerVerdict> original = new HashMap<>();
        for (Grade.AnswerVerdict v : verdicts) original.put(v.name(), v);
        List<Grade.AnswerVerdict> out = new ArrayList<>(verdicts);
        for (int i = 0; i < answers.size(); i++) {
            AnswerSpec a = answers.get(i);
            if (a.uses().isEmpty() || out.get(i).correct()) continue;
            Map<String, Double> carried = new LinkedHashMap<>();
            StringJoiner yours = new StringJoiner(" and ");
            a.uses().forEach((quantity, from) -> {
                // right earlier answers are used at their exact reference; only a wrong one is carried
                if (!original.get(from).correct() && parsed.get(from) instanceof Double value) {
                    carried.put(quantity, value);
                    yours.add(from + " = " + DataPreview.format(value));
                }
            });
            if (carried.isEmpty()) continue;
            Grade.AnswerVerdict v = gradeWith(factory, references, a, out.get(i).given(), parsed.get(a.name()), instance, carried);
            if (v == null) continue;
            String note = "graded with your " + yours;
            out.set(i, v.correct()
                    ? new Grade.AnswerVerdict(a.name(), v.given(), true, null,
                            "Correct, " + note + " (the error there is carried forward, not counted twice).")
                    : new Grade.AnswerVerdict(a.name(), v.given(), false, v.rule(), v.message() + " (This part was " + note + ".)"));
        }
        return out;
    }

    /** {@code a} graded against the instance with the carried values, or null when they give no sound reference. */
    private static Grade.AnswerVerdict gradeWith(InstanceFactory factory, References references, AnswerSpec a, String given, Object value,
                                                 ExerciseInstance instance, Map<String, Double> carried) {
        ExerciseInstance with = reference(factory, references, instance, a, carried);
        return with == null ? null : a.type().grade(a, given, value, with);
    }

    /**
     * The instance with the carried values, when {@code a}'s reference there is finite and inside its
     * domain; otherwise null (the learner's earlier value cannot be carried: the answer is graded as usual).
     */
    static ExerciseInstance reference(InstanceFactory factory, References references, ExerciseInstance instance, AnswerSpec a,
                                      Map<String, Double> carried) {
        ExerciseInstance with;
        try {
            with = factory.carried(instance, carried);
        } catch (RuntimeException cannotCompute) {
            return null;
        }
        double[] reference = with.references().get(a.name());
        for (double v : reference) if (!Double.isFinite(v)) return null;
        return references.domain(a.reference()).problem(reference, a.tolerance()) == null ? with : null;
    }
}
