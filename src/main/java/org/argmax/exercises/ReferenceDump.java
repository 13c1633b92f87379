package org.argmax.exercises;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.argmax.exercises.ExerciseInstance.MisconceptionValue;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Mistake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code check --dump FILE}: every exercise on seeds 1…N (the seeds {@code check} uses) as JSON
 * lines, so the references can be recomputed outside Java (src/test/python/recompute_references.py).
 * One object per exercise and seed, with exactly the keys
 * {@code exercise, seed, family, [trials], data, variables, given, answers}:
 * <ul>
 * <li>{@code family}: the data family ({@code "none"} for a question without data); {@code trials}
 * only for binomial data (it is then not repeated in {@code given}).</li>
 * <li>{@code data}: as shown to the learner: a list of values (class counts for categorical data),
 * {@code {"x": [...], "y": [...]}} for regression with one feature ({@code x} as rows {@code [[...], ...]}
 * with several).</li>
 * <li>{@code variables}: what formulas see ({@link DataVariables}, given quantities included).</li>
 * <li>{@code answers}: per answer, in the author's order, {@code reference} (its name), {@code value}
 * (a number, or a list for a vector reference), {@code tolerance} ({@code {"relative"|"absolute"|"digits": v}}),
 * {@code misconceptions} (each switched-on misconception's value, same shape as the value) and
 * {@code mistakes} (each author mistake's formula evaluated on {@code variables}, as the grader does).
 * An answer without a numeric reference (formula, choice) is listed as {@code {"reference": null}} only.
 * The keys are fixed, so two grading modes are not spelled out: {@code grading: unordered} compares
 * sorted values, and {@code grading: likelihood} accepts by the log-likelihood gap (the tolerance then
 * applies to misconceptions and mistakes only).</li>
 * </ul>
 * Numbers are the exact doubles the grader uses (shortest round-trip form); a value that is not a
 * finite number (a mistake formula dividing by 0, say: the grader skips those) is written as {@code null}.
 */
public final class ReferenceDump {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final References references;
    private final InstanceFactory factory;

    public ReferenceDump(References references, Misconceptions misconceptions) {
        this.references = references;
        this.factory = new InstanceFactory(references, misconceptions);
    }

    /** Writes seeds 1…{@code seeds} of every exercise, one line each; returns the number of lines. */
    public long write(Map<String, ExerciseSpec> specs, int seeds, Writer out) {
        long lines = 0;
        try {
            for (ExerciseSpec spec : specs.values()) {
                for (long seed = 1; seed <= seeds; seed++) {
                    ExerciseInstance instance;
                    try {
                        instance = factory.create(spec, seed);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("exercise '" + spec.id() + "', seed " + seed + ": " + e.getMessage(), e);
                    }
                    JSON.writeValue(out, line(instance));
                    out.write('\n');
                    lines++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The dump's object for one instance: what create() returned, nothing recomputed. */
    public ObjectNode line(ExerciseInstance instance) {
        ExerciseData data = instance.data();
        ObjectNode o = NODES.objectNode();
        o.put("exercise", instance.spec().id());
        o.put("seed", instance.seed());
        o.put("family", data.family());
        boolean binomial = data.family().equals("binomial");
        if (binomial) o.put("trials", data.given().get("trials").longValue());
        o.set("data", data(data));
        ObjectNode variables = o.putObject("variables");
        instance.variables().forEach((k, v) -> variables.set(k, number(v)));
        ObjectNode given = o.putObject("given");
        data.given().forEach((k, v) -> {
            if (!(binomial && k.equals("trials"))) given.set(k, number(v));
        });
        ObjectNode answers = o.putObject("answers");
        for (AnswerSpec a : instance.spec().answers()) answers.set(a.name(), answer(a, instance));
        return o;
    }

    private ObjectNode answer(AnswerSpec a, ExerciseInstance instance) {
        ObjectNode o = NODES.objectNode();
        double[] reference = instance.references().get(a.name());
        if (a.reference() == null || reference == null) {
            o.putNull("reference");
            return o;
        }
        boolean vector = references.isVector(a.reference());
        o.put("reference", a.reference());
        o.set("value", values(reference, vector));
        Tolerance t = a.tolerance();
        ObjectNode tolerance = o.putObject("tolerance");
        String kind = t.kind().name().toLowerCase(Locale.ROOT);
        if (t.kind() == Tolerance.Kind.DIGITS) tolerance.put(kind, (long) t.amount());
        else tolerance.put(kind, t.amount());
        ObjectNode misconceptions = o.putObject("misconceptions");
        for (MisconceptionValue m : instance.misconceptions().getOrDefault(a.name(), List.of())) {
            misconceptions.set(m.name(), values(m.value(), vector));
        }
        ObjectNode mistakes = o.putObject("mistakes");
        for (Mistake m : a.mistakes()) {
            // as Grader.numeric evaluates them: the formula in the instance's variables
            double v = Formulas.evaluate(Formulas.parse(m.formula(), instance.variables().keySet()), instance.variables());
            mistakes.set(m.name(), number(v));
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode data(ExerciseData data) {
        if (data.isRegression()) {
            ObjectNode o = NODES.objectNode();
            ArrayNode x = o.putArray("x");
            for (double[] row : data.x()) {
                if (row.length == 1) {
                    x.add(shown(row[0]));
                } else {
                    ArrayNode r = x.addArray();
                    for (double v : row) r.add(shown(v));
                }
            }
            ArrayNode y = o.putArray("y");
            for (double v : data.y()) y.add(shown(v));
            return o;
        }
        ArrayNode a = NODES.arrayNode();
        for (double v : data.values()) a.add(shown(v));
        return a;
    }

    /** A data value as the learner sees it: whole numbers without ".0" (the same double either way). */
    private static com.fasterxml.jackson.databind.JsonNode shown(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return NODES.numberNode((long) v);
        return number(v);
    }

    private static com.fasterxml.jackson.databind.JsonNode values(double[] v, boolean vector) {
        if (!vector && v.length == 1) return number(v[0]);
        ArrayNode a = NODES.arrayNode();
        for (double x : v) a.add(number(x));
        return a;
    }

    private static com.fasterxml.jackson.databind.JsonNode number(Double v) {
        return v == null || !Double.isFinite(v) ? NODES.nullNode() : NODES.numberNode(v.doubleValue());
    }
}
