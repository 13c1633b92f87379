package org.argmax.exercises;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An exercise as the instructor wrote it in {@code content/exercises/<id>.yml}. Values drawn per
 * learner (data parameters, sample size, given quantities) are {@link Range}s.
 */
public record ExerciseSpec(String id, String title, String prompt, DataSpec data, Map<String, Range> given,
                           List<AnswerSpec> answers, int maxAttempts, double penalty, boolean variants,
                           boolean giveUp, int newData, Path source, int line) {
    public ExerciseSpec {
        // file order, not Map.copyOf: values are drawn in this order, so it must be the same in every JVM
        given = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(given));
        answers = List.copyOf(answers);
    }

    /** Without a cap on new data sets ({@code newData} 0). */
    public ExerciseSpec(String id, String title, String prompt, DataSpec data, Map<String, Range> given,
                        List<AnswerSpec> answers, int maxAttempts, double penalty, boolean variants, boolean giveUp, Path source, int line) {
        this(id, title, prompt, data, given, answers, maxAttempts, penalty, variants, giveUp, 0, source, line);
    }

    /** Whether a later answer is graded with the learner's own earlier answer (see {@link AnswerSpec#uses}). */
    public boolean buildsUp() {
        return answers.stream().anyMatch(a -> !a.uses().isEmpty());
    }

    /** New data is offered when the author allows it and there is data to draw again. */
    public boolean offersNewData() {
        return variants && data != null;
    }

    /**
     * Whether a learner who already drew {@code used} new data sets may draw no more: the author's
     * {@code new_data: N} caps them at N (0, the default, is no cap).
     */
    public boolean newDataUsedUp(int used) {
        return newData > 0 && used >= newData;
    }

    /** What data the learner gets: a family of the core, its parameters and the sample size. */
    public record DataSpec(String family, Range n, Map<String, Range> parameters, String show) {
        public DataSpec {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }

    /**
     * A number fixed by the author or drawn uniformly per learner (whole numbers when {@code integer}),
     * or, for a data parameter, a {@code formula} in the given quantities (so the truth that makes the
     * data can be the σ² the prompt calls known).
     */
    public record Range(double from, double to, boolean integer, List<Double> choices, String formula) {
        public Range(double from, double to, boolean integer, List<Double> choices) {
            this(from, to, integer, choices, null);
        }

        public static Range fixed(double v) {
            return new Range(v, v, false, List.of());
        }

        public static Range of(String formula) {
            return new Range(0, 0, false, List.of(), formula);
        }

        public boolean isFixed() {
            return formula == null && choices.isEmpty() && from == to;
        }
    }

    /**
     * One named answer of the exercise. {@code uses} maps a quantity its reference needs (as if it were
     * under {@code given:}) to an earlier number answer: the quantity is that answer's reference, and
     * when the learner's value there was wrong, this answer is graded with the learner's value instead
     * (error carried forward, see {@link CarriedForward}).
     */
    public record AnswerSpec(String name, String label, AnswerType type, String reference, Tolerance tolerance,
                             Grading grading, double likelihoodTolerance, List<String> misconceptions,
                             List<Mistake> mistakes, List<String> hints, List<Choice> choices,
                             List<String> variables, String expected, Input input, int line, Map<String, String> uses) {
        public AnswerSpec {
            misconceptions = List.copyOf(misconceptions);
            mistakes = List.copyOf(mistakes);
            hints = List.copyOf(hints);
            choices = List.copyOf(choices);
            variables = List.copyOf(variables);
            uses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(uses));
        }

        /** An answer that uses no earlier answer. */
        public AnswerSpec(String name, String label, AnswerType type, String reference, Tolerance tolerance,
                          Grading grading, double likelihoodTolerance, List<String> misconceptions,
                          List<Mistake> mistakes, List<String> hints, List<Choice> choices,
                          List<String> variables, String expected, Input input, int line) {
            this(name, label, type, reference, tolerance, grading, likelihoodTolerance, misconceptions, mistakes, hints, choices,
                    variables, expected, input, line, Map.of());
        }
    }

    /** How a numeric answer is compared: by value, by its log-likelihood, or by value in any order (mixture components). */
    public enum Grading {
        VALUE, LIKELIHOOD, UNORDERED;

        public static Grading named(String name) {
            for (Grading g : values()) if (g.name().equalsIgnoreCase(name)) return g;
            return null;
        }
    }

    /** How a number is entered: typed, or picked on a slider from {@code min} to {@code max}. */
    public record Input(String kind, double min, double max) {
        public static final Input TEXT = new Input("text", 0, 1);

        public boolean isSlider() {
            return kind.equals("slider");
        }

        public double step() {
            return (max - min) / 1000;
        }
    }

    /** An author's named wrong answer: a formula in the data's variables, and what to tell the learner. */
    public record Mistake(String name, String formula, String message, int line) {
    }

    /** A multiple-choice option. */
    public record Choice(String text, boolean correct, String feedback) {
    }
}
