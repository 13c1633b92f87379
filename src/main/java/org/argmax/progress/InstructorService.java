package org.argmax.progress;

import org.argmax.content.Lesson;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.markdown.RenderedDocument;

import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Course overview, gradebook and exports for instructors, over {@link InstructorRepository}'s SQL. */
public final class InstructorService {
    private final InstructorRepository repository;

    public InstructorService(InstructorRepository repository) {
        this.repository = repository;
    }

    /** A lesson of the overview with its exercises' rows (in the order the lesson embeds them). */
    public record LessonRow(Lesson lesson, int read, int completed, List<ExerciseRow> exercises) {
    }

    /** A named mistake and its share of the exercise's wrong attempts. */
    public record Mistake(String rule, int count, double share) {
        public String shareText() {
            return Numbers.percent(share);
        }
    }

    /** An exercise row of the overview: item statistics, fired feedback rules (most frequent first), discrimination. */
    public record ExerciseRow(ExerciseSpec spec, String lessonSlug, InstructorRepository.ExerciseStats stats,
                              Map<String, Integer> rules, Double discrimination) {
        public boolean tried() {
            return stats.tried() > 0;
        }

        public String solvedText() {
            return tried() ? Numbers.percent(stats.shareSolved()) : "—";
        }

        public String solvedFirstText() {
            return tried() ? Numbers.percent(stats.shareSolvedFirst()) : "—";
        }

        public String medianText() {
            return tried() ? Numbers.decimal(stats.medianAttempts(), 1) : "—";
        }

        public String discriminationText() {
            return discrimination == null ? "—" : Numbers.decimal(discrimination, 2);
        }

        /** The three most frequent named mistakes, each with its share of the wrong attempts. */
        public List<Mistake> topMistakes() {
            int wrong = Math.max(1, stats.wrongAttempts());
            return rules.entrySet().stream().limit(3).map(e -> new Mistake(e.getKey(), e.getValue(), (double) e.getValue() / wrong)).toList();
        }

        /** The share solved, for the bar (0…100, whole numbers). */
        public long solvedPercent() {
            return Math.round(stats.shareSolved() * 100);
        }
    }

    public record Overview(int learners, List<LessonRow> lessons, List<ExerciseRow> unplaced) {
        /** Every exercise row, lessons first. */
        public List<ExerciseRow> exercises() {
            List<ExerciseRow> all = new ArrayList<>();
            lessons.forEach(l -> all.addAll(l.exercises()));
            all.addAll(unplaced);
            return all;
        }
    }

    public Overview overview(CourseSnapshot snapshot) {
        Map<String, InstructorRepository.LessonStats> lessonStats = repository.lessonStats();
        Map<String, InstructorRepository.ExerciseStats> stats = repository.exerciseStats();
        Map<String, Map<String, Integer>> rules = repository.ruleCounts();
        Map<String, Double> discrimination = repository.discrimination();
        Set<String> placed = new LinkedHashSet<>();
        List<LessonRow> lessons = new ArrayList<>();
        for (Lesson l : snapshot.course().lessons()) {
            var s = lessonStats.get(l.slug());
            List<ExerciseRow> rows = new ArrayList<>();
            for (RenderedDocument.Embed e : snapshot.lessons().get(l.slug()).embeds()) {
                if (!e.isExercise() || !placed.add(e.id()) || !snapshot.exercises().containsKey(e.id())) continue;
                rows.add(row(snapshot, e.id(), l.slug(), stats, rules, discrimination));
            }
            lessons.add(new LessonRow(l, s == null ? 0 : s.read(), s == null ? 0 : s.completed(), rows));
        }
        List<ExerciseRow> unplaced = new ArrayList<>();
        for (String id : snapshot.exercises().keySet()) {
            if (!placed.contains(id)) unplaced.add(row(snapshot, id, null, stats, rules, discrimination));
        }
        return new Overview(repository.learnerCount(), lessons, unplaced);
    }

    private static ExerciseRow row(CourseSnapshot snapshot, String id, String lesson, Map<String, InstructorRepository.ExerciseStats> stats,
                                   Map<String, Map<String, Integer>> rules, Map<String, Double> discrimination) {
        return new ExerciseRow(snapshot.exercises().get(id), lesson, stats.getOrDefault(id, InstructorRepository.ExerciseStats.none(id)),
                rules.getOrDefault(id, Map.of()), discrimination.get(id));
    }

    /** Exercises in the order learners meet them: by lesson, then any not embedded anywhere. */
    public static List<String> exerciseOrder(CourseSnapshot snapshot) {
        Set<String> order = new LinkedHashSet<>();
        for (Lesson l : snapshot.course().lessons()) {
            for (RenderedDocument.Embed e : snapshot.lessons().get(l.slug()).embeds()) {
                if (e.isExercise()) order.add(e.id());
            }
        }
        order.addAll(snapshot.exercises().keySet());
        return new ArrayList<>(order);
    }

    /** One page of the gradebook: learners × exercises, each cell already formatted ("90 %" or "—"). */
    public record GradebookPage(List<GradebookRow> rows, List<String> exercises, int page, int pages) {
    }

    /** A learner's row of the gradebook. */
    public record GradebookRow(LearnerSummary learner, List<String> cells) {
    }

    public GradebookPage gradebook(CourseSnapshot snapshot, int page, int pageSize) {
        int total = repository.learnerCount();
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        List<LearnerSummary> learners = repository.learnerPage((p - 1) * pageSize, pageSize);
        Map<Long, Map<String, InstructorRepository.Cell>> cells = new LinkedHashMap<>();
        for (var cell : repository.gradebook(learners.stream().map(LearnerSummary::userId).toList())) {
            cells.computeIfAbsent(cell.userId(), k -> new LinkedHashMap<>()).put(cell.exerciseId(), cell);
        }
        List<String> exercises = exerciseOrder(snapshot);
        List<GradebookRow> rows = new ArrayList<>();
        for (LearnerSummary l : learners) {
            Map<String, InstructorRepository.Cell> mine = cells.getOrDefault(l.userId(), Map.of());
            List<String> texts = new ArrayList<>(exercises.size());
            for (String e : exercises) {
                var c = mine.get(e);
                texts.add(c == null ? "—" : Math.round(c.bestScore() * 100) + " %");
            }
            rows.add(new GradebookRow(l, texts));
        }
        return new GradebookPage(rows, exercises, p, pages);
    }

    public List<InstructorRepository.AttemptRow> attemptsOf(long userId) {
        return repository.attemptsOf(userId);
    }

    /** Made when first needed, not when the server starts (Jackson's set-up is a start's CPU). */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    /** One answer's verdict as stored: what was typed, right or not, the named mistake (null if none), the message shown. */
    public record VerdictText(String name, String given, boolean correct, String rule, String message) {
    }

    /**
     * A stored attempt as text for the instructor: what was typed per answer, each verdict with its named
     * mistake and message, the score, and the preview of exactly the data this learner had (their seed).
     */
    public record AttemptText(InstructorRepository.AttemptRow row, String exerciseTitle, List<VerdictText> verdicts,
                              long seed, String when) {
        public String scoreText() {
            return Numbers.percent(row.score());
        }

        public String previewUrl() {
            return "/instructor/exercises/" + row.exerciseId() + "/preview?seed=" + seed;
        }
    }

    /** Every attempt of one learner, newest first, as text. */
    public List<AttemptText> attemptTexts(CourseSnapshot snapshot, long userId) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<AttemptText> out = new ArrayList<>();
        for (InstructorRepository.AttemptRow a : repository.attemptsOf(userId)) {
            ExerciseSpec spec = snapshot.exercises().get(a.exerciseId());
            out.add(new AttemptText(a, spec == null ? a.exerciseId() : spec.title(), verdicts(a),
                    org.argmax.exercises.InstanceFactory.seedFor(a.userId(), a.exerciseId(), a.variant()),
                    a.createdAt() == null ? "" : a.createdAt().format(time)));
        }
        return out;
    }

    private static List<VerdictText> verdicts(InstructorRepository.AttemptRow a) {
        Map<String, String> typed = new LinkedHashMap<>();
        List<VerdictText> out = new ArrayList<>();
        try {
            if (a.answers() != null) {
                Json.MAPPER.readTree(a.answers()).fields().forEachRemaining(e -> typed.put(e.getKey(), e.getValue().asText()));
            }
            if (a.verdicts() != null) {
                for (var v : Json.MAPPER.readTree(a.verdicts())) {
                    String name = v.path("name").asText();
                    String given = typed.containsKey(name) ? typed.remove(name) : v.path("given").asText("");
                    out.add(new VerdictText(name, given, v.path("correct").asBoolean(),
                            v.path("rule").isNull() || v.path("rule").isMissingNode() ? null : v.path("rule").asText(),
                            v.path("message").asText("")));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.add(new VerdictText("?", "(this attempt's stored answers cannot be read)", a.correct(), null, ""));
        }
        typed.forEach((name, given) -> out.add(new VerdictText(name, given, a.correct(), null, "")));
        return out;
    }

    /** The gradebook as CSV: one row per learner, one column per exercise (best score, empty if never tried). */
    public void writeGradebook(CourseSnapshot snapshot, Writer out) {
        List<String> exercises = exerciseOrder(snapshot);
        Csv csv = new Csv(out);
        List<Object> header = new ArrayList<>(List.of("username", "display_name"));
        header.addAll(exercises);
        csv.row(header);
        Object[] current = {null};
        Map<String, Double> scores = new LinkedHashMap<>();
        String[] who = new String[2];
        repository.eachGradebookRow(r -> {
            if (current[0] != null && !current[0].equals(r.userId())) {
                writeLearner(csv, who, exercises, scores);
                scores.clear();
            }
            current[0] = r.userId();
            who[0] = r.username();
            who[1] = r.displayName();
            if (r.exerciseId() != null) scores.put(r.exerciseId(), r.bestScore());
        });
        if (current[0] != null) writeLearner(csv, who, exercises, scores);
    }

    private static void writeLearner(Csv csv, String[] who, List<String> exercises, Map<String, Double> scores) {
        List<Object> row = new ArrayList<>(List.of(who[0], who[1]));
        for (String e : exercises) row.add(scores.get(e));
        csv.row(row);
    }

    /** Every attempt as CSV, streamed. */
    public void writeAttempts(Writer out) {
        Csv csv = new Csv(out);
        csv.row(List.of("attempt_id", "username", "display_name", "exercise", "variant", "answers", "correct", "score", "feedback", "submitted_at"));
        repository.eachAttempt(a -> csv.row(List.of(a.id(), a.username(), a.displayName(), a.exerciseId(), a.variant(), a.answers(),
                a.correct() ? "yes" : "no", a.score(), a.verdicts(), a.createdAt() == null ? "" : a.createdAt().toString())));
    }
}
