package org.argmax.lessons;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.argmax.content.Lesson;
import org.argmax.content.Page;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.FragmentCache;
import org.argmax.http.PageCache;
import org.argmax.http.PageExtras;
import org.argmax.http.Viewer;
import org.argmax.http.Views;
import org.argmax.markdown.RenderedDocument;

import java.util.HashMap;
import java.util.Map;

/**
 * The course home, lesson pages, the formula sheet and stand-alone pages such as the glossary. A visitor who is not
 * signed in gets the same page as every other visitor: rendered once per course snapshot and served
 * as bytes ({@link PageCache}); a signed-in learner's lesson is the shared shell with their own parts
 * ({@link LessonSlots}), each kept by what it shows ({@link FragmentCache}).
 */
public final class LessonHandler {
    private final CourseService courses;
    private final Views views;
    /** Per-request additions by other features (progress marks, the embedded exercises). */
    private final java.util.List<PageExtras> extras;
    private final PageCache visitorPages = new PageCache();
    private final LessonSlots.Shells<CourseSnapshot> shells = new LessonSlots.Shells<>();
    /** A signed-in viewer's parts of pages, shared with the features that render them. */
    private final FragmentCache fragments;

    public LessonHandler(CourseService courses, Views views, FragmentCache fragments, java.util.List<PageExtras> extras) {
        this.courses = courses;
        this.views = views;
        this.fragments = fragments;
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
        Viewer viewer = CurrentUser.of(ctx).orElse(null);
        if (viewer == null) {
            visitorPages.serve(ctx, snapshot, "/lessons/" + slug, () -> views.process(ctx, "lesson", lessonModel(ctx, snapshot, lesson, true)));
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(learnerLesson(ctx, viewer, snapshot, lesson));
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

    /** The account links: what they show depends on the viewer, the session's token and the path. */
    private record NavPart(Viewer viewer, String csrfToken, String path) {
    }

    /** The content banner: shown to instructors only, with the snapshot's problems. */
    private record ProblemsPart(boolean instructor) {
    }

    /**
     * A signed-in viewer's lesson: the shared shell with their parts in its slots, each part kept by
     * what it shows ({@link FragmentCache}), so an unchanged page costs the queries that say what
     * changed (the session, the learner's exercise states and lesson row) and one copy of the bytes.
     */
    private byte[] learnerLesson(Context ctx, Viewer viewer, CourseSnapshot snapshot, Lesson lesson) {
        LessonSlots.Shell shell = shells.get(snapshot, lesson.slug(), () -> {
            String html = views.process(ctx, "lesson", shellModel(snapshot, lesson));
            // a form outside the slots would put this viewer's token into everyone's page
            if (Csrf.wasRead(ctx)) throw new IllegalStateException("the shared shell of lesson " + lesson.slug() + " holds a CSRF token");
            return new LessonSlots.Shell(LessonSlots.split(html), exerciseSlots(snapshot.lessons().get(lesson.slug())));
        });
        String token = Csrf.token(ctx);
        Map<String, byte[]> parts = new HashMap<>();
        for (PageExtras e : extras) e.lessonParts(ctx, snapshot, lesson.slug(), shell.exerciseSlots(), parts);
        java.util.List<String> slots = shell.exerciseSlots();
        byte[][] personal = new byte[slots.size() + 3][];
        personal[0] = fragments.get(snapshot, new NavPart(viewer, token, ctx.path()),
                () -> views.fragment(ctx, "fragments/account", "nav", Map.of()));
        personal[1] = fragments.get(snapshot, new ProblemsPart(viewer.isInstructor()),
                () -> views.fragment(ctx, "fragments/account", "contentProblems", Map.of()));
        for (int i = 0; i < slots.size(); i++) personal[i + 2] = part(parts, "exercise:" + slots.get(i));
        personal[personal.length - 1] = part(parts, "status");
        return LessonSlots.fill(shell.pieces(), personal);
    }

    private static byte[] part(Map<String, byte[]> parts, String slot) {
        byte[] html = parts.get(slot);
        if (html == null) throw new IllegalStateException("no feature filled the slot " + slot + " of a lesson page");
        return html;
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
