package org.argmax.exercises;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.HttpErrors;
import org.argmax.http.Views;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exercise pages and submissions. Forms work without JavaScript (post, then redirect back to the
 * lesson); {@code static/js/exercises.js} posts the same form with {@code Accept: application/json}
 * and swaps in the re-rendered exercise.
 */
public final class ExerciseHandler {
    private final ExerciseService exercises;
    private final Views views;
    private final Function<String, Optional<String>> lessonOf;

    /** {@code lessonOf}: the lesson that embeds an exercise, where a plain form post returns to. */
    public ExerciseHandler(ExerciseService exercises, Views views, Function<String, Optional<String>> lessonOf) {
        this.exercises = exercises;
        this.views = views;
        this.lessonOf = lessonOf;
    }

    /** GET /exercises/{id}: the exercise on a page of its own. */
    public void show(Context ctx) {
        renderPage(ctx, ctx.pathParam("id"), null);
    }

    private void renderPage(Context ctx, String id, String error) {
        renderPage(ctx, id, exercises.view(id, CurrentUser.idOf(ctx).orElse(null)), error);
    }

    private void renderPage(Context ctx, String id, ExerciseView view, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("exercise", view);
        model.put("exerciseHtml", ExerciseHtml.render(view, error, view.signedIn() ? Csrf.token(ctx) : null, true));
        model.put("lesson", lessonOf.apply(id).orElse(null));
        views.render(ctx, "exercise", model);
    }

    /** POST /exercises/{id}/submit */
    public void submit(Context ctx) {
        String id = ctx.pathParam("id");
        long userId = requireUser(ctx);
        ExerciseSpec spec = exercises.spec(id);
        Map<String, String> answers = new LinkedHashMap<>();
        for (ExerciseSpec.AnswerSpec a : spec.answers()) {
            String v = ctx.formParam("answer_" + a.name());
            answers.put(a.name(), v == null ? "" : v);
        }
        try {
            ExerciseService.Submitted done = exercises.submit(userId, spec, answers);
            if (HttpErrors.wantsJson(ctx)) {
                Attempt attempt = done.attempt();
                json(ctx, Map.of("correct", attempt.correct(), "score", attempt.score(), "verdicts", attempt.verdicts(),
                        "html", fragment(ctx, exercises.view(done), null)));
            } else {
                redirectBack(ctx, id);
            }
        } catch (InvalidAnswerException e) {
            // not graded, not stored: the form comes back with everything typed and every field's problem
            ExerciseView view = exercises.view(id, userId).withInvalidSubmission(answers, e.problems());
            if (HttpErrors.wantsJson(ctx)) {
                json(ctx.status(400), Map.of("error", e.getMessage(), "errors", e.problems(), "html", fragment(ctx, view, e.getMessage())));
            } else {
                ctx.status(400);
                renderPage(ctx, id, view, e.getMessage());
            }
        } catch (ExerciseClosedException e) {
            if (HttpErrors.wantsJson(ctx)) {
                json(ctx.status(409), Map.of("error", e.getMessage(), "html", fragment(ctx, id, userId, e.getMessage())));
            } else {
                ctx.status(409);
                renderPage(ctx, id, e.getMessage());
            }
        }
    }

    /** POST /exercises/{id}/variant: new data for the learner. */
    public void newVariant(Context ctx) {
        String id = ctx.pathParam("id");
        long userId = requireUser(ctx);
        try {
            exercises.newVariant(userId, id);
        } catch (ExerciseClosedException e) {
            // no new data here (none offered, or the author's cap is reached): 409, the exercise with the reason
            if (HttpErrors.wantsJson(ctx)) {
                json(ctx.status(409), Map.of("error", e.getMessage(), "html", fragment(ctx, id, userId, e.getMessage())));
            } else {
                ctx.status(409);
                renderPage(ctx, id, e.getMessage());
            }
            return;
        }
        redirectBack(ctx, id);
    }

    /** POST /exercises/{id}/reveal: give up and see the answer. */
    public void reveal(Context ctx) {
        String id = ctx.pathParam("id");
        exercises.reveal(requireUser(ctx), id);
        redirectBack(ctx, id);
    }

    /** GET /exercises/{id}/data.csv */
    public void csv(Context ctx) {
        String id = ctx.pathParam("id");
        long userId = requireUser(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-data.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(exercises.csv(userId, id));
    }

    /** GET /exercises/{id}/start.json: an implementation lab's data and starting point. */
    public void startJson(Context ctx) {
        String id = ctx.pathParam("id");
        long userId = requireUser(ctx);
        String json = exercises.startJson(userId, id);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-start.json\"");
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    /** GET /instructor/exercises/{id}/preview?seed=N (role checked by the route). */
    public void preview(Context ctx) {
        String id = ctx.pathParam("id");
        long seed;
        try {
            seed = Long.parseLong(Optional.ofNullable(ctx.queryParam("seed")).orElse("1").strip());
        } catch (NumberFormatException e) {
            throw new HttpErrors.BadRequest("The seed must be a whole number, got '" + ctx.queryParam("seed") + "'.");
        }
        ExerciseInstance instance = exercises.preview(id, seed);
        Map<String, Object> model = new HashMap<>();
        model.put("instance", instance);
        model.put("seed", seed);
        model.put("promptHtml", exercises.promptHtml(instance.spec(), instance));
        model.put("dataPreview", instance.spec().data() == null ? "(no data)" : DataPreview.text(instance.data(), instance.spec().data().show()));
        model.put("rows", PreviewRows.of(instance));
        Map<String, String> variables = new LinkedHashMap<>();
        instance.variables().forEach((k, v) -> variables.put(k, v == null || !Double.isFinite(v) ? "undefined" : DataPreview.format(v)));
        model.put("variables", variables);
        views.render(ctx, "exercise-preview", model);
    }

    /** Made when the first JSON answer is written, not when the server starts (Jackson's set-up is a start's CPU). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * A JSON answer as UTF-8 bytes straight from Jackson: {@code ctx.json} makes a string of it first
     * and then its bytes, two more copies of the exercise's HTML on the grading path.
     */
    private static void json(Context ctx, Map<String, ?> body) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON answer", e);
        }
    }

    private String fragment(Context ctx, String id, long userId, String error) {
        return fragment(ctx, exercises.view(id, userId), error);
    }

    private String fragment(Context ctx, ExerciseView view, String error) {
        return ExerciseHtml.render(view, error, view.signedIn() ? Csrf.token(ctx) : null, fromExercisePage(ctx));
    }

    private long requireUser(Context ctx) {
        return CurrentUser.idOf(ctx).orElseThrow(() -> new io.javalin.http.UnauthorizedResponse(
                "Sign in to get your own data and submit answers."));
    }

    /** Whether the form was posted from the exercise's own page (hidden field from=exercise), not from its lesson. */
    private static boolean fromExercisePage(Context ctx) {
        return "exercise".equals(ctx.formParam("from"));
    }

    /** Back to the page the form was on: the exercise's own page, or its place in the lesson. */
    private void redirectBack(Context ctx, String id) {
        String lesson = lessonOf.apply(id).orElse(null);
        String target = lesson == null || fromExercisePage(ctx) ? "/exercises/" + id + "#exercise-" + id
                : "/lessons/" + lesson + "#exercise-" + id;
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    /** The preview table: each answer's reference and every misconception's value on this seed. */
    public record PreviewRows(String answer, String reference, List<Named> misconceptions) {
        static List<PreviewRows> of(ExerciseInstance instance) {
            return instance.spec().answers().stream().map(a -> new PreviewRows(a.name(),
                    a.type().reveal(a, instance),
                    instance.misconceptions().getOrDefault(a.name(), List.of()).stream()
                            .map(m -> new Named(m.name(), DataPreview.format(m.value()), m.message())).toList())).toList();
        }

        /** A misconception as the preview shows it: its name, its value on this seed, its message. */
        public record Named(String name, String value, String message) {
        }
    }
}
