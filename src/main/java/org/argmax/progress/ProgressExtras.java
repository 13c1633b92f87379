package org.argmax.progress;

import io.javalin.http.Context;
import org.argmax.exercises.ExerciseExtras;
import org.argmax.exercises.ExerciseService;
import org.argmax.exercises.ExerciseState;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.FragmentCache;
import org.argmax.http.PageExtras;
import org.argmax.http.Viewer;
import org.argmax.http.Views;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds the learner's standing to the home page and lesson pages, and records lesson visits. */
public final class ProgressExtras implements PageExtras {
    private final ProgressRepository progress;
    private final CourseService courses;
    private final ExerciseService exercises;
    private final Views views;
    private final FragmentCache fragments;

    public ProgressExtras(ProgressRepository progress, CourseService courses, ExerciseService exercises, Views views, FragmentCache fragments) {
        this.progress = progress;
        this.courses = courses;
        this.exercises = exercises;
        this.views = views;
        this.fragments = fragments;
    }

    @Override
    public void home(Context ctx, Map<String, Object> model) {
        Map<String, String> statuses = new HashMap<>();
        CurrentUser.of(ctx).ifPresent(u -> {
            CourseSnapshot snapshot = courses.current();
            Standing standing = progress.standing(snapshot, u.id());
            statuses.putAll(standing.statuses());
            model.put("standing", standing);
            model.put("continueLesson", standing.fresh() ? null
                    : progress.lastVisited(u.id()).flatMap(s -> snapshot.course().lesson(s)).orElse(null));
        });
        model.put("statuses", statuses);
    }

    /**
     * The lesson's status as one learner sees it: it shows whether they marked the lesson completed,
     * which of its exercises they tried and solved (each changes the exercise's state row: every
     * attempt counts there), and the session's token in its form.
     */
    private record StatusPart(long userId, String lessonSlug, boolean completed, Map<String, ExerciseState> states, String csrfToken) {
    }

    @Override
    public void lessonParts(Context ctx, Object version, String lessonSlug, List<String> embedded, Map<String, byte[]> parts) {
        Viewer u = CurrentUser.of(ctx).orElse(null);
        if (u == null) return;
        Optional<ProgressRepository.Visit> visit = progress.visit(u.id(), lessonSlug);
        // writes at the first visit, then at most once a day
        if (visit.isEmpty() || visit.get().due()) progress.recordVisit(u.id(), lessonSlug, visit.isPresent());
        Map<String, ExerciseState> states = ExerciseExtras.states(ctx, exercises, u.id(), embedded);
        boolean completed = visit.map(ProgressRepository.Visit::completed).orElse(false);
        parts.put("status", fragments.get(version, new StatusPart(u.id(), lessonSlug, completed, states, Csrf.token(ctx)), () -> {
            CourseSnapshot snapshot = courses.current();
            // a visited lesson reads "read" at least: the visit is recorded above
            Standing.LessonStanding mine = Standing.of(snapshot, progress.byLesson(u.id()), progress.exerciseResults(u.id())).lesson(lessonSlug);
            Map<String, Object> model = new HashMap<>();
            model.put("lesson", snapshot.course().lesson(lessonSlug).orElseThrow());
            model.put("lessonStatus", mine == null || mine.status().equals("not started") ? "read" : mine.status());
            model.put("lessonStanding", mine);
            return views.fragment(ctx, "fragments/progress", "lessonStatus", model);
        }));
    }
}
