package org.argmax.markdown;

import org.argmax.content.ContentLimits;
import org.argmax.content.ContentProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's formulas for the formula sheet, written by the instructor as a fenced block with the
 * info string {@value #INFO} in the lesson's {@code ## Key points} section. One formula per line,
 * {@code label: TeX}: the label is plain text, the TeX has no delimiters (it is shown as display
 * math). A line that starts with a space continues the formula above it. Blank lines are ignored.
 *
 * <pre>
 * ```formulas
 * Coin MLE: \hat\theta = k/n
 * Standard error: \mathrm{se}(\hat\theta) = \sqrt{\hat\theta(1-\hat\theta)/n}
 * ```
 * </pre>
 *
 * The lesson shows the block as a list of formulas in its key points box ({@link MarkdownRenderer}),
 * and the formula sheet collects every lesson's block in course order.
 */
public record FormulaBlock(int line, String section, List<Entry> entries) {
    /** The info string of the fence that marks a formulas block. */
    public static final String INFO = "formulas";
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern SECTION = Pattern.compile("^ {0,3}##[ \\t]+(.*?)[ \\t#]*$");

    public FormulaBlock {
        entries = List.copyOf(entries);
    }

    /**
     * One formula: {@code label} as written (plain text), {@code tex} as KaTeX gets it (physics
     * macros expanded), {@code written} as the author wrote it, starting on {@code line} of the file.
     */
    public record Entry(String label, String tex, String written, int line) {
    }

    /**
     * What {@link #scan} found: the formulas blocks, and the line of the {@code ## Key points}
     * heading (0 when there is none).
     */
    public record Scan(List<FormulaBlock> blocks, int keyPointsLine) {
        public Scan {
            blocks = List.copyOf(blocks);
        }
    }

    /** Whether a fence's info string marks a formulas block (its first word is {@value #INFO}). */
    public static boolean isFormulas(String info) {
        if (info == null) return false;
        String s = info.strip();
        int space = s.indexOf(' ');
        return (space < 0 ? s : s.substring(0, space)).equals(INFO);
    }

    /**
     * Finds the formulas blocks of a Markdown text that starts on line {@code firstLine} of
     * {@code file}, each with the {@code ##} section it is in; a block that cannot be read is
     * reported in {@code problems} with its line.
     */
    public static Scan scan(String markdown, Path file, int firstLine, List<ContentProblem> problems) {
        List<FormulaBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String section = "";
        int keyPoints = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            Matcher fence = FENCE.matcher(stripCr(text));
            if (fence.matches()) {
                String marker = fence.group(1);
                if (marker.charAt(0) == '`' && fence.group(2).contains("`")) continue; // inline code, not a fence
                int close = closing(lines, i + 1, marker);
                if (!isFormulas(fence.group(2))) {
                    i = close < 0 ? lines.length : close;
                    continue;
                }
                int at = firstLine + i;
                if (close < 0) {
                    problems.add(new ContentProblem(file, at, "the " + marker + INFO + " block opened here is never closed with " + marker));
                    close = lines.length;
                }
                List<String> body = new ArrayList<>();
                for (int j = i + 1; j < close; j++) body.add(lines[j]);
                List<Entry> entries = parseBody(body, file, at + 1, problems);
                if (entries.isEmpty()) {
                    problems.add(new ContentProblem(file, at, "this " + marker + INFO + " block has no formulas: write one per line as 'label: TeX'"));
                }
                blocks.add(new FormulaBlock(at, section, entries));
                i = close;
                continue;
            }
            Matcher heading = SECTION.matcher(stripCr(text));
            if (heading.matches()) {
                section = heading.group(1).strip();
                if (keyPoints == 0 && section.equalsIgnoreCase("Key points")) keyPoints = firstLine + i;
            }
        }
        return new Scan(blocks, keyPoints);
    }

    /** The index of the line that closes a fence opened with {@code marker}, or -1. */
    private static int closing(String[] lines, int from, String marker) {
        for (int j = from; j < lines.length; j++) {
            Matcher m = FENCE.matcher(stripCr(lines[j]));
            if (m.matches() && m.group(1).charAt(0) == marker.charAt(0) && m.group(1).length() >= marker.length()
                    && m.group(2).isBlank()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The formulas of a block's body, whose first line is line {@code firstLine} of {@code file}.
     * Lines that cannot be read are reported and left out.
     */
    public static List<Entry> parseBody(List<String> body, Path file, int firstLine, List<ContentProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        String label = null;
        StringBuilder written = new StringBuilder();
        int start = 0;
        for (int j = 0; j < body.size(); j++) {
            String text = stripCr(body.get(j));
            int line = firstLine + j;
            if (text.isBlank()) {
                if (label != null) finish(label, written.toString(), start, file, problems, entries);
                label = null;
                continue;
            }
            if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
                if (label == null) {
                    problems.add(new ContentProblem(file, line, "a line that starts with a space continues the formula above it, and there is none:"
                            + " start a formula as 'label: TeX'"));
                } else {
                    if (written.length() > 0) written.append('\n');
                    else start = line; // 'label:' alone on its line: the formula starts here
                    written.append(text.strip());
                }
                continue;
            }
            if (label != null) finish(label, written.toString(), start, file, problems, entries);
            label = null;
            int colon = text.indexOf(':');
            if (colon < 0) {
                problems.add(new ContentProblem(file, line, "write each formula as 'label: TeX' (e.g. 'Coin MLE: \\hat\\theta = k/n');"
                        + " this line has no colon"));
                continue;
            }
            String name = text.substring(0, colon).strip();
            if (name.isEmpty()) {
                problems.add(new ContentProblem(file, line, "this formula has no label before the colon: write 'label: TeX'"));
                continue;
            }
            if (name.contains("$") || name.contains("\\")) {
                problems.add(new ContentProblem(file, line, "the label '" + name + "' is plain text: write math only in the formula after the colon"));
                continue;
            }
            label = name;
            start = line;
            written.setLength(0);
            written.append(text.substring(colon + 1).strip());
        }
        if (label != null) finish(label, written.toString(), start, file, problems, entries);
        return entries;
    }

    private static void finish(String label, String written, int line, Path file, List<ContentProblem> problems, List<Entry> entries) {
        if (written.isEmpty()) {
            problems.add(new ContentProblem(file, line, "'" + label + ":' has no formula after the colon"));
            return;
        }
        if (written.startsWith("$") || written.startsWith("\\[") || written.startsWith("\\(")) {
            problems.add(new ContentProblem(file, line, "write the formula of '" + label + "' without $ or \\[ \\] delimiters:"
                    + " every formula of the block is shown as display math"));
            return;
        }
        if (written.length() > ContentLimits.MAX_FORMULA_CHARS) {
            problems.add(new ContentProblem(file, line, "this formula is " + String.format(Locale.ROOT, "%,d", written.length())
                    + " characters long; formulas may have at most " + String.format(Locale.ROOT, "%,d", ContentLimits.MAX_FORMULA_CHARS)
                    + " characters: split it"));
            return;
        }
        entries.add(new Entry(label, PhysicsMacros.expand(written), written, line));
    }

    /**
     * The formulas as HTML: a definition list of label and display formula (rendered in the browser
     * by the page's KaTeX, as every formula), the same on the lesson and on the formula sheet.
     */
    public static String listHtml(List<Entry> entries) {
        StringBuilder out = new StringBuilder("<dl class=\"formula-list\">\n");
        for (Entry e : entries) {
            out.append("<div class=\"formula\"><dt>").append(Html.escape(e.label())).append("</dt><dd><div class=\"math math-display\">")
                    .append(Html.escape(e.tex())).append("</div></dd></div>\n");
        }
        return out.append("</dl>\n").toString();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
