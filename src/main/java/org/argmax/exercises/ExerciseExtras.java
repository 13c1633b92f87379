package org.argmax.exercises;

import io.javalin.http.Context;
import org.argmax.http.CurrentUser;
import org.argmax.http.PageExtras;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds, per request, the view of every exercise a lesson embeds, for the signed-in learner. */
public final class ExerciseExtras implements PageExtras {
    private final ExerciseService exercises;

    public ExerciseExtras(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @Override
    public void lesson(Context ctx, String lessonSlug, List<String> embedded, Map<String, Object> model) {
        Map<String, ExerciseView> views = new HashMap<>();
        Long userId = CurrentUser.idOf(ctx).orElse(null);
        for (String id : embedded) views.put(id, exercises.view(id, userId));
        model.put("exerciseViews", views);
    }
}
