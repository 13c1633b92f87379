package org.argmax.progress;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.argmax.accounts.User;
import org.argmax.accounts.UserRepository;
import org.argmax.lessons.CourseService;
import org.argmax.http.Views;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Instructor-only pages: course overview, gradebook, one learner, CSV downloads. */
public final class InstructorHandler {
    private static final int PAGE_SIZE = 100;

    private final InstructorService instructors;
    private final ProgressRepository progress;
    private final UserRepository users;
    private final CourseService courses;
    private final Views views;

    public InstructorHandler(InstructorService instructors, ProgressRepository progress, UserRepository users,
                             CourseService courses, Views views) {
        this.instructors = instructors;
        this.progress = progress;
        this.users = users;
        this.courses = courses;
        this.views = views;
    }

    public void overview(Context ctx) {
        views.render(ctx, "instructor", Map.of("overview", instructors.overview(courses.current())));
    }

    public void gradebook(Context ctx) {
        int page;
        try {
            page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        views.render(ctx, "gradebook", Map.of("book", instructors.gradebook(courses.current(), page, PAGE_SIZE)));
    }

    public void learner(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no learner with id '" + ctx.pathParam("id") + "'.");
        }
        User learner = users.byId(id).orElseThrow(() -> new NotFoundResponse("There is no learner with id " + id + "."));
        Map<String, Object> model = new HashMap<>();
        model.put("learner", learner);
        model.put("standing", progress.standing(courses.current(), id));
        model.put("attempts", instructors.attemptTexts(courses.current(), id));
        views.render(ctx, "instructor-learner", model);
    }

    public void gradebookCsv(Context ctx) {
        csv(ctx, "gradebook.csv", out -> instructors.writeGradebook(courses.current(), out));
    }

    public void attemptsCsv(Context ctx) {
        csv(ctx, "attempts.csv", instructors::writeAttempts);
    }

    private static void csv(Context ctx, String filename, java.util.function.Consumer<Writer> body) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            body.accept(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
