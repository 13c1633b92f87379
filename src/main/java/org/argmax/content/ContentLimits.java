package org.argmax.content;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Limits that keep one content file from taking the site down, checked before the file is parsed
 * and reported like any other content problem, with file and line.
 *
 * <p>The parsers recurse: commonmark-java renders nested block quotes and lists, and merges the
 * text of nested emphasis and images while parsing, one or more Java stack frames per level. On the
 * default 1 MiB thread stack (commonmark-java 0.27, a fresh thread, cold JIT) it failed with
 * {@link StackOverflowError} from about 1,170 nested list levels ({@code - - - …}), 1,590 indented
 * ones, 2,030 block quote levels ({@code >>>…}), 4,200 nested images and 5,900 nested emphasis
 * levels; a request thread has less stack left. Content at all the limits below at once renders on
 * about 320 KiB (ContentLimitsTest renders it on half the default stack). SnakeYAML's event parser
 * does not recurse, so YAML nesting is measured on its events before the node tree is built.
 */
public final class ContentLimits {
    /** Any content file (course.yml, a lesson, the glossary, an exercise): checked before it is read. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Characters on one line of any content file. */
    public static final int MAX_LINE_CHARS = 10_000;
    /** Block quotes and lists nested in each other, counted together. */
    public static final int MAX_MARKDOWN_NESTING = 50;
    /** Characters {@code *}, {@code _} and {@code [} in one paragraph: each level of emphasis or link nesting needs one. */
    public static final int MAX_INLINE_MARKERS = 500;
    /** Characters of one formula, between its delimiters. */
    public static final int MAX_FORMULA_CHARS = 5_000;
    /** Mappings and lists nested in each other in one YAML document (course.yml, front matter, an exercise). */
    public static final int MAX_YAML_NESTING = 20;
    /** Aliases ({@code *name}) to lists and mappings in one YAML document. */
    public static final int MAX_YAML_ALIASES = 20;

    private ContentLimits() {
    }

    /**
     * Reads a content file as UTF-8 after checking its size, then checks its line lengths. Returns
     * null, with a problem, when the file cannot be read or is too large to read; a file with too
     * long lines is returned (its problem is recorded) so its other problems are found too.
     */
    public static String read(Path file, List<ContentProblem> problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new ContentProblem(file, 1, "the file is " + String.format(java.util.Locale.ROOT, "%,d", size)
                        + " bytes; content files may have at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_FILE_BYTES)
                        + " bytes (1 MiB): split it"));
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            checkLines(file, text, 1, problems);
            return text;
        } catch (MalformedInputException e) {
            problems.add(new ContentProblem(file, 1, "the file is not valid UTF-8 text"));
        } catch (IOException e) {
            problems.add(new ContentProblem(file, 1, "cannot read the file: " + e.getMessage()));
        }
        return null;
    }

    /** Reports the first line longer than {@link #MAX_LINE_CHARS}, and how many there are; true when none is. */
    public static boolean checkLines(Path file, String text, int firstLine, List<ContentProblem> problems) {
        int line = firstLine;
        int start = 0;
        int firstLong = -1;
        int firstLength = 0;
        int longLines = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            int length = end - start;
            if (length > 0 && text.charAt(end - 1) == '\r') length--;
            if (length > MAX_LINE_CHARS) {
                if (firstLong < 0) {
                    firstLong = line;
                    firstLength = length;
                }
                longLines++;
            }
            start = end + 1;
            line++;
        }
        if (firstLong < 0) return true;
        problems.add(new ContentProblem(file, firstLong, "this line is " + String.format(java.util.Locale.ROOT, "%,d", firstLength)
                + " characters long; lines may have at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters"
                + (longLines > 1 ? " (" + longLines + " lines of this file are too long)" : "")));
        return false;
    }
}
