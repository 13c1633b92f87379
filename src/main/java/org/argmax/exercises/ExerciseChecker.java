package org.argmax.exercises;

import org.argmax.content.ContentProblem;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} verifies beyond the schema, for many seeds: each seed yields a gradeable
 * instance ({@link InstanceFactory} draws again on degenerate data; an exercise whose ranges give
 * none within {@link InstanceFactory#MAX_DRAWS} draws is a content problem), and the grader, fed
 * what a learner would type, marks the right answer right and names every misconception and author
 * mistake. Problems name the file, the answer's line and the seed.
 */
public final class ExerciseChecker {
    public static final int DEFAULT_SEEDS = 2000;

    private final InstanceFactory factory;
    private final Grader grader;
    private final References references;

    public ExerciseChecker(References references, Misconceptions misconceptions) {
        this.references = references;
        this.factory = new InstanceFactory(references, misconceptions);
        this.grader = new Grader(references);
    }

    /** The problems found, and per exercise the share of seeds whose first data set was drawn again. */
    public record Report(List<ContentProblem> problems, Map<String, Double> redrawn) {
    }

    public List<ContentProblem> check(Map<String, ExerciseSpec> specs, int seeds) {
        return report(specs, seeds).problems();
    }

    public Report report(Map<String, ExerciseSpec> specs, int seeds) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Double> redrawn = new LinkedHashMap<>();
        for (ExerciseSpec spec : specs.values()) {
            int[] redraws = new int[1];
            problems.addAll(check(spec, seeds, true, redraws));
            redrawn.put(spec.id(), (double) redraws[0] / seeds);
        }
        return new Report(problems, redrawn);
    }

    /**
     * The quick check run whenever the course is loaded: a gradeable instance exists for a few seeds
     * (a range that makes every draw fail, such as p: [2, 3], is caught before learners see it).
     * The walk through the grader is left to the full {@code check}.
     */
    public List<ContentProblem> computable(Map<String, ExerciseSpec> specs, int seeds) {
        List<ContentProblem> problems = new ArrayList<>();
        for (ExerciseSpec spec : specs.values()) {
            try {
                problems.addAll(check(spec, seeds, false, new int[1]));
            } catch (Throwable t) { // a failure nothing foresaw must not stop the course from loading with file and line
                problems.add(ContentProblem.unexpected(spec.source(), spec.line(), t));
            }
        }
        return problems;
    }

    public List<ContentProblem> check(ExerciseSpec spec, int seeds) {
        return check(spec, seeds, true, new int[1]);
    }

    private List<ContentProblem> check(ExerciseSpec spec, int seeds, boolean walk, int[] redraws) {
        List<ContentProblem> problems = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            ExerciseInstance instance;
            try {
                instance = factory.create(spec, seed);
            } catch (UngradeableException e) {
                problems.add(new ContentProblem(spec.source(), spec.line(), e.getMessage()));
                break;
            }
            if (instance.draws() > 0) redraws[0]++;
            if (!walk) continue;
            ContentProblem problem = walk(instance);
            if (problem != null) {
                problems.add(problem);
                break; // one counter-example per exercise is enough to act on
            }
        }
        return problems;
    }

    /**
     * Submits what a learner would type (six significant figures, as the site shows numbers): the
     * right answers must be graded correct, and each named mistake in place of one answer must be
     * recognised by name.
     */
    ContentProblem walk(ExerciseInstance instance) {
        ExerciseSpec spec = instance.spec();
        Map<String, String> right = new LinkedHashMap<>();
        for (AnswerSpec a : spec.answers()) right.put(a.name(), rightAnswer(a, instance));
        Grade grade = grader.grade(instance, right);
        for (Grade.AnswerVerdict v : grade.answers()) {
            if (!v.correct()) {
                return problem(spec, v.name(), instance, "the right answer typed as '" + v.given() + "' is graded wrong: " + v.message());
            }
        }
        for (AnswerSpec a : spec.answers()) {
            List<MisconceptionValue> named = new ArrayList<>(instance.misconceptions().getOrDefault(a.name(), List.of()));
            named.addAll(instance.mistakes().getOrDefault(a.name(), List.of()));
            for (MisconceptionValue m : named) {
                if (m.value().length == 0) continue;
                Map<String, String> typed = new LinkedHashMap<>(right);
                typed.put(a.name(), a.type().typed(a, m.value(), instance));
                Grade.AnswerVerdict v;
                try {
                    v = grader.grade(instance, typed).answers().stream().filter(x -> x.name().equals(a.name())).findFirst().orElseThrow();
                } catch (InvalidAnswerException e) {
                    continue; // outside the answer's domain: the learner is told that instead, at no cost
                }
                if (!m.name().equals(v.rule())) {
                    return problem(spec, a.name(), instance, "'" + m.name() + "' typed as '" + typed.get(a.name()) + "' is graded "
                            + (v.correct() ? "correct" : v.rule() == null ? "wrong with no named feedback" : "as '" + v.rule() + "'"));
                }
            }
        }
        return spec.buildsUp() ? walkCarriedForward(instance, right) : null;
    }

    /**
     * For an answer that uses an earlier one: with each named mistake typed in the earlier answer, the
     * later answer computed from that wrong value (error carried forward) must be graded right.
     */
    private ContentProblem walkCarriedForward(ExerciseInstance instance, Map<String, String> right) {
        ExerciseSpec spec = instance.spec();
        for (AnswerSpec later : spec.answers()) {
            for (var use : later.uses().entrySet()) {
                AnswerSpec earlier = spec.answers().stream().filter(e -> e.name().equals(use.getValue())).findFirst().orElseThrow();
                for (MisconceptionValue m : NumericGrading.named(earlier, instance)) {
                    if (m.value().length != 1) continue;
                    String wrong = NumericGrading.typed(m.value(), ", ");
                    double value = AnswerParser.number(wrong);
                    if (references.domain(earlier.reference()).problem(new double[]{value}, earlier.tolerance()) != null) continue;
                    ExerciseInstance carried = CarriedForward.reference(factory, references, instance, later, Map.of(use.getKey(), value));
                    if (carried == null) continue; // no reference at the learner's value: graded as usual
                    Map<String, String> typed = new LinkedHashMap<>(right);
                    typed.put(earlier.name(), wrong);
                    typed.put(later.name(), later.type().typedRightAnswer(later, carried));
                    Grade.AnswerVerdict v;
                    try {
                        v = grader.grade(instance, typed).answers().stream().filter(x -> x.name().equals(later.name())).findFirst().orElseThrow();
                    } catch (InvalidAnswerException e) {
                        return problem(spec, later.name(), instance, "with '" + m.name() + "' in '" + earlier.name() + "', the answer carried forward, '"
                                + typed.get(later.name()) + "', is refused: " + e.getMessage());
                    }
                    if (!v.correct()) {
                        return problem(spec, later.name(), instance, "with '" + m.name() + "' typed in '" + earlier.name() + "' as '" + wrong
                                + "', the answer carried forward, '" + typed.get(later.name()) + "', is graded wrong: " + v.message());
                    }
                }
            }
        }
        return null;
    }

    private static ContentProblem problem(ExerciseSpec spec, String answer, ExerciseInstance instance, String message) {
        int line = spec.answers().stream().filter(a -> a.name().equals(answer)).mapToInt(AnswerSpec::line).findFirst().orElse(spec.line());
        return new ContentProblem(spec.source(), line, "answer '" + answer + "', seed " + instance.seed() + ": " + message);
    }

    private static String rightAnswer(AnswerSpec a, ExerciseInstance instance) {
        return a.type().typedRightAnswer(a, instance);
    }

}
