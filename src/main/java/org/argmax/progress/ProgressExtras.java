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
            Map<String, LessonProgress> lessons = progress.byLesson(u.id());
            progress.recordVisit(u.id(), lessonSlug, lessons.get(lessonSlug)); // writes at the first visit, then at most once a day
            // from the rows read before the visit: the visit just recorded makes a lesson "not started" read
            Standing.LessonStanding mine = Standing.of(courses.current(), lessons, progress.exerciseResults(u.id())).lesson(lessonSlug);
            model.put("lessonStatus", mine == null || mine.status().equals("not started") ? "read" : mine.status());
            model.put("lessonStanding", mine);
        });
    }
}
