package org.argmax.exercises;

import net.objecthunter.exp4j.Expression;
import org.argmax.estimation.Rng;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Mistake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula in named variables ({@code k / n}). Two formulas are the same when they agree at many
 * points: the learner's own data and random values of the variables in 1..50 (seeded by the
 * instance, so grading is repeatable). The author's mistakes are formulas too.
 */
public final class FormulaAnswer implements AnswerType {
    private static final int TRIALS = 16;

    FormulaAnswer() {
    }

    @Override
    public String name() {
        return "formula";
    }

    @Override
    public boolean takesReference() {
        return false;
    }

    @Override
    public String referenceProblem(String reference, References references) {
        return "a formula answer is graded against 'expected:', not a reference";
    }

    @Override
    public List<String[]> specProblems(AnswerSpec a) {
        if (a.expected() == null) return List.<String[]>of(new String[]{"expected", "a formula answer needs 'expected:', the right formula"});
        String err = Formulas.validate(a.expected(), a.variables());
        return err == null ? List.of() : List.<String[]>of(new String[]{"expected", "the expected formula does not work: " + err});
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return Formulas.parse(raw, a.variables());
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        Expression learner = (Expression) value;
        List<Map<String, Double>> points = points(a, instance);
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

    @Override
    public String toleranceText(AnswerSpec a) {
        return "";
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return a.expected();
    }

    private static List<Map<String, Double>> points(AnswerSpec a, ExerciseInstance instance) {
        List<Map<String, Double>> points = new ArrayList<>();
        Map<String, Double> own = new HashMap<>();
        for (String v : a.variables()) own.put(v, instance.variables().getOrDefault(v, 7.0));
        points.add(own);
        Rng rng = new Rng(instance.seed() ^ a.name().hashCode());
        for (int i = 0; i < TRIALS; i++) {
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
}
