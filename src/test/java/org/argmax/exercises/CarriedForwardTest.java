package org.argmax.exercises;

import org.argmax.content.ContentProblem;
import org.argmax.testing.Registries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercises that build up: a later answer ({@code uses: {p: theta_hat}}) is graded against the
 * learner's own earlier value when that one was wrong, on the shipped {@code coin-buildup} and
 * {@code normal-buildup}, with the standard error and interval recomputed here by hand.
 */
class CarriedForwardTest {
    private static final Map<String, ExerciseSpec> SHIPPED = Registries.course(Path.of("content")).exercises();
    private static final double Z = 1.959963984540054;
    private final Grader grader = Registries.grader();

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    private static Grade.AnswerVerdict verdict(Grade grade, String name) {
        return grade.answers().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static String f(double v) {
        return DataPreview.format(v);
    }

    @Test
    void aWrongEstimateIsCarriedIntoTheStandardErrorAndTheInterval() {
        ExerciseInstance inst = Registries.instanceFactory().create(SHIPPED.get("coin-buildup"), 42);
        double n = inst.variables().get("n"), k = inst.variables().get("k");
        double wrong = Math.round((k / n + 0.05) * 1000) / 1000.0; // off, but a probability
        double se = Math.sqrt(wrong * (1 - wrong) / n);
        Grade g = grader.grade(inst, answers("estimator", "k/n", "theta_hat", f(wrong), "se", f(se),
                "interval", f(wrong - Z * se) + ", " + f(wrong + Z * se), "meaning", "0"));
        assertFalse(verdict(g, "theta_hat").correct());
        for (String later : List.of("se", "interval")) {
            Grade.AnswerVerdict v = verdict(g, later);
            assertTrue(v.correct(), v.message());
            assertTrue(v.message().contains("graded with your theta_hat = " + f(wrong)), v.message());
        }
        assertEquals(0.8, g.score(), 1e-12); // four of five parts: the slip costs one part
        assertFalse(g.correct());
    }

    @Test
    void theRightValuesAreRightWhateverTheEarlierPartSaid() {
        ExerciseInstance inst = Registries.instanceFactory().create(SHIPPED.get("coin-buildup"), 43);
        double n = inst.variables().get("n"), p = inst.variables().get("k") / n;
        double se = Math.sqrt(p * (1 - p) / n);
        Grade g = grader.grade(inst, answers("estimator", "k/n", "theta_hat", "0.999", "se", f(se),
                "interval", f(p - Z * se) + ", " + f(p + Z * se), "meaning", "0"));
        assertTrue(verdict(g, "se").correct());
        assertEquals("Correct.", verdict(g, "se").message());
    }

    @Test
    void aNamedMistakeInTheLaterPartIsRecognisedAtTheCarriedValue() {
        ExerciseInstance inst = Registries.instanceFactory().create(SHIPPED.get("coin-buildup"), 44);
        double n = inst.variables().get("n"), k = inst.variables().get("k");
        double wrong = Math.round((k / n + 0.05) * 1000) / 1000.0;
        double sd = Math.sqrt(wrong * (1 - wrong)); // forgot the n: the spread of one flip, at the learner's θ̂
        Grade g = grader.grade(inst, answers("estimator", "k/n", "theta_hat", f(wrong), "se", f(sd),
                "interval", "0, 1", "meaning", "1"));
        Grade.AnswerVerdict v = verdict(g, "se");
        assertFalse(v.correct());
        assertEquals("sd-for-standard-error", v.rule());
        assertTrue(v.message().contains("graded with your theta_hat"), v.message());
    }

    @Test
    void twoEarlierAnswersCarryIntoOneInterval() {
        ExerciseInstance inst = Registries.instanceFactory().create(SHIPPED.get("normal-buildup"), 7);
        double n = inst.variables().get("n"), mean = inst.variables().get("xbar"), ss = inst.variables().get("ss");
        double unbiased = ss / (n - 1); // variance-n-minus-1 in part 2
        double se = Math.sqrt(unbiased / n);
        Grade g = grader.grade(inst, answers("mean_hat", f(mean), "var_hat", f(unbiased),
                "interval", f(mean - Z * se) + ", " + f(mean + Z * se), "more_data", "0"));
        assertEquals("variance-n-minus-1", verdict(g, "var_hat").rule());
        Grade.AnswerVerdict v = verdict(g, "interval");
        assertTrue(v.correct(), v.message());
        assertTrue(v.message().contains("var_hat = " + f(unbiased)) && !v.message().contains("mean_hat"), v.message());
    }

    @Test
    void theCheckerWalksTheCarriedAnswersOfTheShippedExercises() {
        ExerciseChecker checker = Registries.exerciseChecker();
        for (String id : List.of("coin-buildup", "normal-buildup")) {
            assertTrue(SHIPPED.get(id).buildsUp());
            assertEquals(List.of(), checker.check(SHIPPED.get(id), 100), id);
        }
    }

    @Test
    void usesIsCheckedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path exercises = Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(exercises.resolve("bad.yml"), """
                id: bad
                title: "Bad"
                prompt: "p"
                data:
                  family: bernoulli
                  n: 20
                  parameters:
                    p: 0.5
                answers:
                  - name: theta_hat
                    reference: bernoulli.mle.p
                  - name: se
                    reference: bernoulli.se.at
                    uses: {p: theta_hta}
                  - name: wald
                    type: interval
                    reference: bernoulli.wald.at
                    uses: {q: theta_hat}
                  - name: pick
                    type: choice
                    choices: [{text: "a", correct: true}]
                    uses: {p: theta_hat}
                """);
        List<ContentProblem> problems = new ArrayList<>();
        assertNull(Registries.exerciseLoader().loadOne(exercises.resolve("bad.yml"), problems));
        List<String> messages = problems.stream().map(p -> p.line() + ": " + p.message()).toList();
        assertTrue(messages.contains("14: 'theta_hta' is not an earlier answer of this exercise (did you mean 'theta_hat'?)"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("17: reference 'bernoulli.wald.at' needs 'p' under given:")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("reference 'bernoulli.wald.at' does not use 'q'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("a choice answer has no reference to compute from an earlier answer")), messages.toString());
        assertNotNull(problems.get(0).file());
    }
}
