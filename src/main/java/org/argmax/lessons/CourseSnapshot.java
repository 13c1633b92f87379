package org.argmax.lessons;

import org.argmax.content.ContentProblem;
import org.argmax.content.Course;

import java.util.List;
import java.util.Map;

/**
 * The course as served: the loaded content plus every lesson and page rendered once.
 * {@code problems} is non-empty only when a later edit broke the content and this older good
 * snapshot is still being served.
 */
public record CourseSnapshot(Course course, Map<String, RenderedDocument> lessons, Map<String, RenderedDocument> pages,
                             List<ContentProblem> problems) {
    public CourseSnapshot {
        lessons = Map.copyOf(lessons);
        pages = Map.copyOf(pages);
        problems = List.copyOf(problems);
    }

    public CourseSnapshot withProblems(List<ContentProblem> newProblems) {
        return new CourseSnapshot(course, lessons, pages, newProblems);
    }
}
