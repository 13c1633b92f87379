package org.argmax.content;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson as written by the instructor: front matter plus the Markdown body.
 * {@code bodyLine} is the 1-based line where the body starts, so problems found in it can be
 * reported with the line of the file.
 */
public record Lesson(String slug, String title, String summary, int minutes, List<String> objectives,
                     String markdown, Path source, int bodyLine) {
}
