package org.argmax.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable snapshot of everything under {@code content/}; replaced whole when a file changes. */
public record Course(String title, String description, List<Lesson> lessons, Map<String, Page> pages) {

    public Course {
        lessons = List.copyOf(lessons);
        pages = Map.copyOf(pages);
    }

    public Optional<Lesson> lesson(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    public int indexOf(String slug) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).slug().equals(slug)) return i;
        }
        return -1;
    }

    public Optional<Lesson> previous(String slug) {
        int i = indexOf(slug);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(String slug) {
        int i = indexOf(slug);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }

    public Map<String, Lesson> lessonsBySlug() {
        return lessons.stream().collect(Collectors.toMap(Lesson::slug, Function.identity()));
    }

    public int totalMinutes() {
        return lessons.stream().mapToInt(Lesson::minutes).sum();
    }
}
