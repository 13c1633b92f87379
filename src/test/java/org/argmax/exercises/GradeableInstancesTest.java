package org.argmax.exercises;

import org.argmax.content.ContentException;
import org.argmax.content.ContentProblem;
import org.argmax.testing.Registries;
import org.argmax.testing.TestCourse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every learner's instance can be graded as the lessons teach: the answer the lesson's recipe gives
 * is marked right and every named mistake gets its own message, on the data of thousands of learner
 * seeds (not the seeds 1..N that {@code check} walks).
 */
class GradeableInstancesTest {
    private static final References REFERENCES = References.standard();
    private static final int LEARNERS = 5000;
    private static final Map<String, ExerciseSpec> SHIPPED = Registries.course(Path.of("content")).exercises();
    private final InstanceFactory factory = Registries.instanceFactory();
    private final Grader grader = Registries.grader();

    @Test
    @Tag("slow")
    void everyLearnerOfEveryExerciseIsGradedAsTheLessonTeaches() {
        ExerciseChecker checker = Registries.exerciseChecker();
        List<String> failures = new ArrayList<>();
        for (ExerciseSpec spec : SHIPPED.values()) {
            for (long learner = 1; learner <= LEARNERS; learner++) {
                ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(learner, spec.id(), 0));
                ContentProblem problem = checker.walk(instance);
                if (problem != null) {
                    failures.add(problem.toString());
                    break;
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The step by hand, as kmeans.md teaches it: each point to the nearer centre, each centre to its group's mean. */
    private static double[] kmeansStepByHand(ExerciseData data) {
        double c1 = data.given().get("c1"), c2 = data.given().get("c2");
        double s1 = 0, s2 = 0;
        int n1 = 0, n2 = 0;
        for (double x : data.values()) {
            if (Math.abs(x - c1) < Math.abs(x - c2)) {
                s1 += x;
                n1++;
            } else {
                s2 += x;
                n2++;
            }
        }
        return new double[]{s1 / n1, s2 / n2};
    }

    @Test
    void theKMeansStepByHandIsRightForEveryLearner() {
        for (String id : List.of("kmeans-step", "lab-kmeans-centers")) {
            ExerciseSpec spec = SHIPPED.get(id);
            int redrawn = 0;
            for (long learner = 1; learner <= LEARNERS; learner++) {
                ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(learner, id, 0));
                if (instance.draws() > 0) redrawn++;
                double[] hand = kmeansStepByHand(instance.data());
                assertTrue(Double.isFinite(hand[0]) && Double.isFinite(hand[1]), id + " learner " + learner + ": a cluster is empty");
                Grade g = grader.grade(instance, Map.of(spec.answers().get(0).name(), DataPreview.format(hand[0]) + ", " + DataPreview.format(hand[1])));
                assertTrue(g.correct(), id + " learner " + learner + ": " + g.answers().get(0).message());
            }
            // about 3 % of learners had a first draw with an empty cluster; they get other data
            assertTrue(redrawn > LEARNERS / 100 && redrawn < LEARNERS / 10, id + ": " + redrawn + " redrawn");
        }
    }

    @Test
    void theReportedLearnerSeedNoLongerMeetsAnEmptyCluster() {
        ExerciseSpec spec = SHIPPED.get("kmeans-step");
        long seed = -6772750989683894694L;
        ExerciseData first = DataGenerator.generate(spec, seed);
        assertTrue(Double.isNaN(kmeansStepByHand(first)[0]) || Double.isNaN(kmeansStepByHand(first)[1]),
                "the first draw of this seed has an empty cluster");
        ExerciseInstance instance = factory.create(spec, seed);
        assertTrue(instance.draws() > 0);
        assertEquals(instance.data().given(), factory.create(spec, seed).data().given(), "the same learner always gets the same data");
        double[] hand = kmeansStepByHand(instance.data());
        assertTrue(grader.grade(instance, Map.of("centers", DataPreview.format(hand[0]) + ", " + DataPreview.format(hand[1]))).correct());
    }

    @Test
    void soundFirstDrawsKeepTheirData() {
        for (ExerciseSpec spec : SHIPPED.values()) {
            for (long seed = 1; seed <= 300; seed++) {
                ExerciseInstance instance = factory.create(spec, seed);
                if (instance.draws() == 0) {
                    ExerciseData first = DataGenerator.generate(spec, seed);
                    // an exercise that builds up adds the quantities its answers take from earlier answers (uses:) on top
                    Map<String, Double> given = new java.util.LinkedHashMap<>(instance.data().given());
                    spec.answers().forEach(a -> given.keySet().removeAll(a.uses().keySet()));
                    assertTrue(Arrays.equals(first.values(), instance.data().values()) && Arrays.deepEquals(first.x(), instance.data().x())
                            && Arrays.equals(first.y(), instance.data().y()) && first.given().equals(given), spec.id() + " seed " + seed);
                }
            }
        }
    }

    @Test
    void noLearnerMeetsABoundaryEstimate() {
        for (String id : List.of("coin-mle", "coin-map", "poisson-map", "category-map")) {
            ExerciseSpec spec = SHIPPED.get(id);
            for (long learner = 1; learner <= LEARNERS; learner++) {
                ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(learner, id, 0));
                assertNull(REFERENCES.unsound(spec.answers().get(0).reference(), instance.data()), id + " learner " + learner);
                for (double v : instance.references().get(spec.answers().get(0).name())) {
                    assertTrue(v > 0 && v < 1 || !id.startsWith("coin"), id + " learner " + learner + ": " + v);
                }
            }
        }
    }

    @Test
    void aboutAThirdOfLassoLearnersGetAnExactZeroWithItsOwnFeedback() {
        ExerciseSpec spec = SHIPPED.get("lasso-slope");
        int zeros = 0;
        boolean unclippedNamed = false;
        for (long learner = 1; learner <= LEARNERS; learner++) {
            ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(learner, spec.id(), 0));
            ExerciseData d = instance.data();
            double lambda = d.given().get("lambda");
            double[] s = centredSums(d);
            double byHand = Math.signum(s[1]) * Math.max(Math.abs(s[1]) - lambda, 0) / s[0]; // soft thresholding, regularization.md
            assertEquals(byHand, instance.references().get("slope")[0], 1e-9, "learner " + learner);
            if (byHand == 0) {
                zeros++;
                Grade g = grader.grade(instance, Map.of("slope", DataPreview.format((s[1] - Math.signum(s[1]) * lambda) / s[0])));
                assertEquals("unclipped-soft-threshold", g.answers().get(0).rule(), "learner " + learner);
                assertTrue(grader.grade(instance, Map.of("slope", "0")).correct());
                unclippedNamed = true;
            }
        }
        assertTrue(zeros > LEARNERS / 4 && zeros < LEARNERS * 2 / 5, zeros + " exact zeros of " + LEARNERS);
        assertTrue(unclippedNamed);
    }

    @Test
    void anIntervalIsTwoEndsLowerFirstAndItsMistakesAreNamed() {
        ExerciseSpec spec = SHIPPED.get("coin-interval");
        ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(11, spec.id(), 0));
        double n = instance.data().values().length, k = Arrays.stream(instance.data().values()).sum(), p = k / n;
        double half = 1.959963984540054 * Math.sqrt(p * (1 - p) / n); // the lesson's θ̂ ± 1.96 se
        String low = DataPreview.format(p - half), high = DataPreview.format(p + half);
        assertTrue(grader.grade(instance, Map.of("interval", "[" + low + ", " + high + "]")).correct());
        InvalidAnswerException reversed = assertThrows(InvalidAnswerException.class,
                () -> grader.grade(instance, Map.of("interval", high + ", " + low)));
        assertTrue(reversed.getMessage().contains("lower end first"), reversed.getMessage());
        double wide = 1.959963984540054 * Math.sqrt(p * (1 - p));
        Grade g = grader.grade(instance, Map.of("interval", DataPreview.format(p - wide) + ", " + DataPreview.format(p + wide)));
        assertEquals("sd-for-standard-error", g.answers().get(0).rule());
        assertEquals("interval = [" + low + ", " + high + "]", ExerciseService.answerTexts(instance).get(0));
    }

    private static double[] centredSums(ExerciseData d) {
        int n = d.y().length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += d.x()[i][0];
            my += d.y()[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (d.x()[i][0] - mx) * (d.x()[i][0] - mx);
            sxy += (d.x()[i][0] - mx) * (d.y()[i] - my);
        }
        return new double[]{sxx, sxy};
    }

    @Test
    void anExerciseWithNoGradeableDataIsAContentProblemWithItsLine(@TempDir Path dir) {
        TestCourse.twoLessons(dir).write("exercises/always-ambiguous.yml", """
                id: always-ambiguous
                title: "A mistake that is the right answer"
                prompt: "Estimate p."
                data:
                  family: bernoulli
                  n: [10, 20]
                  parameters:
                    p: [0.3, 0.7]
                answers:
                  - name: p
                    type: number
                    reference: bernoulli.mle.p
                    mistakes:
                      - name: same-thing
                        formula: "k / n"
                        message: "This is the right answer under another name."
                """);
        // the course load's quick check already finds it, with the file and line
        ContentException e = assertThrows(ContentException.class, () -> Registries.courseService(dir));
        List<ContentProblem> problems = e.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("always-ambiguous.yml:1"), problems.get(0).toString());
        assertTrue(problems.get(0).toString().contains("no gradeable data in " + InstanceFactory.MAX_DRAWS + " draws"), problems.get(0).toString());
    }
}
