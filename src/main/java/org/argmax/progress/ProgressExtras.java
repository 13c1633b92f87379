package org.argmax.progress;

import io.javalin.http.Context;
import org.argmax.http.CurrentUser;
import org.argmax.http.PageExtras;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds the learner's standing to the home page and lesson pages, and records lesson visits. */
public final class ProgressExtras implements PageExtras {
    private final ProgressRepository progress;
    private final CourseService courses;

    public ProgressExtras(ProgressRepository progress, CourseService courses) {
        this.progress = progress;
        this.courses = courses;
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

    @Override
    public void lesson(Context ctx, String lessonSlug, List<String> exercises, Map<String, Object> model) {
        CurrentUser.of(ctx).ifPresent(u -> {
            LessonProgress p = progress.byLesson(u.id()).get(lessonSlug);
            progress.recordVisit(u.id(), lessonSlug, p); // writes at the first visit, then at most once a day
            Standing.LessonStanding mine = progress.standing(courses.current(), u.id()).lesson(lessonSlug);
            model.put("lessonStatus", mine == null ? "read" : mine.status());
            model.put("lessonStanding", mine);
        });
    }
}
