package org.argmax.exercises;

import org.argmax.exercises.ExerciseSpec.AnswerSpec;
import org.argmax.markdown.EmbedTargets;
import org.argmax.markdown.MarkdownRenderer;
import org.argmax.markdown.RenderedDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The exercise workflow: per-learner data, views, submissions (graded, stored, committed before the
 * response), new variants, giving up, CSV download and the instructor's preview. Data is always
 * regenerated from the seed; only answers and verdicts are stored. Every rule that counts (the
 * attempt limit, a solved or revealed variant, giving up for good, the variant counter) is decided
 * by the database in the statement or transaction that changes it, never by a lock in this JVM, so
 * it holds for parallel requests on any number of servers sharing the database.
 */
public final class ExerciseService {
    /** A {@code {{name}}} placeholder, replaced by the learner's value in prompts and labels. */
    public static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*}}");
    /** The seed of the example data shown to visitors who are not signed in. */
    public static final long EXAMPLE_USER = 0;

    private final Supplier<Map<String, ExerciseSpec>> specs;
    private final AttemptRepository attempts;
    private final InstanceFactory factory;
    private final Grader grader;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public ExerciseService(Supplier<Map<String, ExerciseSpec>> specs, AttemptRepository attempts,
                           References references, Misconceptions misconceptions) {
        this.specs = specs;
        this.attempts = attempts;
        this.factory = new InstanceFactory(references, misconceptions);
        this.grader = new Grader(references);
    }

    public ExerciseSpec spec(String id) {
        ExerciseSpec spec = specs.get().get(id);
        if (spec == null) throw new UnknownExerciseException(id);
        return spec;
    }

    /** The exercise as {@code userId} sees it; {@code null} for a visitor, who sees example data and no form. */
    public ExerciseView view(String id, Long userId) {
        ExerciseSpec spec = spec(id);
        ExerciseState state = userId == null ? ExerciseState.FIRST : attempts.state(userId, id);
        long seed = InstanceFactory.seedFor(userId == null ? EXAMPLE_USER : userId, id, state.variant());
        ExerciseInstance instance = factory.create(spec, seed);
        List<Attempt> tries = userId == null ? List.of() : attempts.attempts(userId, id, state.variant());
        Attempt last = tries.isEmpty() ? null : tries.get(tries.size() - 1);
        boolean solved = tries.stream().anyMatch(Attempt::correct);
        int left = spec.maxAttempts() == 0 ? Integer.MAX_VALUE : Math.max(0, spec.maxAttempts() - tries.size());
        boolean closed = solved || state.revealed() || left == 0;
        List<String> revealedAnswers = solved || state.revealed() ? answerTexts(instance) : List.of();
        List<ExerciseView.AnswerField> fields = new ArrayList<>();
        for (AnswerSpec a : spec.answers()) {
            // [harden] choice options in the learner's own order; the stored answer (the author's option) checks its position there
            String lastValue = last == null ? "" : last.answers().getOrDefault(a.name(), "");
            if (a.type() == AnswerType.CHOICE) lastValue = ChoiceAnswer.shownPosition(a, instance.seed(), lastValue);
            fields.add(new ExerciseView.AnswerField(a.name(), inlineHtml(substitute(a.label(), instance.variables())), a.type().name(),
                    a.type().toleranceText(a),
                    a.hints().stream().map(this::inlineHtml).toList(),
                    ChoiceAnswer.shown(a, instance.seed()).stream().map(c -> inlineHtml(c.text())).toList(), a.variables(),
                    lastValue, a.input()));
        }
        Double best = userId == null ? null : attempts.bestScore(userId, id);
        String preview = spec.data() == null ? null : DataPreview.text(instance.data(), spec.data().show());
        return new ExerciseView(spec, promptHtml(spec, instance), userId != null, preview,
                instance.data().n(), fields, tries, last, left, solved, state.revealed(), closed, best, revealedAnswers, state.variant(),
                state.gaveUp() && !state.revealed());
    }

    /**
     * Grades and stores one attempt. Input that is not an answer (unreadable, the wrong number of values,
     * outside the answer's domain) throws {@link InvalidAnswerException} before anything is stored, so
     * it is no attempt. The attempt limit is per variant; the penalty counts wrong attempts on every variant, and
     * after the learner once asked to see the answer, right answers are graded but score 0, so new
     * data is a chance to practise, not a way around the limit, the penalty or giving up.
     */
    public Attempt submit(long userId, String id, Map<String, String> answers) {
        ExerciseSpec spec = spec(id);
        Map<String, String> cleaned = spec.answers().stream().collect(Collectors.toMap(AnswerSpec::name,
                a -> answers.getOrDefault(a.name(), "").strip()));
        // graded outside the transaction, on the variant read now; stored only if the variant is still
        // that one once the learner's state row is locked (otherwise graded again on the new data)
        for (int round = 1; ; round++) {
            ExerciseState seen = attempts.state(userId, id);
            refuseIfClosed(spec, seen.revealed(), false, 0);
            ExerciseInstance instance = factory.create(spec, InstanceFactory.seedFor(userId, id, seen.variant()));
            // choice options are shown shuffled per learner: grade and store the author's option, not the page position
            Map<String, String> authors = ChoiceAnswer.inAuthorsOrder(spec, instance.seed(), cleaned);
            Grade grade = grader.grade(instance, authors);
            var saved = attempts.saveIfAllowed(userId, id, seen.variant(), authors, grade, locked -> {
                refuseIfClosed(spec, locked.state().revealed(), locked.solvedVariant(), locked.attemptsOnVariant());
                return locked.state().gaveUp() ? 0 : Math.max(0, 1 - spec.penalty() * locked.wrongAttempts());
            });
            if (saved.isPresent()) return saved.get();
            if (round == 5) throw new ExerciseClosedException("Your data changed while this answer was being checked; look at the new data and answer again.");
        }
    }

    /** The rules of one variant, checked again by the database transaction that stores the attempt. */
    private static void refuseIfClosed(ExerciseSpec spec, boolean revealed, boolean solved, int attemptsOnVariant) {
        if (revealed) {
            throw new ExerciseClosedException("You asked to see the answer to this variant"
                    + (spec.offersNewData() ? "; ask for new data to try again." : "."));
        }
        if (solved) throw new ExerciseClosedException("You already solved this exercise on this data.");
        if (spec.maxAttempts() > 0 && attemptsOnVariant >= spec.maxAttempts()) {
            throw new ExerciseClosedException("You have used all " + spec.maxAttempts() + " attempts on this data.");
        }
    }

    /** New data: the database adds one to the variant (up to the author's new_data cap), so parallel requests on any server each count. */
    public void newVariant(long userId, String id) {
        ExerciseSpec spec = spec(id);
        // without data a new variant would be the same question with fresh attempts
        if (!spec.offersNewData()) {
            throw new ExerciseClosedException(spec.data() == null ? "This exercise has no data, so there is no new data to draw."
                    : "This exercise has one data set per learner.");
        }
        if (!attempts.nextVariant(userId, id, spec.newData())) throw new ExerciseClosedException(newDataUsedUp(spec));
    }

    /** [harden] Why a learner gets no more new data: the author's cap ({@code new_data: N}) is reached. */
    static String newDataUsedUp(ExerciseSpec spec) {
        return "You have used all " + spec.newData() + " new data set" + (spec.newData() == 1 ? "" : "s") + " of this exercise.";
    }

    public void reveal(long userId, String id) {
        ExerciseSpec spec = spec(id);
        if (!spec.giveUp()) throw new ExerciseClosedException("This exercise does not show its answer before you solve it.");
        attempts.reveal(userId, id);
    }

    public String csv(long userId, String id) {
        ExerciseSpec spec = spec(id);
        ExerciseState state = attempts.state(userId, id);
        return factory.create(spec, InstanceFactory.seedFor(userId, id, state.variant())).data().csv();
    }

    /** Any seed, for the instructor's preview. */
    public ExerciseInstance preview(String id, long seed) {
        return factory.create(spec(id), seed);
    }

    public String promptHtml(ExerciseSpec spec, ExerciseInstance instance) {
        String text = substitute(spec.prompt(), instance.variables());
        RenderedDocument doc = markdown.render(text, spec.source(), spec.line(), new EmbedTargets(Set.of(), Set.of()), new ArrayList<>());
        return doc.segments().stream().filter(s -> !s.isEmbed()).map(RenderedDocument.Segment::html).collect(Collectors.joining());
    }

    /** Replaces {@code {{name}}} with the learner's values (given quantities and data summaries). */
    static String substitute(String text, Map<String, Double> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double v = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : DataPreview.format(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String inlineHtml(String markdownText) {
        return markdown.renderInline(markdownText, Path.of("inline"), 1, new EmbedTargets(Set.of(), Set.of()), new ArrayList<>());
    }

    /** "p = 0.7" per answer, for learners who solved the exercise or gave up. */
    static List<String> answerTexts(ExerciseInstance instance) {
        return instance.spec().answers().stream().map(a -> a.name() + " = " + a.type().reveal(a, instance)).toList();
    }
}
