package org.argmax.progress;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.argmax.http.CurrentUser;
import org.argmax.http.Viewer;
import org.argmax.content.Lesson;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.CourseSnapshot;
import org.argmax.http.Views;

import java.util.HashMap;
import java.util.Map;

/** "My progress", marking a lesson completed, and the instructor's learner list. */
public final class ProgressHandler {
    private final ProgressRepository progress;
    private final CourseService courses;
    private final Views views;

    public ProgressHandler(ProgressRepository progress, CourseService courses, Views views) {
        this.progress = progress;
        this.courses = courses;
        this.views = views;
    }

    public void show(Context ctx) {
        Viewer user = CurrentUser.require(ctx);
        CourseSnapshot snapshot = courses.current();
        Standing standing = progress.standing(snapshot, user.id());
        Map<String, Object> model = new HashMap<>();
        model.put("standing", standing);
        model.put("continueLesson", progress.lastVisited(user.id()).flatMap(s -> snapshot.course().lesson(s)).orElse(null));
        views.render(ctx, "progress", model);
    }

    /** POST /lessons/{slug}/complete with completed=true|false. */
    public void complete(Context ctx) {
        Viewer user = CurrentUser.require(ctx);
        String slug = ctx.pathParam("slug");
        if (courses.current().course().lesson(slug).isEmpty()) throw new NotFoundResponse("There is no lesson called '" + slug + "'.");
        boolean done = !"false".equals(ctx.formParam("completed"));
        progress.setCompleted(user.id(), slug, done);
        ctx.redirect("/lessons/" + slug + "#lesson-status", HttpStatus.SEE_OTHER);
    }
}
