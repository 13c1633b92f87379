package org.argmax.markdown;

import org.argmax.content.ContentLimits;
import org.argmax.content.ContentProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes every formula out of a Markdown text before the Markdown parser sees it, so underscores,
 * asterisks and backslashes inside math are never read as emphasis or escapes. Each formula is
 * replaced by a letters-and-digits placeholder that Markdown leaves alone; {@link #restore} puts the
 * formulas back, HTML-escaped, in elements the page's KaTeX script renders.
 *
 * <p>Recognised: {@code $…$}, {@code \(…\)} inline; {@code $$…$$}, {@code \[…\]} and the
 * environments equation, align, gather, multline (starred too) as display. Fenced code blocks and
 * inline code spans are left untouched.
 */
public final class MathExtractor {
    static final String TOKEN = "ZqMath";
    private static final Pattern ENV = Pattern.compile("\\\\begin\\{(equation|align|gather|multline|alignat|eqnarray)(\\*?)\\}");
    private static final Pattern PLACEHOLDER = Pattern.compile("(<p>)?" + TOKEN + "(\\d+)Zq(</p>)?");

    /**
     * One formula: {@code tex} is what KaTeX gets (physics macros expanded), {@code written} the
     * formula as the author wrote it, delimiters included, starting at {@code offset} of the text
     * given to {@link #extract} on line {@code line} of the file.
     */
    public record Formula(String tex, boolean display, String written, int offset, int line) {
    }

    private final List<Formula> formulas = new ArrayList<>();
    /** Per closing delimiter, the earliest position from which it was searched and not found: unclosed openers stay linear. */
    private final java.util.Map<String, Integer> missingFrom = new java.util.HashMap<>();
    private final List<ContentProblem> overLimit = new ArrayList<>();
    private Path file;
    private List<ContentProblem> problems;

    public List<Formula> formulas() {
        return formulas;
    }

    /** The formulas over {@link ContentLimits#MAX_FORMULA_CHARS} found by the last {@link #extract}. */
    List<ContentProblem> overLimit() {
        return overLimit;
    }

    /** Returns the text with placeholders; unclosed display math is reported with its line. */
    public String extract(String text, Path file, int firstLine, List<ContentProblem> problems) {
        this.file = file;
        this.problems = problems;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int line = firstLine;
        boolean lineStart = true;
        String fence = null;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (lineStart) {
                String fenceHere = fenceAt(text, i);
                boolean codeLine = fence != null || fenceHere != null;
                if (fence == null) {
                    fence = fenceHere;
                } else if (fenceHere != null && fenceHere.charAt(0) == fence.charAt(0)
                        && fenceHere.length() >= fence.length()) {
                    fence = null;
                }
                if (codeLine) {
                    int eol = text.indexOf('\n', i);
                    int end = eol < 0 ? text.length() : eol + 1;
                    out.append(text, i, end);
                    if (eol >= 0) line++;
                    i = end;
                    lineStart = true;
                    continue;
                }
            }
            lineStart = false;
            if (c == '\n') {
                out.append(c);
                line++;
                i++;
                lineStart = true;
                continue;
            }
            if (c == '`') {
                int run = runLength(text, i, '`');
                int close = find(text, "`".repeat(run), i + run);
                if (close > 0) {
                    line += count(text, i, close + run, '\n');
                    out.append(text, i, close + run);
                    i = close + run;
                    continue;
                }
                out.append(text, i, i + run);
                i += run;
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                if (n == '$') {
                    out.append("\\$");
                    i += 2;
                    continue;
                }
                if (n == '[' || n == '(') {
                    String closeDelim = n == '[' ? "\\]" : "\\)";
                    boolean reported = missingFrom.containsKey(closeDelim);
                    int close = find(text, closeDelim, i + 2);
                    if (close < 0) {
                        if (!reported) problems.add(new ContentProblem(file, line, "the formula opened with \\" + n + " is never closed with " + closeDelim));
                        out.append(c);
                        i++;
                        continue;
                    }
                    int at = line;
                    line += count(text, i, close, '\n');
                    out.append(placeholder(text.substring(i + 2, close), n == '[', text.substring(i, close + 2), i, at));
                    i = close + 2;
                    continue;
                }
                Matcher env = ENV.matcher(text).region(i, text.length());
                if (env.lookingAt()) {
                    String end = "\\end{" + env.group(1) + env.group(2) + "}";
                    boolean reported = missingFrom.containsKey(end);
                    int close = find(text, end, env.end());
                    if (close < 0) {
                        if (!reported) problems.add(new ContentProblem(file, line, "\\begin{" + env.group(1) + env.group(2) + "} is never closed with " + end));
                        out.append(c);
                        i++;
                        continue;
                    }
                    int at = line;
                    line += count(text, i, close, '\n');
                    String whole = text.substring(i, close + end.length());
                    out.append(placeholder(whole, true, whole, i, at));
                    i = close + end.length();
                    continue;
                }
                out.append(text, i, i + 2);
                i += 2;
                continue;
            }
            if (c == '$') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                    boolean reported = missingFrom.containsKey("$$");
                    int close = find(text, "$$", i + 2);
                    if (close < 0) {
                        if (!reported) problems.add(new ContentProblem(file, line, "the display formula opened with $$ is never closed with $$"));
                        out.append("$$");
                        i += 2;
                        continue;
                    }
                    int at = line;
                    line += count(text, i, close, '\n');
                    out.append(placeholder(text.substring(i + 2, close), true, text.substring(i, close + 2), i, at));
                    i = close + 2;
                    continue;
                }
                int close = closingDollar(text, i);
                if (close > 0) {
                    int at = line;
                    line += count(text, i, close, '\n');
                    out.append(placeholder(text.substring(i + 1, close), false, text.substring(i, close + 1), i, at));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Inline $…$: opening $ followed by non-space, closing $ preceded by non-space, not followed by a digit, same paragraph. */
    private static int closingDollar(String text, int open) {
        if (open + 1 >= text.length() || Character.isWhitespace(text.charAt(open + 1))) return -1;
        for (int j = open + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '`') return -1; // a code span starts: code takes precedence over math
            if (c == '\n' && isBlankLineAhead(text, j)) return -1;
            if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(text.charAt(j - 1));
                boolean digitAfter = j + 1 < text.length() && Character.isDigit(text.charAt(j + 1));
                if (!spaceBefore && !digitAfter) return j;
                return -1;
            }
        }
        return -1;
    }

    private static boolean isBlankLineAhead(String text, int newline) {
        int k = newline + 1;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        return k >= text.length() || text.charAt(k) == '\n';
    }

    /**
     * Like {@link String#indexOf(String, int)}, but a delimiter not found once is not searched for
     * again (positions only grow), so many unclosed formulas cost linear time and are reported once.
     */
    private int find(String text, String needle, int from) {
        Integer missing = missingFrom.get(needle);
        if (missing != null && from >= missing) return -1;
        int at = text.indexOf(needle, from);
        if (at < 0) missingFrom.put(needle, missing == null ? from : Math.min(missing, from));
        return at;
    }

    private String placeholder(String tex, boolean display, String written, int offset, int line) {
        String stripped = tex.strip();
        if (stripped.length() > ContentLimits.MAX_FORMULA_CHARS) {
            ContentProblem problem = new ContentProblem(file, line, "this formula is " + String.format(java.util.Locale.ROOT, "%,d", stripped.length())
                    + " characters long; formulas may have at most " + String.format(java.util.Locale.ROOT, "%,d", ContentLimits.MAX_FORMULA_CHARS)
                    + " characters: split it");
            problems.add(problem);
            overLimit.add(problem);
            formulas.add(new Formula(stripped, display, written, offset, line)); // not expanded: the macros recurse on nested brackets
        } else {
            formulas.add(new Formula(PhysicsMacros.expand(stripped), display, written, offset, line));
        }
        return TOKEN + (formulas.size() - 1) + "Zq";
    }

    private static String fenceAt(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 3 && text.charAt(j) == ' ') j++;
        if (j >= text.length()) return null;
        char c = text.charAt(j);
        if (c != '`' && c != '~') return null;
        int run = runLength(text, j, c);
        return run >= 3 ? String.valueOf(c).repeat(run) : null;
    }

    private static int runLength(String text, int i, char c) {
        int j = i;
        while (j < text.length() && text.charAt(j) == c) j++;
        return j - i;
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int j = from; j < to; j++) if (text.charAt(j) == c) n++;
        return n;
    }

    /** Puts the formulas back into rendered HTML. */
    public String restore(String html) {
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            int index = m.group(2).length() > 9 ? -1 : Integer.parseInt(m.group(2));
            if (index < 0 || index >= formulas.size()) { // the author's own text looks like a placeholder: keep it
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            Formula f = formulas.get(index);
            boolean wholeParagraph = m.group(1) != null && m.group(3) != null;
            String tex = Html.escape(f.tex());
            String replacement;
            if (f.display() && wholeParagraph) {
                replacement = "<div class=\"math math-display\">" + tex + "</div>";
            } else {
                String inner = "<span class=\"math " + (f.display() ? "math-display" : "math-inline") + "\">" + tex + "</span>";
                replacement = (m.group(1) == null ? "" : "<p>") + inner + (m.group(3) == null ? "" : "</p>");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
