package org.argmax.exercises;

import io.javalin.http.Context;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.FragmentCache;
import org.argmax.http.PageExtras;
import org.argmax.http.Viewer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exercises a lesson embeds: for a visitor, the view of each with example data (the page is
 * rendered whole and cached as one); for a signed-in learner, each exercise's fragment with their
 * data, kept by what it shows: the learner, the exercise, their state row and the session's token.
 */
public final class ExerciseExtras implements PageExtras {
    private static final String STATES = "argmax.exercise.states";

    private final ExerciseService exercises;
    private final FragmentCache fragments;

    public ExerciseExtras(ExerciseService exercises, FragmentCache fragments) {
        this.exercises = exercises;
        this.fragments = fragments;
    }

    @Override
    public void lesson(Context ctx, String lessonSlug, List<String> embedded, Map<String, Object> model) {
        Map<String, String> shown = new HashMap<>();
        Long userId = CurrentUser.idOf(ctx).orElse(null);
        String token = userId == null ? null : Csrf.token(ctx);
        for (String id : embedded) shown.put(id, ExerciseHtml.render(exercises.view(id, userId), null, token, false));
        model.put("exerciseHtml", shown);
    }

    /**
     * One exercise fragment as a learner sees it: the fragment shows the exercise (the course
     * snapshot is the cache's version), the learner's data (from their id and state's variant), the
     * last attempt at that variant (the state's count of attempts at it changes with each), the
     * state's counts, and the session's CSRF token in its forms.
     */
    private record ExercisePart(long userId, String exerciseId, ExerciseState state, String csrfToken) {
    }

    @Override
    public void lessonParts(Context ctx, Object version, String lessonSlug, List<String> embedded, Map<String, byte[]> parts) {
        Viewer viewer = CurrentUser.of(ctx).orElse(null);
        if (viewer == null) return;
        String token = Csrf.token(ctx);
        Map<String, ExerciseState> states = states(ctx, exercises, viewer.id(), embedded);
        for (String id : embedded) {
            ExerciseState state = states.get(id);
            parts.put("exercise:" + id, fragments.get(version, new ExercisePart(viewer.id(), id, state, token),
                    () -> ExerciseHtml.render(exercises.view(id, viewer.id(), state), null, token, false)));
        }
    }

    private record StatesRead(long userId, List<String> ids, Map<String, ExerciseState> states) {
    }

    /** The learner's states of a lesson's exercises, read once per request (the exercises and the lesson's status both show them). */
    public static Map<String, ExerciseState> states(Context ctx, ExerciseService exercises, long userId, List<String> ids) {
        StatesRead read = ctx.attribute(STATES);
        if (read != null && read.userId() == userId && read.ids().equals(ids)) return read.states();
        Map<String, ExerciseState> states = exercises.states(userId, ids);
        ctx.attribute(STATES, new StatesRead(userId, ids, states));
        return states;
    }
}
