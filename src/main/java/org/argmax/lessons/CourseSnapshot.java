package org.argmax.lessons;

import org.argmax.markdown.RenderedDocument;

import org.argmax.content.ContentProblem;
import org.argmax.content.Course;
import org.argmax.exercises.ExerciseSpec;
import org.argmax.markdown.RenderedDocument;

import java.util.List;
import java.util.Map;

/**
 * The course as served: the loaded content plus every lesson and page rendered once.
 * {@code problems} is non-empty only when a later edit broke the content and this older good
 * snapshot is still being served.
 */
public record CourseSnapshot(Course course, Map<String, RenderedDocument> lessons, Map<String, RenderedDocument> pages,
                             Map<String, ExerciseSpec> exercises, Map<String, List<String>> objectivesHtml,
                             List<ContentProblem> problems) {
    public CourseSnapshot {
        objectivesHtml = Map.copyOf(objectivesHtml);
        lessons = Map.copyOf(lessons);
        pages = Map.copyOf(pages);
        exercises = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exercises));
        problems = List.copyOf(problems);
    }

    public CourseSnapshot withProblems(List<ContentProblem> newProblems) {
        return new CourseSnapshot(course, lessons, pages, exercises, objectivesHtml, newProblems);
    }

    /** The slug of the lesson that embeds an exercise, if any. */
    public java.util.Optional<String> lessonOf(String exerciseId) {
        for (var lesson : course.lessons()) {
            RenderedDocument doc = lessons.get(lesson.slug());
            if (doc != null && doc.embeds().stream().anyMatch(e -> e.isExercise() && e.id().equals(exerciseId))) {
                return java.util.Optional.of(lesson.slug());
            }
        }
        return java.util.Optional.empty();
    }
}
