package org.argmax.lessons;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.PageCache;
import org.argmax.http.PageExtras;
import org.argmax.http.Views;
import org.argmax.markdown.RenderedDocument;

import java.util.HashMap;
import java.util.Map;

/**
 * The course home, lesson pages, the formula sheet and stand-alone pages such as the glossary. A visitor who is not
 * signed in gets the same page as every other visitor: rendered once per course snapshot and served
 * as bytes ({@link PageCache}); a signed-in learner's page is rendered for them.
 */
public final class LessonHandler {
    private final CourseService courses;
    private final Views views;
    /** Per-request additions by other features (progress marks, the embedded exercises). */
    private final java.util.List<PageExtras> extras;
    private final PageCache visitorPages = new PageCache();
    private final LessonSlots.Shells<CourseSnapshot> shells = new LessonSlots.Shells<>();

    public LessonHandler(CourseService courses, Views views, java.util.List<PageExtras> extras) {
        this.courses = courses;
        this.views = views;
        this.extras = java.util.List.copyOf(extras);
    }

    public void home(Context ctx) {
        CourseSnapshot snapshot = courses.current();
        respond(ctx, snapshot, "/", () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("course", snapshot.course());
            for (PageExtras e : extras) e.home(ctx, model);
            return views.process(ctx, "home", model);
        });
    }

    public void show(Context ctx) {
        CourseSnapshot snapshot = courses.current();
        String slug = ctx.pathParam("slug");
        Lesson lesson = snapshot.course().lesson(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no lesson called '" + slug + "' in this course."));
        respond(ctx, snapshot, "/lessons/" + slug, () -> lessonPage(ctx, snapshot, lesson));
    }

    /** A visitor's page from the cache; a signed-in viewer's rendered now. */
    private void respond(Context ctx, CourseSnapshot snapshot, String key, java.util.function.Supplier<String> render) {
        if (CurrentUser.of(ctx).isEmpty()) {
            visitorPages.serve(ctx, snapshot, key, render);
        } else {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(render.get());
        }
    }

    /** A visitor's lesson in full (cached by {@link #respond}); a signed-in viewer's as the shared shell with their parts in its slots. */
    private String lessonPage(Context ctx, CourseSnapshot snapshot, Lesson lesson) {
        if (CurrentUser.of(ctx).isEmpty()) return views.process(ctx, "lesson", lessonModel(ctx, snapshot, lesson, true));
        String[] shell = shells.get(snapshot, lesson.slug(), () -> {
            String html = views.process(ctx, "lesson", shellModel(snapshot, lesson));
            // a form outside the slots would put this viewer's token into everyone's page
            if (Csrf.wasRead(ctx)) throw new IllegalStateException("the shared shell of lesson " + lesson.slug() + " holds a CSRF token");
            return LessonSlots.split(html);
        });
        Map<String, Object> model = lessonModel(ctx, snapshot, lesson, true);
        model.put("slots", LessonSlots.INSTANCE);
        model.put("exerciseSlots", exerciseSlots(snapshot.lessons().get(lesson.slug())));
        String[] personal = LessonSlots.split(views.process(ctx, "lesson-personal", model));
        return LessonSlots.fill(shell, personal);
    }

    /** The lesson without anyone's parts: every personal part is a slot marker. */
    private Map<String, Object> shellModel(CourseSnapshot snapshot, Lesson lesson) {
        Map<String, Object> model = lessonModel(null, snapshot, lesson, false);
        model.put("slots", LessonSlots.INSTANCE);
        return model;
    }

    /** The exercises in the order their slots appear in the page. */
    private static java.util.List<String> exerciseSlots(RenderedDocument doc) {
        return doc.segments().stream().filter(RenderedDocument.Segment::isEmbed).map(RenderedDocument.Segment::embed)
                .filter(RenderedDocument.Embed::isExercise).map(RenderedDocument.Embed::id).toList();
    }

    /** {@code withExtras}: with what the features add for this request's viewer (their exercises, their progress). */
    private Map<String, Object> lessonModel(Context ctx, CourseSnapshot snapshot, Lesson lesson, boolean withExtras) {
        String slug = lesson.slug();
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
        if (withExtras) for (PageExtras e : extras) e.lesson(ctx, slug, exercises, model);
        return model;
    }

    /** The formula sheet: every lesson's key formulas in course order ({@link FormulaSheet}), cached for visitors like a lesson. */
    public void formulas(Context ctx) {
        CourseSnapshot snapshot = courses.current();
        respond(ctx, snapshot, FormulaSheet.PATH, () -> views.process(ctx, "formulas", Map.of("sheet", FormulaSheet.of(snapshot))));
    }

    public void page(Context ctx, String slug) {
        CourseSnapshot snapshot = courses.current();
        Page page = snapshot.course().pages().get(slug);
        if (page == null) throw new NotFoundResponse("This course has no " + slug + " page.");
        respond(ctx, snapshot, "/" + slug, () -> views.process(ctx, "page",
                Map.of("page", page, "doc", snapshot.pages().get(slug), "widgetTitles", courses.widgets().titles())));
    }
}
