package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Choice;

import java.util.List;

/** One option out of several; a wrong option is a named mistake too, so the instructor sees which ones learners pick. */
public final class ChoiceAnswer implements AnswerType {
    ChoiceAnswer() {
    }

    @Override
    public String name() {
        return "choice";
    }

    @Override
    public boolean takesReference() {
        return false;
    }

    @Override
    public String referenceProblem(String reference) {
        return "a choice answer is graded by 'correct: true' on one option, not by a reference";
    }

    @Override
    public List<String[]> specProblems(AnswerSpec a) {
        if (a.choices().stream().filter(Choice::correct).count() != 1) {
            return List.<String[]>of(new String[]{"choices", "exactly one choice must have 'correct: true'"});
        }
        return List.of();
    }

    @Override
    public Object parse(AnswerSpec a, String raw, ExerciseInstance instance) {
        try {
            int i = Integer.parseInt(raw == null ? "" : raw.strip());
            if (i < 0 || i >= a.choices().size()) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new InvalidAnswerException("Pick one of the options.");
        }
    }

    @Override
    public Grade.AnswerVerdict grade(AnswerSpec a, String given, Object value, ExerciseInstance instance) {
        int index = (Integer) value;
        Choice c = a.choices().get(index);
        String msg = c.correct() ? "Correct." : (c.feedback().isEmpty() ? "That is not the right option." : c.feedback());
        return new Grade.AnswerVerdict(a.name(), c.text(), c.correct(), c.correct() ? null : "option-" + (index + 1), msg);
    }

    @Override
    public String toleranceText(AnswerSpec a) {
        return "";
    }

    @Override
    public String reveal(AnswerSpec a, ExerciseInstance instance) {
        return a.choices().stream().filter(Choice::correct).findFirst().map(Choice::text).orElse("");
    }

    @Override
    public String typedRightAnswer(AnswerSpec a, ExerciseInstance instance) {
        for (int i = 0; i < a.choices().size(); i++) if (a.choices().get(i).correct()) return String.valueOf(i);
        return "0";
    }
}
