package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grader on hand-made instances: order of checks, unordered vectors, formulas, choices, all-or-nothing parsing. */
class GraderTest {
    private static AnswerSpec answer(String name, AnswerType type, String gradingName, Tolerance t, List<String> vars, String expected,
                                     List<ExerciseSpec.Choice> choices) {
        String reference = type == AnswerType.NUMBER ? "normal.mle.mean" : type == AnswerType.VECTOR ? "mixture.mstep.means" : null;
        return new AnswerSpec(name, name, type, reference, t, ExerciseSpec.Grading.named(gradingName), 0.01, List.of(), List.of(), List.of(), choices, vars, expected,
                ExerciseSpec.Input.TEXT, 1);
    }

    /** A number or vector answer to {@code reference}, whose domain then applies. */
    private static AnswerSpec answerTo(String name, String reference, AnswerType type, Tolerance t, List<ExerciseSpec.Mistake> mistakes) {
        return new AnswerSpec(name, name, type, reference, t, ExerciseSpec.Grading.VALUE, 0.01, List.of(), mistakes, List.of(), List.of(), List.of(), null,
                ExerciseSpec.Input.TEXT, 1);
    }

    private static InvalidAnswerException invalid(ExerciseInstance inst, Map<String, String> typed) {
        return assertThrows(InvalidAnswerException.class, () -> Registries.grader().grade(inst, typed));
    }

    private static ExerciseInstance instance(List<AnswerSpec> answers, Map<String, double[]> refs,
                                             Map<String, List<ExerciseInstance.MisconceptionValue>> misconceptions) {
        ExerciseSpec spec = new ExerciseSpec("t", "T", "p", null, Map.of(), answers, 0, 0, true, true, Path.of("t.yml"), 1);
        return new ExerciseInstance(spec, 7, new ExerciseData("normal", new double[]{1, 2}, null, null, Map.of()),
                Map.of("n", 2.0, "k", 3.0), refs, misconceptions, Map.of(), Map.of(), 0);
    }

    @Test
    void unorderedVectorsIgnoreLabelSwitching() {
        var means = answer("means", AnswerType.VECTOR, "unordered", new Tolerance(Tolerance.Kind.ABSOLUTE, 0.01), List.of(), null, List.of());
        var wrongMix = new ExerciseInstance.MisconceptionValue("m", new double[]{5, -5}, "message");
        ExerciseInstance inst = instance(List.of(means), Map.of("means", new double[]{-2, 3}), Map.of("means", List.of(wrongMix)));
        assertTrue(Registries.grader().grade(inst, Map.of("means", "3, -2")).correct());
        Grade mis = Registries.grader().grade(inst, Map.of("means", "-5, 5"));
        assertEquals("m", mis.firedRules().get(0));
        var ordered = answer("means", AnswerType.VECTOR, "value", new Tolerance(Tolerance.Kind.ABSOLUTE, 0.01), List.of(), null, List.of());
        assertFalse(Registries.grader().grade(instance(List.of(ordered), Map.of("means", new double[]{-2, 3}), Map.of()), Map.of("means", "3, -2")).correct());
    }

    @Test
    void formulasChoicesAndDirectionHints() {
        var f = answer("f", AnswerType.FORMULA, "value", Tolerance.DEFAULT, List.of("k", "n"), "k/n", List.of());
        var c = answer("c", AnswerType.CHOICE, "value", Tolerance.DEFAULT, List.of(), null,
                List.of(new ExerciseSpec.Choice("a", false, "No: a is the prior."), new ExerciseSpec.Choice("b", true, "")));
        var x = answer("x", AnswerType.NUMBER, "value", new Tolerance(Tolerance.Kind.RELATIVE, 0.01), List.of(), null, List.of());
        ExerciseInstance inst = instance(List.of(f, c, x), Map.of("x", new double[]{10}), Map.of());
        Grade g = Registries.grader().grade(inst, Map.of("f", "k * n^-1", "c", "0", "x", "12"));
        assertTrue(g.answers().get(0).correct(), "k·n⁻¹ is k/n");
        assertEquals("No: a is the prior.", g.answers().get(1).message());
        assertTrue(g.answers().get(2).message().endsWith("Your value is too high."), g.answers().get(2).message());
        assertEquals(1.0 / 3, g.score(), 1e-12);
        assertFalse(g.correct());
    }

    @Test
    void slidersAndLikelihoodGradingSayNotWhichWayTheAnswerIsOff() {
        var typed = new AnswerSpec("x", "x", AnswerType.NUMBER, "bernoulli.mle.p", Tolerance.DEFAULT, ExerciseSpec.Grading.VALUE, 0.01,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, ExerciseSpec.Input.TEXT, 1);
        var slider = new AnswerSpec("s", "s", AnswerType.NUMBER, "bernoulli.mle.p", Tolerance.DEFAULT, ExerciseSpec.Grading.VALUE, 0.01,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, new ExerciseSpec.Input("slider", 0, 1), 1);
        var likelihood = new AnswerSpec("l", "l", AnswerType.NUMBER, "bernoulli.mle.p", Tolerance.DEFAULT, ExerciseSpec.Grading.LIKELIHOOD, 0.01,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, ExerciseSpec.Input.TEXT, 1);
        ExerciseSpec spec = new ExerciseSpec("t", "T", "p", null, Map.of(), List.of(typed, slider, likelihood), 0, 0, true, true, Path.of("t.yml"), 1);
        java.util.function.ToDoubleFunction<Double> gap = v -> 10 * (v - 0.4) * (v - 0.4);
        ExerciseInstance inst = new ExerciseInstance(spec, 7, new ExerciseData("bernoulli", new double[]{1, 0}, null, null, Map.of()), Map.of(),
                Map.of("x", new double[]{0.4}, "s", new double[]{0.4}, "l", new double[]{0.4}), Map.of(), Map.of(), Map.of("l", gap), 0);
        for (String value : List.of("0.1", "0.9")) {
            Grade g = Registries.grader().grade(inst, Map.of("x", value, "s", value, "l", value));
            assertTrue(g.answers().get(0).message().matches(".*too (high|low)\\."), "a typed number graded by value hears the direction");
            assertEquals("Not quite: that is not to within 0.1 % (relative) of the answer.", g.answers().get(1).message());
            assertEquals("Not quite: the log-likelihood at your value is more than 0.01 below its maximum.", g.answers().get(2).message());
        }
    }

    @Test
    void oneUnreadableAnswerRejectsTheWholeSubmission() {
        var x = answer("x", AnswerType.NUMBER, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        var y = answer("y", AnswerType.NUMBER, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        ExerciseInstance inst = instance(List.of(x, y), Map.of("x", new double[]{1}, "y", new double[]{2}), Map.of());
        var e = assertThrows(InvalidAnswerException.class, () -> Registries.grader().grade(inst, Map.of("x", "1", "y", "two")));
        assertEquals("y: 'two' is not a known variable or function in 'two' (no variables are allowed here).", e.getMessage());
        assertEquals(Map.of("y", "'two' is not a known variable or function in 'two' (no variables are allowed here)."), e.problems());
    }

    @Test
    void aProbabilityOutsideZeroToOneIsInvalidNotWrong() {
        var p = answerTo("p", "bernoulli.mle.p", AnswerType.NUMBER, new Tolerance(Tolerance.Kind.ABSOLUTE, 0.001), List.of());
        ExerciseInstance inst = instance(List.of(p), Map.of("p", new double[]{0.35}), Map.of());
        assertEquals("A probability lies between 0 and 1; you gave -0.5.", invalid(inst, Map.of("p", "-0.5")).getMessage());
        assertEquals(Map.of("p", "A probability lies between 0 and 1; you gave 1.2."), invalid(inst, Map.of("p", "6/5")).problems());
        // the ends of the domain are answers (wrong ones here), not invalid
        assertFalse(Registries.grader().grade(inst, Map.of("p", "0")).correct());
        assertFalse(Registries.grader().grade(inst, Map.of("p", "1")).correct());
        assertTrue(Registries.grader().grade(inst, Map.of("p", "0.35")).correct());
    }

    @Test
    void aNegativeVarianceIsInvalid() {
        var v = answerTo("v", "normal.mle.variance", AnswerType.NUMBER, Tolerance.DEFAULT, List.of());
        ExerciseInstance inst = instance(List.of(v), Map.of("v", new double[]{2.5}), Map.of());
        assertEquals("A variance cannot be negative; you gave -2.5.", invalid(inst, Map.of("v", "-2.5")).getMessage());
        assertEquals("Not quite: that is not to within 0.1 % (relative) of the answer. Your value is too low.",
                Registries.grader().grade(inst, Map.of("v", "0")).answers().get(0).message(), "0 is a variance, only a wrong one");
    }

    @Test
    void aVectorOfTheWrongLengthIsInvalid() {
        var probs = answerTo("probabilities", "categorical.mle.probabilities", AnswerType.VECTOR, new Tolerance(Tolerance.Kind.ABSOLUTE, 0.001), List.of());
        ExerciseInstance inst = instance(List.of(probs), Map.of("probabilities", new double[]{0.2, 0.3, 0.5}), Map.of());
        assertEquals("Expected 3 numbers separated by commas, got 2.", invalid(inst, Map.of("probabilities", "0.5, 0.5")).getMessage());
        assertEquals("Expected 3 numbers separated by commas, got 4.", invalid(inst, Map.of("probabilities", "0.2, 0.3, 0.4, 0.1")).getMessage());
    }

    @Test
    void probabilitiesThatDoNotAddUpToOneAreInvalid() {
        var probs = answerTo("probabilities", "categorical.mle.probabilities", AnswerType.VECTOR, new Tolerance(Tolerance.Kind.ABSOLUTE, 0.001), List.of());
        ExerciseInstance inst = instance(List.of(probs), Map.of("probabilities", new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}), Map.of());
        assertEquals("The probabilities add up to 1; yours add up to 1.1.", invalid(inst, Map.of("probabilities", "0.5, 0.3, 0.3")).getMessage());
        assertEquals("Each of the probabilities lies between 0 and 1; number 2 is -0.2.",
                invalid(inst, Map.of("probabilities", "0.6, -0.2, 0.6")).getMessage());
        // rounded answers miss 1 a little: 0.333 × 3 = 0.999 is a (right) answer
        assertTrue(Registries.grader().grade(inst, Map.of("probabilities", "0.333, 0.333, 0.333")).correct());
        assertFalse(Registries.grader().grade(inst, Map.of("probabilities", "0.5, 0.25, 0.25")).correct());
    }

    @Test
    void everyFieldsProblemIsReportedAtOnce() {
        var p = answerTo("p", "bernoulli.mle.p", AnswerType.NUMBER, Tolerance.DEFAULT, List.of());
        var v = answerTo("v", "normal.mle.variance", AnswerType.NUMBER, Tolerance.DEFAULT, List.of());
        var m = answerTo("m", "normal.mle.mean", AnswerType.NUMBER, Tolerance.DEFAULT, List.of());
        var w = answerTo("w", "categorical.mle.probabilities", AnswerType.VECTOR, Tolerance.DEFAULT, List.of());
        ExerciseInstance inst = instance(List.of(p, v, m, w),
                Map.of("p", new double[]{0.4}, "v", new double[]{1}, "m", new double[]{-3}, "w", new double[]{0.5, 0.5}), Map.of());
        var e = invalid(inst, Map.of("p", "-0.5", "v", "-1", "m", "-7", "w", "0.5"));
        assertEquals(List.of("p", "v", "w"), List.copyOf(e.problems().keySet()), "every invalid field, in the exercise's order; m is valid");
        assertEquals("A probability lies between 0 and 1; you gave -0.5.", e.problems().get("p"));
        assertEquals("A variance cannot be negative; you gave -1.", e.problems().get("v"));
        assertEquals("Expected 2 numbers separated by commas, got 1.", e.problems().get("w"));
        assertEquals("p: A probability lies between 0 and 1; you gave -0.5. v: A variance cannot be negative; you gave -1. "
                + "w: Expected 2 numbers separated by commas, got 1.", e.getMessage());
    }

    @Test
    void emptyInputIsInvalidInEveryKindOfField() {
        var x = answer("x", AnswerType.NUMBER, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        var vec = answer("vec", AnswerType.VECTOR, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        var f = answer("f", AnswerType.FORMULA, "value", Tolerance.DEFAULT, List.of("k", "n"), "k/n", List.of());
        ExerciseInstance inst = instance(List.of(x, vec, f), Map.of("x", new double[]{1}, "vec", new double[]{1, 2}), Map.of());
        for (String empty : List.of("", "  ", "()", "{}", "[]", "(())", "( )", "[()]", "{[]}")) {
            var e = invalid(inst, Map.of("x", empty, "vec", empty, "f", empty));
            assertEquals(List.of("x", "vec", "f"), List.copyOf(e.problems().keySet()), "'" + empty + "'");
            e.problems().values().forEach(message -> assertFalse(message.isBlank(), "'" + empty + "'"));
        }
        assertEquals("'(())' has nothing inside its brackets: type a number or a formula.",
                invalid(inst, Map.of("x", "(())", "vec", "1, 2", "f", "k/n")).getMessage().replaceFirst("^x: ", ""));
        assertEquals("Type 2 numbers separated by commas.", invalid(inst, Map.of("x", "1", "vec", "[]", "f", "k/n")).problems().get("vec"));
    }

    @Test
    void anAnticipatedMistakeOutsideTheDomainIsGradedAsThatMistake() {
        // forgetting the log turns a log-likelihood of discrete data (at most 0) into a likelihood (positive)
        var ll = answerTo("loglik", "bernoulli.loglik", AnswerType.NUMBER, new Tolerance(Tolerance.Kind.RELATIVE, 0.001),
                List.of(new ExerciseSpec.Mistake("sign", "k", "You dropped the minus sign.", 1)));
        var forgot = new ExerciseInstance.MisconceptionValue("forgot-log", new double[]{Math.exp(-6.2)}, "You multiplied the probabilities.");
        ExerciseInstance base = instance(List.of(ll), Map.of("loglik", new double[]{-6.2}), Map.of("loglik", List.of(forgot)));
        // the author's mistake "k" evaluated on the instance's variables (k = 3), as InstanceFactory does
        ExerciseInstance inst = new ExerciseInstance(base.spec(), base.seed(), base.data(), base.variables(), base.references(),
                base.misconceptions(), Map.of("loglik", List.of(new ExerciseInstance.MisconceptionValue("sign", new double[]{3}, "You dropped the minus sign."))),
                base.likelihoodGaps(), 0);
        assertEquals("forgot-log", Registries.grader().grade(inst, Map.of("loglik", String.valueOf(Math.exp(-6.2)))).firedRules().get(0));
        assertEquals("sign", Registries.grader().grade(inst, Map.of("loglik", "3")).firedRules().get(0), "k = 3: the author's mistake, though above 0");
        assertEquals("A log-likelihood of discrete data cannot be above 0; you gave 0.5.", invalid(inst, Map.of("loglik", "0.5")).getMessage());
    }
}
