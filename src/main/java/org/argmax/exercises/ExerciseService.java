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
    /** Instances of the learners' current data, kept: an attempt or a page view reuses the one built last time. */
    private final RecentInstances instances;
    /** A few kB each (a lab's can be tens of kB): the learners of a class at work at once, each on an exercise or two. */
    private static final int RECENT_INSTANCES = 256;
    private final Grader grader;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public ExerciseService(Supplier<Map<String, ExerciseSpec>> specs, AttemptRepository attempts,
                           References references, Misconceptions misconceptions) {
        this.specs = specs;
        this.attempts = attempts;
        this.factory = new InstanceFactory(references, misconceptions);
        this.instances = new RecentInstances(factory, RECENT_INSTANCES);
        this.grader = new Grader(references);
    }

    public ExerciseSpec spec(String id) {
        ExerciseSpec spec = specs.get().get(id);
        if (spec == null) throw new UnknownExerciseException(id);
        return spec;
    }

    /** The exercise as {@code userId} sees it; {@code null} for a visitor, who sees example data and no form. */
    public ExerciseView view(String id, Long userId) {
        if (userId != null) return view(id, userId, attempts.state(userId, id));
        ExerciseSpec spec = spec(id);
        ExerciseInstance instance = instances.get(spec, InstanceFactory.seedFor(EXAMPLE_USER, id, ExerciseState.FIRST.variant()));
        return view(spec, instance, false, ExerciseState.FIRST, null);
    }

    /** The exercise as {@code userId} sees it in {@code state} (read with {@link #states}), with the last attempt at its variant. */
    public ExerciseView view(String id, long userId, ExerciseState state) {
        ExerciseSpec spec = spec(id);
        ExerciseInstance instance = instances.get(spec, InstanceFactory.seedFor(userId, id, state.variant()));
        Attempt last = attempts.lastAttempt(userId, id, state.variant()).orElse(null);
        return view(spec, instance, true, state, last);
    }

    /**
     * The learner's state of each of these exercises, in one query. The state row changes with every
     * attempt (its count at the variant), new variant and reveal, committed before the response, so
     * it tells any server whether what it rendered for the learner before still holds.
     */
    public Map<String, ExerciseState> states(long userId, List<String> ids) {
        Map<String, ExerciseState> found = attempts.states(userId, ids);
        Map<String, ExerciseState> out = new java.util.HashMap<>();
        for (String id : ids) out.put(id, found.getOrDefault(id, ExerciseState.FIRST));
        return out;
    }

    /** The exercise right after a submission, from what the submission already has: no query, no second instance. */
    public ExerciseView view(Submitted submitted) {
        ExerciseInstance instance = submitted.instance();
        return view(instance.spec(), instance, true, submitted.state(), submitted.attempt());
    }

    private ExerciseView view(ExerciseSpec spec, ExerciseInstance instance, boolean signedIn, ExerciseState state, Attempt last) {
        boolean solved = state.solvedVariant();
        int left = spec.maxAttempts() == 0 ? Integer.MAX_VALUE : Math.max(0, spec.maxAttempts() - state.attemptsOnVariant());
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
                    lastValue, a.input(), null, a.type().view(a, instance, lastValue, last != null, solved || state.revealed())));
        }
        String preview = spec.data() == null ? null : DataPreview.text(instance.data(), spec.data().show());
        return new ExerciseView(spec, promptHtml(spec, instance), signedIn, preview,
                instance.data().n(), fields, last, left, solved, state.revealed(), closed, signedIn ? state.bestScore() : null,
                revealedAnswers, state.variant(), state.gaveUp() && !state.revealed());
    }

    /** A stored submission: the attempt, the learner's state with it, and the instance it was graded on (what the view needs). */
    public record Submitted(Attempt attempt, ExerciseState state, ExerciseInstance instance) {
    }

    /**
     * Grades and stores one attempt. Input that is not an answer (unreadable, the wrong number of values,
     * outside the answer's domain) throws {@link InvalidAnswerException} before anything is stored, so
     * it is no attempt. The attempt limit is per variant; the penalty counts wrong attempts on every variant, and
     * after the learner once asked to see the answer, right answers are graded but score 0, so new
     * data is a chance to practise, not a way around the limit, the penalty or giving up.
     * <p>
     * One pass: the learner's state row is locked, the rules read it, the instance of its variant is
     * generated and graded once, and the attempt and the row's new counts are stored in the same
     * transaction. Generating and grading under the lock takes well under a millisecond for the
     * shipped exercises and only delays this learner's own parallel submissions. {@code spec} is the
     * one the request read its form with (one course snapshot per request).
     */
    public Submitted submit(long userId, ExerciseSpec spec, Map<String, String> answers) {
        String id = spec.id();
        Map<String, String> cleaned = spec.answers().stream().collect(Collectors.toMap(AnswerSpec::name,
                a -> answers.getOrDefault(a.name(), "").strip()));
        var stored = attempts.saveIfAllowed(userId, id, locked -> {
            refuseIfClosed(spec, locked);
            ExerciseInstance instance = instances.get(spec, InstanceFactory.seedFor(userId, id, locked.variant()));
            // choice options are shown shuffled per learner: grade and store the author's option, not the page position
            Map<String, String> authors = ChoiceAnswer.inAuthorsOrder(spec, instance.seed(), cleaned);
            Grade grade = grader.grade(instance, authors);
            double factor = locked.gaveUp() ? 0 : Math.max(0, 1 - spec.penalty() * locked.wrongAttempts());
            return new AttemptRepository.Decision<>(authors, new Grade(grade.answers(), grade.correct(), grade.score() * factor), instance);
        });
        return new Submitted(stored.attempt(), stored.state(), stored.context());
    }

    /** The rules of one variant, read from the learner's locked state row. */
    private static void refuseIfClosed(ExerciseSpec spec, ExerciseState locked) {
        if (locked.revealed()) {
            throw new ExerciseClosedException("You asked to see the answer to this variant"
                    + (spec.offersNewData() ? "; ask for new data to try again." : "."));
        }
        if (locked.solvedVariant()) throw new ExerciseClosedException("You already solved this exercise on this data.");
        if (spec.maxAttempts() > 0 && locked.attemptsOnVariant() >= spec.maxAttempts()) {
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
        return instances.get(spec, InstanceFactory.seedFor(userId, id, state.variant())).data().csv();
    }

    /** The starting point of an implementation lab for the learner's current data, as JSON (404 for other exercises). */
    public String startJson(long userId, String id) {
        ExerciseSpec spec = spec(id);
        if (!LabFiles.isLab(spec)) throw new UnknownExerciseException(id + "/start.json");
        ExerciseState state = attempts.state(userId, id);
        return LabFiles.startJson(instances.get(spec, InstanceFactory.seedFor(userId, id, state.variant())));
    }

    /** Any seed, for the instructor's preview. */
    public ExerciseInstance preview(String id, long seed) {
        return factory.create(spec(id), seed);
    }

    public String promptHtml(ExerciseSpec spec, ExerciseInstance instance) {
        String text = substitute(spec.prompt(), instance.variables());
        return rendered.computeIfAbsent("prompt:" + text, key -> {
            RenderedDocument doc = markdown.render(text, spec.source(), spec.line(), new EmbedTargets(Set.of(), Set.of()), new ArrayList<>());
            return doc.segments().stream().filter(s -> !s.isEmbed()).map(RenderedDocument.Segment::html).collect(Collectors.joining());
        });
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
        return rendered.computeIfAbsent("inline:" + markdownText,
                key -> markdown.renderInline(markdownText, Path.of("inline"), 1, new EmbedTargets(Set.of(), Set.of()), new ArrayList<>()));
    }

    /**
     * Prompts, labels, hints and choices as HTML by their text (with the learner's values put in):
     * the same text always renders the same, and a lesson page shows the same texts again and again.
     * Problems found while rendering were reported by {@code check} and the course load, so none are lost.
     */
    private final RenderedTexts rendered = new RenderedTexts();

    /** A bounded memo: emptied when it holds 20,000 texts (learners' values make texts without end). */
    private static final class RenderedTexts {
        private final java.util.concurrent.ConcurrentHashMap<String, String> html = new java.util.concurrent.ConcurrentHashMap<>();

        String computeIfAbsent(String key, java.util.function.Function<String, String> render) {
            String known = html.get(key);
            if (known != null) return known;
            String made = render.apply(key);
            if (html.size() >= 20_000) html.clear();
            html.put(key, made);
            return made;
        }
    }

    /** "p = 0.7" per answer, for learners who solved the exercise or gave up. */
    static List<String> answerTexts(ExerciseInstance instance) {
        return instance.spec().answers().stream().map(a -> a.name() + " = " + a.type().reveal(a, instance)).toList();
    }
}
