package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.List;

/**
 * A kind of answer: how what the learner typed is read, which values are answers at all, how it is
 * graded, what the form says about the tolerance and how the answer is revealed. Its input is drawn by
 * {@link ExerciseHtml} (a line of text with the tolerance below it, unless the kind has an input of
 * its own there). A new kind is one new class here and one line in {@link #ALL}; the compiler lists the rest.
 */
public sealed interface AnswerType permits NumericAnswer, FormulaAnswer, ChoiceAnswer, TraceAnswer {
    AnswerType NUMBER = new NumberAnswer();
    AnswerType VECTOR = new VectorAnswer();
    AnswerType INTERVAL = new IntervalAnswer();
    AnswerType FORMULA = new FormulaAnswer();
    AnswerType CHOICE = new ChoiceAnswer();
    AnswerType TRACE = new TraceAnswer();
    List<AnswerType> ALL = List.of(NUMBER, VECTOR, INTERVAL, FORMULA, CHOICE, TRACE);

    /** As written after {@code type:} in an exercise file. */
    String name();

    /**
     * Why {@code reference} cannot be the reference of this kind (a vector for a number, say), or
     * {@code null}; kinds without a reference return a problem for any.
     */
    String referenceProblem(String reference, References references);

    /** Whether answers of this kind are computed by a reference of the core. */
    default boolean takesReference() {
        return true;
    }

    /** The author's problems with this answer beyond the common keys (choices, formulas…): key → message. */
    default List<String[]> specProblems(AnswerSpec a) {
        return List.of();
    }

    /** Reads what was typed; throws {@link InvalidAnswerException} with a message for the learner. */
    Object parse(AnswerSpec a, String raw, ExerciseInstance instance);

    /** Why a readable value is still not an answer (outside the reference's domain), or {@code null}. */
    default String outsideDomain(AnswerSpec a, Object value, ExerciseInstance instance, References references) {
        return null;
    }

    Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance);

    /** Shown beside the input ("to within 0.1 % (relative)"); empty when exactness is the rule. */
    String toleranceText(AnswerSpec a);

    /** The right answer as the site shows it once the learner solved the exercise or gave up. */
    String reveal(AnswerSpec a, ExerciseInstance instance);

    /** The right answer as a learner would type it (for {@code check}'s walk through the grader). */
    default String typedRightAnswer(AnswerSpec a, ExerciseInstance instance) {
        return reveal(a, instance);
    }

    /** A named mistake's value typed as a learner would (for {@code check}); numbers separated by commas unless the kind reads another format. */
    default String typed(AnswerSpec a, double[] value, ExerciseInstance instance) {
        return NumericGrading.typed(value, ", ");
    }

    /** The most one answer of this kind may take as stored (see {@link Grader#MAX_STORED_ANSWER}). */
    default int maxStoredSize() {
        return Grader.MAX_STORED_ANSWER;
    }

    /**
     * Why this instance's named mistakes could be mistaken for the right answer or for each other
     * (see {@link Gradeability}), or {@code null}.
     */
    default String clash(AnswerSpec a, ExerciseInstance instance, double[] reference) {
        return Gradeability.numericClash(a, instance, reference);
    }

    /**
     * What this kind's fragment needs beyond the common fields of {@link ExerciseView.AnswerField}
     * ({@code null} for most kinds): {@code submitted} once the learner has an attempt on this data,
     * {@code answerShown} once they solved it or gave up.
     */
    default Object view(AnswerSpec a, ExerciseInstance instance, String lastValue, boolean submitted, boolean answerShown) {
        return null;
    }

    /** Every value that names a mistake on this instance, typed as a learner would (empty for kinds that match mistakes otherwise). */
    default boolean namesMistakesByValue() {
        return takesReference();
    }

    static AnswerType named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }
}
