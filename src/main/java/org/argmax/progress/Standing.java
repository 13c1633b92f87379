package org.argmax.progress;

import org.argmax.content.Lesson;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.markdown.RenderedDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one learner stands: per lesson its status (not started, read, completed), how many of its
 * exercises are solved, and per exercise the best score. A lesson is read once visited or once any
 * of its exercises was tried (on the exercise's own page too), and completed when the learner marked
 * it so or solved every one of its exercises.
 */
public record Standing(List<LessonStanding> lessons, int completed) {
    /** One exercise: never tried when {@code attempts} is 0 ({@code bestScore} is then null). */
    public record ExerciseStanding(String id, String title, Double bestScore, boolean solved, int attempts) {
        public boolean tried() {
            return attempts > 0;
        }

        /** "100 %", "40 %" or "—". */
        public String scoreText() {
            return bestScore == null ? "—" : Math.round(bestScore * 100) + " %";
        }

        public String stateText() {
            if (solved) return "solved";
            return attempts == 0 ? "not tried" : attempts + (attempts == 1 ? " attempt" : " attempts") + ", not solved yet";
        }
    }

    public record LessonStanding(Lesson lesson, String status, List<ExerciseStanding> exercises) {
        public int solved() {
            return (int) exercises.stream().filter(ExerciseStanding::solved).count();
        }

        /** "2 of 3 exercises solved", or empty for a lesson without exercises. */
        public String exercisesText() {
            if (exercises.isEmpty()) return "";
            return solved() + " of " + exercises.size() + (exercises.size() == 1 ? " exercise" : " exercises") + " solved";
        }

        /** The status as a CSS class suffix. */
        public String statusClass() {
            return status.replace(' ', '-');
        }
    }

    /** Best score, solved and attempts per exercise, as {@link ProgressRepository#exerciseResults} reads them. */
    public record ExerciseResult(double bestScore, boolean solved, int attempts) {
    }

    public static Standing of(CourseSnapshot snapshot, Map<String, LessonProgress> progress, Map<String, ExerciseResult> results) {
        List<LessonStanding> lessons = new ArrayList<>();
        int completed = 0;
        for (Lesson l : snapshot.course().lessons()) {
            List<ExerciseStanding> exercises = new ArrayList<>();
            RenderedDocument doc = snapshot.lessons().get(l.slug());
            if (doc != null) {
                for (RenderedDocument.Embed e : doc.embeds()) {
                    if (!e.isExercise()) continue;
                    ExerciseSpec spec = snapshot.exercises().get(e.id());
                    ExerciseResult r = results.get(e.id());
                    exercises.add(new ExerciseStanding(e.id(), spec == null ? e.id() : spec.title(),
                            r == null ? null : r.bestScore(), r != null && r.solved(), r == null ? 0 : r.attempts()));
                }
            }
            LessonProgress p = progress.get(l.slug());
            boolean allSolved = !exercises.isEmpty() && exercises.stream().allMatch(ExerciseStanding::solved);
            boolean anyTried = exercises.stream().anyMatch(ExerciseStanding::tried);
            String status = (p != null && p.completed()) || allSolved ? "completed" : p != null || anyTried ? "read" : "not started";
            if (status.equals("completed")) completed++;
            lessons.add(new LessonStanding(l, status, exercises));
        }
        return new Standing(lessons, completed);
    }

    public Map<String, String> statuses() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LessonStanding l : lessons) out.put(l.lesson().slug(), l.status());
        return out;
    }

    public LessonStanding lesson(String slug) {
        return lessons.stream().filter(l -> l.lesson().slug().equals(slug)).findFirst().orElse(null);
    }

    /** Whether the learner has not started anything yet (a new account). */
    public boolean fresh() {
        return lessons.stream().allMatch(l -> l.status().equals("not started"));
    }
}
