package org.argmax.exercises;

import io.javalin.http.Context;
import org.argmax.accounts.CurrentUser;
import org.argmax.content.Lesson;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.lessons.LessonHandler;
import org.argmax.markdown.RenderedDocument;

import java.util.HashMap;
import java.util.Map;

/** Builds, per request, the view of every exercise a lesson embeds, for the signed-in learner. */
public final class ExerciseExtras implements LessonHandler.LessonExtras {
    private final ExerciseService exercises;

    public ExerciseExtras(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @Override
    public void home(Context ctx, CourseSnapshot snapshot, Map<String, Object> model) {
    }

    @Override
    public void lesson(Context ctx, CourseSnapshot snapshot, Lesson lesson, Map<String, Object> model) {
        Map<String, ExerciseView> views = new HashMap<>();
        Long userId = CurrentUser.idOf(ctx).orElse(null);
        for (RenderedDocument.Embed e : snapshot.lessons().get(lesson.slug()).embeds()) {
            if (e.isExercise()) views.put(e.id(), exercises.view(e.id(), userId));
        }
        model.put("exerciseViews", views);
    }
}
