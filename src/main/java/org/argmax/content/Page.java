package org.argmax.content;

import java.nio.file.Path;

/** A stand-alone page of the course that is not a lesson, such as the glossary. */
public record Page(String slug, String title, String summary, String markdown, Path source, int bodyLine) {
}
