package org.argmax.exercises;

import org.argmax.estimation.LabRuns;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A whole run of an algorithm the learner implemented in a language of their choice (an
 * implementation lab): the trace after each iteration and the final parameters, pasted or uploaded
 * as CSV or JSON ({@link TraceFormat}). The core runs the same algorithm from the same start
 * ({@link LabReferences}); the run is right when every value is within the tolerance. A wrong run is
 * compared with the core's run under each teaching variant the author lists as a misconception, in
 * the author's order, and the first that matches is named; otherwise a trace that goes the wrong
 * way (ℓ down, the inertia up) is named with its iteration, and else the first iteration that
 * differs. Values that are not numbers (NaN, ±∞) match only values that are not numbers.
 */
public final class TraceAnswer implements AnswerType {
    /** The column holds 100,000 characters per submission; a run of 20 iterations takes about 600. */
    static final int MAX_STORED = 20_000;

    TraceAnswer() {
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String referenceProblem(String reference, References references) {
        if (!references.contains(reference)) return null;
        return LabReferences.SHAPES.containsKey(reference) ? null
                : "reference '" + reference + "' is not a run: type trace needs one of " + String.join(", ", LabReferences.SHAPES.keySet().stream().sorted().toList());
    }

    @Override
    public List<String[]> specProblems(AnswerSpec a) {
        List<String[]> problems = new ArrayList<>();
        if (!a.mistakes().isEmpty()) problems.add(new String[]{"mistakes", "a trace answer names its mistakes by the core's teaching variants (misconceptions), not by formulas"});
        if (a.grading() != ExerciseSpec.Grading.VALUE) problems.add(new String[]{"grading", "a trace answer is graded value by value"});
        return problems;
    }

    @Override
    public int maxStoredSize() {
        return MAX_STORED;
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        return TraceFormat.parse(raw, shape(a), iterations(instance));
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        LabRuns.Run run = (LabRuns.Run) value;
        LabReferences.Shape shape = shape(a);
        double[] typed = run.flat(), reference = instance.references().get(a.name());
        int iterations = iterations(instance);
        if (matches(typed, reference, a.tolerance())) {
            return new Grade.AnswerVerdict(a.name(), given, true, null, "Correct: all " + iterations + " values of the " + shape.traceLabel()
                    + " and the final " + String.join(", ", shape.rows()) + " agree with the core's run from your start.");
        }
        String wrongWay = wrongWay(run.trace(), shape);
        for (MisconceptionValue m : NumericGrading.named(a, instance)) {
            if (m.value().length > 0 && matches(typed, m.value(), a.tolerance())) {
                return new Grade.AnswerVerdict(a.name(), given, false, m.name(), m.message() + (wrongWay == null ? "" : " (" + wrongWay + ")"));
            }
        }
        if (wrongWay != null) {
            return new Grade.AnswerVerdict(a.name(), given, false, shape.direction() > 0 ? "trace-decreases" : "trace-increases",
                    "Not quite: " + wrongWay + (shape.direction() > 0 ? " EM never lowers the log-likelihood, so one of your steps is not the EM update."
                            : " Lloyd's steps never raise the inertia, so one of your steps is not Lloyd's."));
        }
        return new Grade.AnswerVerdict(a.name(), given, false, null, "Not quite: " + firstDifference(run, reference, shape, iterations, a.tolerance()));
    }

    /** Where the trace goes the wrong way (ℓ down, J up) by more than rounding, as a sentence; null when it never does. */
    static String wrongWay(double[] trace, LabReferences.Shape shape) {
        for (int t = 0; t < trace.length; t++) {
            if (!Double.isFinite(trace[t])) return null; // said by the first difference instead
            if (t == 0) continue;
            double change = (trace[t] - trace[t - 1]) * shape.direction();
            if (change < -1e-9 * Math.max(1, Math.abs(trace[t - 1]))) {
                return "your " + shape.traceLabel() + " went " + (shape.direction() > 0 ? "down" : "up") + " at iteration " + (t + 1) + ", from "
                        + DataPreview.format(trace[t - 1]) + " to " + DataPreview.format(trace[t]) + ".";
            }
        }
        return null;
    }

    private static String firstDifference(LabRuns.Run run, double[] reference, LabReferences.Shape shape, int iterations, Tolerance tolerance) {
        double[] trace = run.trace();
        for (int t = 0; t < iterations; t++) {
            if (!Double.isFinite(trace[t])) {
                return "at iteration " + (t + 1) + " your " + shape.traceLabel() + " is not a number (" + TraceFormat.print(trace[t])
                        + "). Look for a density that underflows to 0, a log of 0 or a division by 0 there.";
            }
            if (!same(trace[t], reference[t], tolerance)) {
                return "your " + shape.traceLabel() + " first differs from the core's run at iteration " + (t + 1) + " ("
                        + tolerance.describe() + "). Check that you start from the downloaded starting point and follow the update rules of the lab.";
            }
        }
        double[][] rows = run.parameters();
        int at = iterations;
        for (int r = 0; r < rows.length; r++) {
            for (double v : rows[r]) {
                if (at >= reference.length || !same(v, reference[at], tolerance)) {
                    return "your trace agrees with the core's, but your final " + shape.rows().get(r) + " do not: give the parameters after iteration "
                            + iterations + ", in the order of the starting point.";
                }
                at++;
            }
        }
        return "your run has fewer values than the core's.";
    }

    /** Every value within the tolerance of the reference's, a value that is not a number matching only such a value. */
    static boolean matches(double[] typed, double[] reference, Tolerance tolerance) {
        if (typed.length != reference.length) return false;
        for (int i = 0; i < typed.length; i++) {
            if (!same(typed[i], reference[i], tolerance)) return false;
        }
        return true;
    }

    private static boolean same(double typed, double reference, Tolerance tolerance) {
        if (!Double.isFinite(typed) || !Double.isFinite(reference)) return !Double.isFinite(typed) && !Double.isFinite(reference);
        return tolerance.accepts(typed, reference);
    }

    /** Whether one typed run could be taken for both: every value overlaps (not-a-number values with each other). */
    static boolean overlap(double[] a, double[] b, Tolerance tolerance) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            boolean fa = Double.isFinite(a[i]), fb = Double.isFinite(b[i]);
            if (fa != fb || fa && !tolerance.overlaps(a[i], b[i])) return false;
        }
        return true;
    }

    /**
     * A teaching variant whose run could be typed as the right run or as another variant's makes the
     * feedback unsound on this data; a variant that changes nothing here does not apply (empty value).
     */
    @Override
    public String clash(AnswerSpec a, ExerciseInstance instance, double[] reference) {
        List<MisconceptionValue> named = NumericGrading.named(a, instance);
        for (int i = 0; i < named.size(); i++) {
            MisconceptionValue m = named.get(i);
            if (m.value().length == 0) continue;
            if (overlap(m.value(), reference, a.tolerance())) return "'" + m.name() + "' gives a run within the tolerance of the right one";
            for (int j = 0; j < i; j++) {
                MisconceptionValue other = named.get(j);
                if (other.value().length > 0 && overlap(m.value(), other.value(), a.tolerance())) {
                    return "'" + m.name() + "' and '" + other.name() + "' give runs within each other's tolerance";
                }
            }
        }
        return null;
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return "CSV or JSON as described above; every value " + a.tolerance().describe();
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        LabReferences.Shape shape = shape(a);
        double[] flat = instance.references().get(a.name());
        int iterations = iterations(instance);
        StringJoiner out = new StringJoiner("; ");
        out.add(shape.traceName() + " after iteration " + iterations + " " + DataPreview.format(flat[iterations - 1]));
        int perRow = (flat.length - iterations) / shape.rows().size();
        for (int r = 0; r < shape.rows().size(); r++) {
            StringJoiner row = new StringJoiner(", ");
            for (int c = 0; c < perRow; c++) row.add(DataPreview.format(flat[iterations + r * perRow + c]));
            out.add(shape.rows().get(r) + " " + row);
        }
        return out.toString();
    }

    /** The right run as a learner's program would print it: CSV on odd seeds, JSON on even ones, so {@code check} reads both. */
    @Override
    public String typedRightAnswer(AnswerSpec a, ExerciseInstance instance) {
        return typed(a, instance.references().get(a.name()), instance);
    }

    @Override
    public String typed(AnswerSpec a, double[] value, ExerciseInstance instance) {
        return instance.seed() % 2 == 1 ? TraceFormat.csv(value, shape(a), iterations(instance)) : TraceFormat.json(value, shape(a), iterations(instance));
    }

    @Override
    public Object view(AnswerSpec a, ExerciseInstance instance, String lastValue, boolean submitted, boolean answerShown) {
        LabReferences.Shape shape = shape(a);
        int iterations = iterations(instance);
        String learner = null;
        if (lastValue != null && !lastValue.isBlank()) {
            try {
                learner = jsonArray(TraceFormat.parse(lastValue, shape, iterations).trace());
            } catch (InvalidAnswerException unreadable) {
                learner = null; // the field's error says why; there is nothing to draw
            }
        }
        double[] reference = instance.references().get(a.name());
        String core = submitted || answerShown ? jsonArray(java.util.Arrays.copyOf(reference, iterations)) : null;
        return new TraceView(a.name(), shape.traceName(), shape.traceLabel(), iterations, shape.rows(), shape.components(),
                learner, core, answerShown ? solution(a.reference()) : null);
    }

    /** The worked reference implementation of a run, shown once the learner solved the lab or gave up. */
    static String solution(String reference) {
        try (InputStream in = TraceAnswer.class.getResourceAsStream("/labs/" + reference + ".py")) {
            if (in == null) throw new IllegalStateException("no worked solution labs/" + reference + ".py on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonArray(double[] values) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (double v : values) out.add(Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "null");
        return out.toString();
    }

    static LabReferences.Shape shape(AnswerSpec a) {
        return LabReferences.SHAPES.get(a.reference());
    }

    private static int iterations(ExerciseInstance instance) {
        return instance.data().given().get("iterations").intValue();
    }

    /**
     * What the trace fragment shows: the formats, the learner's last trace and, after a submission,
     * the core's (JSON arrays for the chart; not-a-number values as null), and the worked solution.
     */
    public record TraceView(String answer, String traceName, String traceLabel, int iterations, List<String> rows, int components,
                            String learnerTrace, String coreTrace, String solution) {
        /** The CSV layout with placeholders. */
        public String csvExample() {
            StringBuilder out = new StringBuilder("iteration,").append(traceName).append("\n1,…\n2,…\n…\n").append(iterations).append(",…");
            for (String row : rows) out.append('\n').append(row).append(",…".repeat(components));
            return out.toString();
        }

        /** The JSON layout with placeholders. */
        public String jsonExample() {
            StringBuilder out = new StringBuilder("{\"").append(traceName).append("\": [… ").append(iterations).append(" numbers …]");
            for (String row : rows) out.append(", \"").append(row).append("\": [").append(String.join(", ", java.util.Collections.nCopies(components, "…"))).append(']');
            return out.append('}').toString();
        }
    }
}
