package org.argmax.content;

import java.util.List;
import java.util.stream.Collectors;

/** The course under {@code content/} could not be loaded; carries every problem found, not just the first. */
public class ContentException extends RuntimeException {
    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
