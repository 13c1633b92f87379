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
        CurrentUser.of(ctx).ifPresent(u -> {
            Standing standing = progress.standing(snapshot, u.id());
            statuses.putAll(standing.statuses());
            model.put("standing", standing);
            model.put("continueLesson", standing.fresh() ? null
                    : progress.lastVisited(u.id()).flatMap(s -> snapshot.course().lesson(s)).orElse(null));
        });
        model.put("statuses", statuses);
    }

    @Override
    public void lesson(Context ctx, CourseSnapshot snapshot, Lesson lesson, Map<String, Object> model) {
        CurrentUser.of(ctx).ifPresent(u -> {
            progress.recordVisit(u.id(), lesson.slug());
            Standing.LessonStanding mine = progress.standing(snapshot, u.id()).lesson(lesson.slug());
            model.put("lessonStatus", mine == null ? "read" : mine.status());
            model.put("lessonStanding", mine);
        });
    }
}
