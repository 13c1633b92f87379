package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.AnswerType;
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
    private static AnswerSpec answer(String name, AnswerType type, String grading, Tolerance t, List<String> vars, String expected,
                                     List<ExerciseSpec.Choice> choices) {
        return new AnswerSpec(name, name, type, "ref", t, grading, 0.01, List.of(), List.of(), List.of(), choices, vars, expected,
                ExerciseSpec.Input.TEXT, 1);
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
        assertTrue(new Grader().grade(inst, Map.of("means", "3, -2")).correct());
        Grade mis = new Grader().grade(inst, Map.of("means", "-5, 5"));
        assertEquals("m", mis.firedRules().get(0));
        var ordered = answer("means", AnswerType.VECTOR, "value", new Tolerance(Tolerance.Kind.ABSOLUTE, 0.01), List.of(), null, List.of());
        assertFalse(new Grader().grade(instance(List.of(ordered), Map.of("means", new double[]{-2, 3}), Map.of()), Map.of("means", "3, -2")).correct());
    }

    @Test
    void formulasChoicesAndDirectionHints() {
        var f = answer("f", AnswerType.FORMULA, "value", Tolerance.DEFAULT, List.of("k", "n"), "k/n", List.of());
        var c = answer("c", AnswerType.CHOICE, "value", Tolerance.DEFAULT, List.of(), null,
                List.of(new ExerciseSpec.Choice("a", false, "No: a is the prior."), new ExerciseSpec.Choice("b", true, "")));
        var x = answer("x", AnswerType.NUMBER, "value", new Tolerance(Tolerance.Kind.RELATIVE, 0.01), List.of(), null, List.of());
        ExerciseInstance inst = instance(List.of(f, c, x), Map.of("x", new double[]{10}), Map.of());
        Grade g = new Grader().grade(inst, Map.of("f", "k * n^-1", "c", "0", "x", "12"));
        assertTrue(g.answers().get(0).correct(), "k·n⁻¹ is k/n");
        assertEquals("No: a is the prior.", g.answers().get(1).message());
        assertTrue(g.answers().get(2).message().endsWith("Your value is too high."), g.answers().get(2).message());
        assertEquals(1.0 / 3, g.score(), 1e-12);
        assertFalse(g.correct());
    }

    @Test
    void oneUnreadableAnswerRejectsTheWholeSubmission() {
        var x = answer("x", AnswerType.NUMBER, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        var y = answer("y", AnswerType.NUMBER, "value", Tolerance.DEFAULT, List.of(), null, List.of());
        ExerciseInstance inst = instance(List.of(x, y), Map.of("x", new double[]{1}, "y", new double[]{2}), Map.of());
        var e = assertThrows(InvalidAnswerException.class, () -> new Grader().grade(inst, Map.of("x", "1", "y", "two")));
        assertEquals("y: 'two' is not a known variable or function in 'two' (no variables are allowed here).", e.getMessage());
    }
}
