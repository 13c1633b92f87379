package org.argmax.markdown;

import org.argmax.content.ContentLimits;
import org.argmax.content.ContentProblem;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Checks a Markdown text line by line, before the parser sees it, for nesting the parser cannot take
 * (see {@link ContentLimits}): block quotes and lists nested more than
 * {@link ContentLimits#MAX_MARKDOWN_NESTING} levels, and paragraphs with more than
 * {@link ContentLimits#MAX_INLINE_MARKERS} emphasis and link markers. Fenced code is skipped.
 *
 * <p>The nesting is estimated the way CommonMark reads it, but generously: a line's block quote
 * markers and list markers count one level each, and list items opened on earlier lines stay open
 * while the following non-blank lines are indented at least to their content. It can count a level
 * too many (a thematic break such as {@code - - -}), never far too few.
 */
final class MarkdownLimits {
    private MarkdownLimits() {
    }

    /** Records at most one problem per kind, at the line where the limit is passed; true when the text is within the limits. */
    static boolean check(String markdown, Path file, int firstLine, List<ContentProblem> problems) {
        boolean ok = true;
        boolean nestingReported = false;
        Deque<Integer> openItems = new ArrayDeque<>(); // content column of each list item still open
        String fence = null;
        int markers = 0;
        int paragraphLine = -1;
        boolean markersReported = false;
        int lineNumber = firstLine;
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) end = markdown.length();
            String line = markdown.substring(start, end);
            int here = lineNumber;
            start = end + 1;
            lineNumber++;

            if (fence != null) {
                String closing = fenceAt(stripQuotes(line));
                if (closing != null && closing.charAt(0) == fence.charAt(0) && closing.length() >= fence.length()) fence = null;
                continue;
            }
            if (line.isBlank()) {
                paragraphLine = -1;
                markers = 0;
                continue;
            }

            // the container prefix: block quote markers and list markers, with the columns they reach
            int col = 0;
            int i = 0;
            int quotes = 0;
            int itemsHere = 0;
            boolean popped = false;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ') {
                    col++;
                    i++;
                } else if (c == '\t') {
                    col += 4 - col % 4;
                    i++;
                } else if (c == '>') {
                    quotes++;
                    col++;
                    i++;
                } else {
                    if (!popped) {
                        // the first text of the line closes the list items it is not indented into
                        while (!openItems.isEmpty() && openItems.peek() > col) openItems.pop();
                        popped = true;
                    }
                    int marker = listMarkerLength(line, i);
                    if (marker == 0) break;
                    int spaces = 0;
                    int j = i + marker;
                    while (j < line.length() && line.charAt(j) == ' ' && spaces < 5) {
                        spaces++;
                        j++;
                    }
                    int content = col + marker + (spaces == 0 || spaces >= 5 ? 1 : spaces);
                    openItems.push(content);
                    itemsHere++;
                    col += marker;
                    i += marker;
                }
            }
            String rest = line.substring(i);

            int depth = quotes + openItems.size();
            if (!nestingReported && depth > ContentLimits.MAX_MARKDOWN_NESTING) {
                problems.add(new ContentProblem(file, here, "block quotes and lists nest " + depth + " levels deep here; at most "
                        + ContentLimits.MAX_MARKDOWN_NESTING + " levels are allowed"));
                nestingReported = true;
                ok = false;
            }

            String opening = fenceAt(rest);
            if (opening != null) {
                fence = opening;
                paragraphLine = -1;
                markers = 0;
                continue;
            }
            // emphasis and links cannot reach across a new list item, heading or table row
            if (itemsHere > 0 || rest.startsWith("#") || rest.startsWith("|")) {
                paragraphLine = -1;
                markers = 0;
            }
            if (paragraphLine < 0) paragraphLine = here;
            for (int k = 0; k < rest.length(); k++) {
                char c = rest.charAt(k);
                if (c == '*' || c == '_' || c == '[') markers++;
            }
            if (!markersReported && markers > ContentLimits.MAX_INLINE_MARKERS) {
                problems.add(new ContentProblem(file, paragraphLine, "the paragraph starting here has more than "
                        + String.format(Locale.ROOT, "%,d", ContentLimits.MAX_INLINE_MARKERS)
                        + " emphasis and link markers (*, _ and [), which could nest deeper than the Markdown parser can go;"
                        + " split it with blank lines"));
                markersReported = true;
                ok = false;
            }
        }
        return ok;
    }

    /** The length of a list marker ({@code -}, {@code +}, {@code *}, {@code 1.} or {@code 1)}) at {@code i}, or 0. */
    private static int listMarkerLength(String line, int i) {
        char c = line.charAt(i);
        int j = i;
        if (c == '-' || c == '+' || c == '*') {
            j = i + 1;
        } else {
            while (j < line.length() && j - i < 9 && Character.isDigit(line.charAt(j))) j++;
            if (j == i || j >= line.length() || (line.charAt(j) != '.' && line.charAt(j) != ')')) return 0;
            j++;
        }
        if (j < line.length() && line.charAt(j) != ' ' && line.charAt(j) != '\t') return 0;
        return j - i;
    }

    private static String stripQuotes(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) i++;
        return line.substring(i);
    }

    /** The fence (three or more backticks or tildes) that {@code text} starts with after spaces, or null. */
    private static String fenceAt(String text) {
        String s = text.stripLeading();
        if (s.length() < 3 || (s.charAt(0) != '`' && s.charAt(0) != '~')) return null;
        int run = 0;
        while (run < s.length() && s.charAt(run) == s.charAt(0)) run++;
        return run >= 3 ? s.substring(0, run) : null;
    }
}
