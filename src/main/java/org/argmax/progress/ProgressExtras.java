package org.argmax.progress;

import io.javalin.http.Context;
import org.argmax.http.CurrentUser;
import org.argmax.http.PageExtras;

import java.util.HashMap;
import java.util.Map;

/** Adds the learner's progress to the home page and records lesson visits. */
public final class ProgressExtras implements PageExtras {
    private final ProgressRepository progress;

    public ProgressExtras(ProgressRepository progress) {
        this.progress = progress;
    }

    @Override
    public void home(Context ctx, Map<String, Object> model) {
        Map<String, String> statuses = new HashMap<>();
        CurrentUser.of(ctx).ifPresent(u -> progress.byLesson(u.id()).forEach((slug, p) -> statuses.put(slug, p.status())));
        model.put("statuses", statuses);
    }

    @Override
    public void lesson(Context ctx, String lessonSlug, java.util.List<String> exercises, Map<String, Object> model) {
        CurrentUser.of(ctx).ifPresent(u -> {
            LessonProgress p = progress.byLesson(u.id()).get(lessonSlug);
            progress.recordVisit(u.id(), lessonSlug, p); // writes at the first visit, then at most once a day
            model.put("lessonStatus", p == null ? "read" : p.status());
        });
    }
}
