package org.argmax.content;

import java.nio.file.Path;
import java.util.List;

/** Splits a Markdown file into its {@code ---} YAML front matter and its body, keeping line numbers. */
public record FrontMatter(String yaml, String body, int bodyLine) {

    public static FrontMatter split(Path file, String text, List<ContentProblem> problems) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new ContentProblem(file, 1, "the file must start with front matter: a line '---', "
                    + "then 'title:', 'summary:' and the other fields, then a closing '---'"));
            return null;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                String yaml = String.join("\n", List.of(lines).subList(1, i));
                String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
                return new FrontMatter(yaml, body, i + 2);
            }
        }
        problems.add(new ContentProblem(file, 1, "the front matter that starts here is never closed by a line '---'"));
        return null;
    }
}
