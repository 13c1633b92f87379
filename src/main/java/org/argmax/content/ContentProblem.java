package org.argmax.content;

import java.nio.file.Path;

/** One authoring error, reported like a compiler error: {@code content/lessons/map.md:12: message}. */
public record ContentProblem(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
