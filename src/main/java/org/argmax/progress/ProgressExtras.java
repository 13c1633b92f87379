package org.argmax.progress;

import io.javalin.http.Context;
import org.argmax.accounts.CurrentUser;
import org.argmax.content.Lesson;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.lessons.LessonHandler;

import java.util.HashMap;
import java.util.Map;

/** Adds the learner's progress to the home page and records lesson visits. */
public final class ProgressExtras implements LessonHandler.LessonExtras {
    private final ProgressRepository progress;

    public ProgressExtras(ProgressRepository progress) {
        this.progress = progress;
    }

    @Override
    public void home(Context ctx, CourseSnapshot snapshot, Map<String, Object> model) {
        Map<String, String> statuses = new HashMap<>();
        CurrentUser.of(ctx).ifPresent(u -> progress.byLesson(u.id()).forEach((slug, p) -> statuses.put(slug, p.status())));
        model.put("statuses", statuses);
    }

    @Override
    public void lesson(Context ctx, CourseSnapshot snapshot, Lesson lesson, Map<String, Object> model) {
        CurrentUser.of(ctx).ifPresent(u -> {
            LessonProgress p = progress.byLesson(u.id()).get(lesson.slug());
            progress.recordVisit(u.id(), lesson.slug(), p); // writes at the first visit, then at most once a day
            model.put("lessonStatus", p == null ? "read" : p.status());
        });
    }
}
