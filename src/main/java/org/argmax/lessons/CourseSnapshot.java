package org.argmax.lessons;

import org.argmax.content.ContentProblem;
import org.argmax.content.Course;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.markdown.RenderedDocument;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;

/**
 * The course as served: the loaded content plus every lesson and page rendered once.
 * {@code problems} is non-empty only when a later edit broke the content and this older good
 * snapshot is still being served.
 *
 * <p>The rendered part (lessons, pages, exercises, objectives) may still be in the making when the
 * snapshot is handed out: on a start whose content and build were already checked
 * ({@link CourseCheckCache}) it is rendered once the server listens
 * ({@link CourseService#renderInBackground(long)}) or by the first caller of one of those accessors,
 * whichever comes first; other callers wait for it. {@link #course()} and {@link #problems()} never wait.
 */
public final class CourseSnapshot {
    /** What rendering the course makes. */
    record Rendered(Map<String, RenderedDocument> lessons, Map<String, RenderedDocument> pages,
                    Map<String, ExerciseSpec> exercises, Map<String, List<String>> objectivesHtml) {
        Rendered {
            objectivesHtml = Map.copyOf(objectivesHtml);
            lessons = Map.copyOf(lessons);
            pages = Map.copyOf(pages);
            exercises = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exercises));
        }
    }

    private final Course course;
    private final List<ContentProblem> problems;
    private final RunnableFuture<Rendered> pending;
    private volatile Rendered rendered;

    public CourseSnapshot(Course course, Map<String, RenderedDocument> lessons, Map<String, RenderedDocument> pages,
                          Map<String, ExerciseSpec> exercises, Map<String, List<String>> objectivesHtml,
                          List<ContentProblem> problems) {
        this(course, new Rendered(lessons, pages, exercises, objectivesHtml), null, problems);
    }

    /** A snapshot whose rendered part {@code pending} is still being made. */
    CourseSnapshot(Course course, RunnableFuture<Rendered> pending) {
        this(course, null, pending, List.of());
    }

    private CourseSnapshot(Course course, Rendered rendered, RunnableFuture<Rendered> pending, List<ContentProblem> problems) {
        this.course = course;
        this.rendered = rendered;
        this.pending = pending;
        this.problems = List.copyOf(problems);
    }

    public CourseSnapshot withProblems(List<ContentProblem> newProblems) {
        return new CourseSnapshot(course, rendered, pending, newProblems);
    }

    public Course course() {
        return course;
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    public Map<String, RenderedDocument> lessons() {
        return rendered().lessons();
    }

    public Map<String, RenderedDocument> pages() {
        return rendered().pages();
    }

    public Map<String, ExerciseSpec> exercises() {
        return rendered().exercises();
    }

    public Map<String, List<String>> objectivesHtml() {
        return rendered().objectivesHtml();
    }

    /** Whether the rendered part is ready (no accessor would wait). */
    public boolean ready() {
        return rendered != null || pending.isDone();
    }

    private Rendered rendered() {
        Rendered r = rendered;
        if (r != null) return r;
        pending.run(); // renders here unless it has been started elsewhere (then this returns at once and get() waits)
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    r = pending.get();
                    rendered = r;
                    return r;
                } catch (InterruptedException e) {
                    interrupted = true; // a request thread interrupted while waiting: finish the wait, keep the flag
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Rendering the course failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The slug of the lesson that embeds an exercise, if any. */
    public java.util.Optional<String> lessonOf(String exerciseId) {
        for (var lesson : course.lessons()) {
            RenderedDocument doc = lessons().get(lesson.slug());
            if (doc != null && doc.embeds().stream().anyMatch(e -> e.isExercise() && e.id().equals(exerciseId))) {
                return java.util.Optional.of(lesson.slug());
            }
        }
        return java.util.Optional.empty();
    }
}
