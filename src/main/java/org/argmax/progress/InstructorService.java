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

    /** A lesson row of the overview. */
    public record LessonRow(Lesson lesson, int read, int completed) {
    }

    /** An exercise row of the overview, with its fired feedback rules (most frequent first). */
    public record ExerciseRow(ExerciseSpec spec, String lessonSlug, InstructorRepository.ExerciseStats stats,
                              Map<String, Integer> rules) {
        /** Rule names joined by '|', for the chart's data attribute. */
        public String ruleLabels() {
            return String.join("|", rules.keySet());
        }

        public String ruleCounts() {
            return rules.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("|"));
        }
    }

    public record Overview(int learners, List<LessonRow> lessons, List<ExerciseRow> exercises) {
    }

    public Overview overview(CourseSnapshot snapshot) {
        Map<String, InstructorRepository.LessonStats> lessonStats = repository.lessonStats();
        List<LessonRow> lessons = new ArrayList<>();
        for (Lesson l : snapshot.course().lessons()) {
            var s = lessonStats.get(l.slug());
            lessons.add(new LessonRow(l, s == null ? 0 : s.read(), s == null ? 0 : s.completed()));
        }
        Map<String, InstructorRepository.ExerciseStats> stats = repository.exerciseStats();
        Map<String, Map<String, Integer>> rules = repository.ruleCounts();
        List<ExerciseRow> exercises = new ArrayList<>();
        for (String id : exerciseOrder(snapshot)) {
            exercises.add(new ExerciseRow(snapshot.exercises().get(id), snapshot.lessonOf(id).orElse(null),
                    stats.getOrDefault(id, new InstructorRepository.ExerciseStats(id, 0, 0, 0)), rules.getOrDefault(id, Map.of())));
        }
        return new Overview(repository.learnerCount(), lessons, exercises);
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

    /** One page of the gradebook: learners × exercises, best score per cell. */
    public record GradebookPage(List<LearnerSummary> learners, List<String> exercises,
                                Map<Long, Map<String, InstructorRepository.Cell>> cells, int page, int pages) {
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
        return new GradebookPage(learners, exerciseOrder(snapshot), cells, p, pages);
    }

    public List<InstructorRepository.AttemptRow> attemptsOf(long userId) {
        return repository.attemptsOf(userId);
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
