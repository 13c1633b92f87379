package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a submission against an {@link ExerciseInstance}, each answer by its {@link AnswerType}.
 * Input that is not an answer at all (unreadable, the wrong number of values, outside the
 * reference's {@link AnswerDomain}) throws {@link InvalidAnswerException} naming every field's
 * problem before anything is graded, so it costs no attempt. A value outside the domain that a
 * misconception or author mistake of the answer predicts (forgetting the log makes a log-likelihood
 * positive) is graded as that named mistake: an anticipated slip with its own feedback, not a typo.
 */
public final class Grader {
    /**
     * The most one answer may take as stored (its JSON string, quotes included; see
     * {@link AttemptRepository#storedSize}): far longer than any honest answer, and limited by what is
     * stored, not by characters typed, so control characters (6 each as JSON) cannot overflow the column.
     */
    static final int MAX_STORED_ANSWER = 1_000;

    private final References references;

    /** Re-grades answers that use a wrong earlier answer with the learner's own value (see {@link CarriedForward}). */
    private final InstanceFactory carrying;

    public Grader(References references) {
        this.references = references;
        this.carrying = new InstanceFactory(references, Misconceptions.standard(references));
    }

    public Grade grade(ExerciseInstance instance, Map<String, String> submitted) {
        Map<String, Object> parsed = new HashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (AnswerSpec a : instance.spec().answers()) {
            try {
                Object value = parse(a, submitted.get(a.name()), instance);
                String outside = a.type().outsideDomain(a, value, instance, references);
                if (outside != null) problems.put(a.name(), outside);
                else parsed.put(a.name(), value);
            } catch (InvalidAnswerException e) {
                problems.put(a.name(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new InvalidAnswerException(problems, instance.spec().answers().size() > 1);
        List<Grade.AnswerVerdict> verdicts = new ArrayList<>();
        for (AnswerSpec a : instance.spec().answers()) {
            verdicts.add(a.type().grade(a, submitted.get(a.name()).strip(), parsed.get(a.name()), instance));
        }
        verdicts = CarriedForward.regrade(carrying, references, instance, parsed, verdicts);
        // whatever the number of answers, what is stored fits its column
        if (AttemptRepository.storedSize(submitted) > AttemptRepository.ANSWERS_COLUMN
                || AttemptRepository.storedSize(verdicts) > AttemptRepository.VERDICTS_COLUMN) {
            throw new InvalidAnswerException("Your answers are too long together to be kept; shorten them.");
        }
        long right = verdicts.stream().filter(Grade.AnswerVerdict::correct).count();
        return new Grade(verdicts, right == verdicts.size(), (double) right / verdicts.size());
    }

    private static Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        int stored = raw == null ? 0 : AttemptRepository.storedSize(raw);
        int limit = a.type().maxStoredSize();
        if (stored > limit) {
            throw new InvalidAnswerException("That answer is too long to keep: " + String.format(java.util.Locale.ROOT, "%,d", stored)
                    + " characters as stored, at most " + String.format(java.util.Locale.ROOT, "%,d", limit)
                    + " (invisible control characters count 6 each).");
        }
        return a.type().parse(a, raw, instance);
    }
}
