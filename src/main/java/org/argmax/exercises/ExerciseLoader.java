package org.argmax.exercises;

import org.argmax.content.ContentLimits;
import org.argmax.content.ContentProblem;
import org.argmax.content.Suggestions;
import org.argmax.content.YamlMap;
import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Choice;
import org.argmax.exercises.ExerciseSpec.DataSpec;
import org.argmax.exercises.ExerciseSpec.Mistake;
import org.argmax.exercises.ExerciseSpec.Range;
import org.argmax.markdown.MarkdownRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code content/exercises/*.yml} into {@link ExerciseSpec}s, reporting every schema error as
 * {@code file:line: message}. Names of families, references and misconceptions are checked
 * against what the core offers, with "did you mean" suggestions.
 */
public final class ExerciseLoader {
    public static final String DIR = "exercises";
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "prompt", "data", "given", "answers",
            "attempts", "penalty", "variants", "give_up", "new_data");
    private static final Set<String> DATA_KEYS = Set.of("family", "n", "parameters", "show");
    private static final Set<String> ANSWER_KEYS = Set.of("name", "label", "type", "reference", "tolerance", "grading",
            "misconceptions", "mistakes", "hints", "choices", "variables", "expected", "input", "min", "max", "uses");
    private static final Set<String> SHOWS = Set.of("list", "table", "summary", "counts");

    private final References references;
    private final Misconceptions misconceptions;

    /** Checks names against these registries (built once at start and passed in). */
    public ExerciseLoader(References references, Misconceptions misconceptions) {
        this.references = references;
        this.misconceptions = misconceptions;
    }

    public Map<String, ExerciseSpec> load(Path contentRoot, List<ContentProblem> problems) {
        Path dir = contentRoot.resolve(DIR);
        Map<String, ExerciseSpec> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return out;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(dir, 1, "cannot list the exercises: " + e.getMessage()));
            return out;
        }
        for (Path file : files) {
            ExerciseSpec spec;
            try {
                spec = loadOne(file, problems);
            } catch (Throwable t) { // a failure the checks did not foresee: the site keeps its last good course
                problems.add(ContentProblem.unexpected(file, 1, t));
                continue;
            }
            if (spec != null) out.put(spec.id(), spec);
        }
        return out;
    }

    ExerciseSpec loadOne(Path file, List<ContentProblem> problems) {
        int before = problems.size();
        String text = ContentLimits.read(file, problems);
        if (text == null) return null;
        YamlMap y = YamlMap.parse(file, text, 1, problems);
        if (y == null) return null;
        y.rejectUnknownKeys(TOP_KEYS);
        String fileId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String id = y.string("id", true);
        if (id != null && !id.equals(fileId)) y.problem("id", "the id '" + id + "' must match the file name '" + fileId + "'");
        String title = y.string("title", true);
        String prompt = y.string("prompt", true);
        if (prompt != null) MarkdownRenderer.checkLimits(prompt, file, y.textLine("prompt"), problems);
        Map<String, Range> given = new LinkedHashMap<>();
        YamlMap givenMap = y.map("given", false);
        if (givenMap != null) for (String k : givenMap.keys()) given.put(k, range(givenMap, k));
        DataSpec data = data(y, given.keySet());
        List<AnswerSpec> answers = new ArrayList<>();
        for (YamlMap a : y.maps("answers", true)) {
            AnswerSpec spec = answer(a, data, given.keySet(), answers);
            if (spec != null) answers.add(spec);
        }
        if (y.has("answers") && answers.isEmpty()) y.problem("answers", "an exercise needs at least one answer");
        if (data == null && answers.stream().anyMatch(a -> a.reference() != null)) {
            y.problemAt(y.line(), "this exercise has answers computed from data: add a 'data:' section");
        }
        Set<String> names = new java.util.HashSet<>();
        for (AnswerSpec a : answers) {
            if (!names.add(a.name())) y.problemAt(a.line(), "two answers are called '" + a.name() + "'");
        }
        int attempts = y.integer("attempts", 0, 0, 1000);
        double penalty = y.number("penalty", 0.0);
        if (penalty < 0 || penalty > 1) y.problem("penalty", "'penalty' is the share of the score lost per wrong attempt: between 0 and 1");
        boolean variants = y.bool("variants", true);
        boolean giveUp = y.bool("give_up", true);
        int newData = newData(y, variants, data);
        if (problems.size() > before) return null;
        return new ExerciseSpec(id, title, prompt, data, given, answers, attempts, penalty, variants, giveUp, newData, file, y.line());
    }

    /** {@code new_data: N}: at most N new data sets per learner (0 when absent: no cap). */
    private static int newData(YamlMap y, boolean variants, DataSpec data) {
        if (!y.has("new_data")) return 0;
        String raw = y.string("new_data", false);
        if ("0".equals(raw == null ? null : raw.strip())) {
            y.problem("new_data", "'new_data: 0' would offer no new data: write 'variants: false' instead, or a cap of 1 or more");
            return 0;
        }
        int n = y.integer("new_data", 0, 1, 1000);
        if (data == null) y.problem("new_data", "'new_data' caps new data sets, but this exercise has no data to draw again");
        else if (!variants) y.problem("new_data", "'new_data' caps new data sets, but 'variants: false' offers none");
        return n;
    }

    private DataSpec data(YamlMap y, Set<String> givenNames) {
        YamlMap d = y.map("data", false);
        if (d == null) return null;
        d.rejectUnknownKeys(DATA_KEYS);
        String family = d.string("family", true);
        if (family != null && !DataGenerator.FAMILIES.contains(family)) {
            d.problem("family", "unknown data family '" + family + "'" + hint(family, DataGenerator.FAMILIES));
        }
        Range n = d.has("n") ? range(d, "n") : Range.fixed(20);
        if (n.from() < 1 || n.to() > 100_000) d.problem("n", "'n' must be between 1 and 100000");
        Map<String, Range> params = new LinkedHashMap<>();
        YamlMap p = d.map("parameters", false);
        if (p != null) {
            for (String k : p.keys()) {
                // a formula in the given quantities, e.g. sd: "sqrt(known_variance)"
                List<String> items = p.stringList(k, true);
                if (items.size() == 1 && !items.get(0).strip().matches("[-+0-9.eE]+")) {
                    String problem = Formulas.validate(items.get(0), givenNames);
                    if (problem != null) p.problem(k, "the parameter '" + k + "' is neither a number nor a formula in the given quantities: " + problem);
                    params.put(k, Range.of(items.get(0)));
                } else {
                    params.put(k, range(p, k));
                }
            }
        }
        if (family != null && DataGenerator.FAMILIES.contains(family)) {
            for (String required : DataGenerator.requiredParameters(family)) {
                if (!params.containsKey(required)) d.problem("family", "data of family '" + family + "' needs the parameter '" + required + "'");
            }
        }
        String show = d.string("show", "list");
        if (!SHOWS.contains(show)) d.problem("show", "'show' must be one of " + SHOWS);
        return new DataSpec(family, n, params, show);
    }

    /**
     * A number; a range {@code [low, high]} drawn uniformly (whole numbers when both ends are); or
     * three or more numbers, one of which is picked.
     */
    static Range range(YamlMap m, String key) {
        List<String> items = m.stringList(key, true);
        try {
            if (items.size() == 1) return Range.fixed(Double.parseDouble(items.get(0)));
            if (items.size() == 2) {
                double a = Double.parseDouble(items.get(0));
                double b = Double.parseDouble(items.get(1));
                if (b < a) m.problem(key, "the range of '" + key + "' goes from " + a + " down to " + b + ": write [low, high]");
                boolean integer = isWhole(items.get(0)) && isWhole(items.get(1));
                return new Range(a, b, integer, List.of());
            }
            List<Double> choices = items.stream().map(Double::parseDouble).toList();
            return new Range(choices.get(0), choices.get(choices.size() - 1), false, choices);
        } catch (NumberFormatException e) {
            m.problem(key, "'" + key + "' must be a number or a range [low, high] of numbers, got " + items);
        }
        return Range.fixed(0);
    }

    private static boolean isWhole(String s) {
        return s.matches("-?\\d+");
    }

    private AnswerSpec answer(YamlMap a, DataSpec data, Set<String> declaredGiven, List<AnswerSpec> earlier) {
        a.rejectUnknownKeys(ANSWER_KEYS);
        Map<String, String> uses = uses(a, data, declaredGiven, earlier);
        Set<String> givenNames = new java.util.HashSet<>(declaredGiven);
        givenNames.addAll(uses.keySet());
        String name = a.string("name", true);
        if (name != null && !name.matches("[a-z][a-z0-9_]*")) a.problem("name", "answer names use a-z, 0-9 and _, starting with a letter");
        String typeName = a.string("type", "number");
        AnswerType type = AnswerType.named(typeName);
        if (type == null) {
            a.problem("type", "unknown answer type '" + typeName + "': use " + String.join(", ", AnswerType.ALL.stream().map(AnswerType::name).toList()));
            return null;
        }
        String label = a.string("label", name == null ? "" : name);
        if (a.has("label") && label != null) MarkdownRenderer.checkLimits(label, a.file(), a.textLine("label"), a.problems());
        String reference = null;
        if (type.takesReference()) {
            reference = a.string("reference", true);
            String shape = reference == null ? null : type.referenceProblem(reference, references);
            if (reference != null && !references.contains(reference)) {
                a.problem("reference", "unknown reference '" + reference + "'" + hint(reference, references.names()));
            } else if (shape != null) {
                a.problem("reference", shape);
            } else if (reference != null && data != null && data.family() != null && !references.fits(reference, data.family())) {
                a.problem("reference", "reference '" + reference + "' does not apply to data of family '" + data.family() + "'");
            } else if (reference != null) {
                for (String needed : references.needs(reference)) {
                    if (!givenNames.contains(needed)) {
                        a.problem("reference", "reference '" + reference + "' needs '" + needed + "' under given:"
                                + (earlier.isEmpty() ? "" : " or from an earlier answer with uses: {" + needed + ": <answer>}"));
                    }
                }
                for (String carried : uses.keySet()) {
                    if (!references.needs(reference).contains(carried)) {
                        a.problem("uses", "reference '" + reference + "' does not use '" + carried + "'"
                                + (references.needs(reference).isEmpty() ? "" : "; it needs " + references.needs(reference)));
                    }
                }
            }
        } else if (!uses.isEmpty()) {
            a.problem("uses", "a " + type.name() + " answer has no reference to compute from an earlier answer; 'uses' is for number, vector and interval answers");
        }
        Tolerance tolerance = tolerance(a);
        String gradingName = a.string("grading", "value");
        ExerciseSpec.Grading grading = ExerciseSpec.Grading.named(gradingName);
        double llTolerance = 0;
        if (grading == null) {
            a.problem("grading", "'grading' must be value, likelihood or unordered");
            grading = ExerciseSpec.Grading.VALUE;
        } else if (grading == ExerciseSpec.Grading.LIKELIHOOD) {
            llTolerance = 0.01;
            if (reference != null && !references.supportsLikelihoodGrading(reference)) {
                a.problem("grading", "grading by likelihood needs an MLE reference of one parameter; '" + reference + "' is not one");
            }
        } else if (grading == ExerciseSpec.Grading.UNORDERED && type != AnswerType.VECTOR) {
            a.problem("grading", "'unordered' grading is for vector answers (e.g. mixture means in any order)");
        }
        List<String> named = a.stringList("misconceptions", false);
        for (String m : named) {
            if (!misconceptions.contains(m)) {
                a.problem("misconceptions", "unknown misconception '" + m + "'" + hint(m, misconceptions.names()));
            } else if (reference != null && references.contains(reference) && !misconceptions.appliesTo(m, reference)) {
                a.problem("misconceptions", "misconception '" + m + "' does not apply to reference '" + reference + "'");
            }
        }
        List<Mistake> mistakes = new ArrayList<>();
        for (YamlMap m : a.maps("mistakes", false)) {
            m.rejectUnknownKeys(Set.of("name", "formula", "message"));
            mistakes.add(new Mistake(m.string("name", true), m.string("formula", true), m.string("message", true), m.line()));
        }
        List<Choice> choices = new ArrayList<>();
        for (YamlMap c : a.maps("choices", type == AnswerType.CHOICE)) {
            c.rejectUnknownKeys(Set.of("text", "correct", "feedback"));
            String text = c.string("text", true);
            if (text != null) MarkdownRenderer.checkLimits(text, c.file(), c.textLine("text"), a.problems());
            choices.add(new Choice(text, c.bool("correct", false), c.string("feedback", "")));
        }
        List<String> variables = a.stringList("variables", type == AnswerType.FORMULA);
        String expected = a.string("expected", type == AnswerType.FORMULA);
        for (Mistake m : mistakes) {
            if (m.formula() == null) continue;
            List<String> vars = new ArrayList<>(type == AnswerType.FORMULA ? variables : DataVariables.names(data == null ? null : data.family()));
            if (type != AnswerType.FORMULA) vars.addAll(givenNames);
            String err = Formulas.validate(m.formula(), vars);
            if (err != null) a.problemAt(m.line(), "mistake '" + m.name() + "': " + err);
        }
        ExerciseSpec.Input input = ExerciseSpec.Input.TEXT;
        String inputKind = a.string("input", "text");
        if (inputKind.equals("slider")) {
            if (type != AnswerType.NUMBER) a.problem("input", "only number answers can use a slider");
            double min = a.number("min", 0.0), max = a.number("max", 1.0);
            if (!(max > min)) a.problem("max", "'max' must be greater than 'min'");
            input = new ExerciseSpec.Input("slider", min, max);
        } else if (!inputKind.equals("text")) {
            a.problem("input", "'input' must be text or slider");
        }
        List<String> hints = a.stringList("hints", false);
        for (int i = 0; i < hints.size(); i++) MarkdownRenderer.checkLimits(hints.get(i), a.file(), a.itemLine("hints", i), a.problems());
        AnswerSpec spec = new AnswerSpec(name, label, type, reference, tolerance, grading, llTolerance, named, mistakes,
                hints, choices, variables, expected, input, a.line(), uses);
        for (String[] problem : type.specProblems(spec)) a.problem(problem[0], problem[1]);
        return spec;
    }

    /**
     * {@code uses: {p: theta_hat}}: the quantity {@code p} this answer's reference needs is the earlier
     * number answer {@code theta_hat} (its reference, or the learner's value when that was wrong).
     */
    private static Map<String, String> uses(YamlMap a, DataSpec data, Set<String> declaredGiven, List<AnswerSpec> earlier) {
        Map<String, String> uses = new LinkedHashMap<>();
        if (!a.has("uses")) return uses;
        YamlMap u = a.map("uses", false);
        if (u == null) return uses;
        List<String> dataNames = DataVariables.names(data == null ? null : data.family());
        for (String quantity : u.keys()) {
            String from = u.string(quantity, true);
            if (from == null) continue;
            AnswerSpec source = earlier.stream().filter(e -> from.equals(e.name())).findFirst().orElse(null);
            if (!quantity.matches("[a-z][a-z0-9_]*")) {
                u.problem(quantity, "'" + quantity + "' is not a quantity name: use a-z, 0-9 and _, starting with a letter");
            } else if (declaredGiven.contains(quantity) || dataNames.contains(quantity)) {
                u.problem(quantity, "'" + quantity + "' is already " + (declaredGiven.contains(quantity) ? "under given:" : "a name of the data")
                        + "; a quantity taken from an earlier answer needs a name of its own");
            } else if (source == null) {
                u.problem(quantity, "'" + from + "' is not an earlier answer of this exercise"
                        + (earlier.isEmpty() ? " (the first answer cannot use another)" : hint(from, earlier.stream().map(AnswerSpec::name).toList())));
            } else if (source.type() != AnswerType.NUMBER || source.reference() == null) {
                u.problem(quantity, "'" + from + "' is a " + source.type().name() + " answer; only a number answer with a reference can be carried forward");
            } else {
                uses.put(quantity, from);
            }
        }
        return uses;
    }

    private static Tolerance tolerance(YamlMap a) {
        YamlMap t = a.map("tolerance", false);
        if (t == null) return Tolerance.DEFAULT;
        t.rejectUnknownKeys(Set.of("relative", "absolute", "digits"));
        if (t.keys().size() != 1) {
            t.problemAt(t.line(), "give exactly one of relative, absolute or digits");
            return Tolerance.DEFAULT;
        }
        String k = t.keys().iterator().next();
        Double v = t.number(k, 0.0);
        if (v == null || v <= 0) {
            t.problem(k, "the tolerance must be a positive number");
            return Tolerance.DEFAULT;
        }
        return switch (k) {
            case "relative" -> new Tolerance(Tolerance.Kind.RELATIVE, v);
            case "absolute" -> new Tolerance(Tolerance.Kind.ABSOLUTE, v);
            default -> new Tolerance(Tolerance.Kind.DIGITS, Math.rint(v));
        };
    }

    private static String hint(String typed, java.util.Collection<String> known) {
        return Suggestions.closest(typed, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
