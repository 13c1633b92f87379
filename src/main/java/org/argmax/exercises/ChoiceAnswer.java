package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.exercises.ExerciseSpec.Choice;

import org.argmax.estimation.Rng;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One option out of several; a wrong option is a named mistake too, so the instructor sees which ones
 * learners pick. Learners see the options in an order shuffled by their seed (the same on every
 * visit), and the form sends the position they picked: {@link #inAuthorsOrder} maps it back to the
 * author's option before grading, so grading, stored answers and verdicts, and the instructor's
 * pages are in the author's terms (option numbers as written in the exercise file).
 */
public final class ChoiceAnswer implements AnswerType {
    private static final long ORDER = InstanceFactory.fnv1a("choice order");

    ChoiceAnswer() {
    }

    /** Position on the learner's page → the author's option index; a permutation seeded by the learner's instance and the answer. */
    public static int[] order(AnswerSpec a, long seed) {
        int n = a.choices().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Rng rng = new Rng(Rng.deriveSeed(seed, ORDER, InstanceFactory.fnv1a(a.name())));
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The options in the order the learner with this instance seed sees them. */
    public static List<Choice> shown(AnswerSpec a, long seed) {
        return java.util.Arrays.stream(order(a, seed)).mapToObj(i -> a.choices().get(i)).toList();
    }

    /** The page position of a stored answer (the author's option index), for the form's checked option; other text as it is. */
    public static String shownPosition(AnswerSpec a, long seed, String authorsIndex) {
        int[] order = order(a, seed);
        Integer index = whole(authorsIndex);
        for (int p = 0; index != null && p < order.length; p++) if (order[p] == index) return String.valueOf(p);
        return authorsIndex;
    }

    /**
     * The submitted answers with every choice answer's page position replaced by the author's option
     * index; anything that is not a position on the page is left as typed, for the parser to refuse.
     */
    public static Map<String, String> inAuthorsOrder(ExerciseSpec spec, long seed, Map<String, String> typed) {
        Map<String, String> out = new LinkedHashMap<>(typed);
        for (AnswerSpec a : spec.answers()) {
            if (a.type() != AnswerType.CHOICE) continue;
            Integer position = whole(typed.get(a.name()));
            int[] order = order(a, seed);
            if (position != null && position >= 0 && position < order.length) out.put(a.name(), String.valueOf(order[position]));
        }
        return out;
    }

    private static Integer whole(String s) {
        try {
            return s == null ? null : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
    public String referenceProblem(String reference, References references) {
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
