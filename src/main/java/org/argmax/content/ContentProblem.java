package org.argmax.content;

import java.nio.file.Path;

/** One authoring error, reported like a compiler error: {@code content/lessons/map.md:12: message}. */
public record ContentProblem(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    /**
     * A failure the content checks did not foresee (a parser running out of stack or memory, a bug)
     * while {@code file} was being loaded or rendered; {@code line} is 1 when it is not known.
     */
    public static ContentProblem unexpected(Path file, int line, Throwable failure) {
        String what = failure instanceof StackOverflowError ? "it nests too deeply for the parser"
                : failure instanceof OutOfMemoryError ? "it is too large to process"
                : failure.getMessage() == null ? "" : failure.getMessage();
        return new ContentProblem(file, line, "this file could not be processed (" + failure.getClass().getSimpleName()
                + (what.isEmpty() ? "" : ": " + what) + "); simplify it and check it with 'check'");
    }
}
