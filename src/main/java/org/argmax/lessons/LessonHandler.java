package org.argmax.lessons;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.http.PageExtras;
import org.argmax.http.Views;
import org.argmax.markdown.RenderedDocument;

import java.util.HashMap;
import java.util.Map;

/** The course home, lesson pages and stand-alone pages such as the glossary. */
public final class LessonHandler {
    private final CourseService courses;
    private final Views views;
    /** Per-request additions by other features (progress marks, the embedded exercises). */
    private final java.util.List<PageExtras> extras;

    public LessonHandler(CourseService courses, Views views, java.util.List<PageExtras> extras) {
        this.courses = courses;
        this.views = views;
        this.extras = java.util.List.copyOf(extras);
    }

    public void home(Context ctx) {
        CourseSnapshot snapshot = courses.current();
        Map<String, Object> model = new HashMap<>();
        model.put("course", snapshot.course());
        for (PageExtras e : extras) e.home(ctx, model);
        views.render(ctx, "home", model);
    }

    public void show(Context ctx) {
        CourseSnapshot snapshot = courses.current();
        String slug = ctx.pathParam("slug");
        Lesson lesson = snapshot.course().lesson(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no lesson called '" + slug + "' in this course."));
        Map<String, Object> model = new HashMap<>();
        model.put("lesson", lesson);
        model.put("number", snapshot.course().indexOf(slug) + 1);
        model.put("lessonCount", snapshot.course().lessons().size());
        model.put("doc", snapshot.lessons().get(slug));
        model.put("objectives", snapshot.objectivesHtml().get(slug));
        model.put("previous", snapshot.course().previous(slug).orElse(null));
        model.put("next", snapshot.course().next(slug).orElse(null));
        model.put("widgetTitles", courses.widgets().titles());
        java.util.List<String> exercises = snapshot.lessons().get(slug).embeds().stream()
                .filter(RenderedDocument.Embed::isExercise).map(RenderedDocument.Embed::id).toList();
        for (PageExtras e : extras) e.lesson(ctx, slug, exercises, model);
        views.render(ctx, "lesson", model);
    }

    public void page(Context ctx, String slug) {
        CourseSnapshot snapshot = courses.current();
        Page page = snapshot.course().pages().get(slug);
        if (page == null) throw new NotFoundResponse("This course has no " + slug + " page.");
        views.render(ctx, "page", Map.of("page", page, "doc", snapshot.pages().get(slug), "widgetTitles", courses.widgets().titles()));
    }
}
