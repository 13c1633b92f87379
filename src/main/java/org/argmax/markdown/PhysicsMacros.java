package org.argmax.markdown;

/**
 * Rewrites the physics-package macros that the course material uses into plain LaTeX that KaTeX
 * understands, on the server, so nested brackets are matched properly:
 * {@code \qty(…)} → {@code \left(…\right)} (also [], {}, ||), {@code \mqty[…]} → bmatrix (() → pmatrix,
 * || → vmatrix), {@code \pdv{f}{x}} → ∂f/∂x, {@code \pdv[n]{f}{x}}, {@code \pdv{x}} → ∂/∂x, and
 * {@code \dv} likewise with d.
 */
public final class PhysicsMacros {
    private PhysicsMacros() {
    }

    public static String expand(String tex) {
        StringBuilder out = new StringBuilder(tex.length() + 16);
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (c == '\\') {
                String name = commandAt(tex, i);
                int after = i + 1 + name.length();
                String rewritten = switch (name) {
                    case "qty" -> rewriteQty(tex, after);
                    case "mqty" -> rewriteMqty(tex, after);
                    case "pdv" -> rewriteDerivative(tex, after, "\\partial");
                    case "dv" -> rewriteDerivative(tex, after, "\\mathrm{d}");
                    default -> null;
                };
                if (rewritten != null) {
                    int consumed = Integer.parseInt(rewritten.substring(0, rewritten.indexOf(':')));
                    out.append(rewritten.substring(rewritten.indexOf(':') + 1));
                    i = consumed;
                    continue;
                }
                // copy the control sequence whole so that e.g. "\\[" is not re-read
                int end = Math.max(after, i + 2);
                out.append(tex, i, Math.min(end, tex.length()));
                i = Math.min(end, tex.length());
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String commandAt(String tex, int backslash) {
        int j = backslash + 1;
        while (j < tex.length() && Character.isLetter(tex.charAt(j))) j++;
        return tex.substring(backslash + 1, j);
    }

    private static int skipSpaces(String tex, int i) {
        while (i < tex.length() && tex.charAt(i) == ' ') i++;
        return i;
    }

    /** A bracketed group after a macro: where it opens and closes, and which brackets it uses. */
    private record Group(int start, int end, char open, char close) {
    }

    private static Group group(String tex, int i) {
        int start = skipSpaces(tex, i);
        if (start >= tex.length()) return null;
        char open = tex.charAt(start);
        char close = closing(open);
        if (close == 0) return null;
        int end = matching(tex, start, open, close);
        return end < 0 ? null : new Group(start, end, open, close);
    }

    /** Returns "end:replacement" or null when the macro is not followed by a group. */
    private static String rewriteQty(String tex, int i) {
        Group g = group(tex, i);
        if (g == null) return null;
        String inner = expand(tex.substring(g.start() + 1, g.end()));
        String l = g.open() == '{' ? "\\{" : String.valueOf(g.open());
        String r = g.close() == '}' ? "\\}" : String.valueOf(g.close());
        return (g.end() + 1) + ":\\left" + l + " " + inner + " \\right" + r;
    }

    private static String rewriteMqty(String tex, int i) {
        Group g = group(tex, i);
        if (g == null) return null;
        String env = switch (g.open()) {
            case '(' -> "pmatrix";
            case '[' -> "bmatrix";
            case '|' -> "vmatrix";
            default -> "matrix";
        };
        String inner = expand(tex.substring(g.start() + 1, g.end()));
        return (g.end() + 1) + ":\\begin{" + env + "}" + inner + "\\end{" + env + "}";
    }

    private static String rewriteDerivative(String tex, int i, String d) {
        int p = skipSpaces(tex, i);
        String order = null;
        if (p < tex.length() && tex.charAt(p) == '[') {
            int end = matching(tex, p, '[', ']');
            if (end < 0) return null;
            order = tex.substring(p + 1, end).strip();
            p = skipSpaces(tex, end + 1);
        }
        if (p >= tex.length() || tex.charAt(p) != '{') return null;
        int firstEnd = matching(tex, p, '{', '}');
        if (firstEnd < 0) return null;
        String first = expand(tex.substring(p + 1, firstEnd));
        int q = skipSpaces(tex, firstEnd + 1);
        String power = order == null ? "" : "^{" + order + "}";
        if (q < tex.length() && tex.charAt(q) == '{') {
            int secondEnd = matching(tex, q, '{', '}');
            if (secondEnd < 0) return null;
            String second = expand(tex.substring(q + 1, secondEnd));
            return (secondEnd + 1) + ":\\frac{" + d + power + " " + first + "}{" + d + " " + second + power + "}";
        }
        return (firstEnd + 1) + ":\\frac{" + d + power + "}{" + d + " " + first + power + "}";
    }

    private static char closing(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '|' -> '|';
            default -> 0;
        };
    }

    /** Index of the bracket that closes the one at {@code start}, skipping escaped ones; -1 if none. */
    static int matching(String tex, int start, char open, char close) {
        int depth = 0;
        for (int j = start; j < tex.length(); j++) {
            char c = tex.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (open == close) {
                if (c == close && j > start) return j;
                continue;
            }
            if (c == open) depth++;
            else if (c == close && --depth == 0) return j;
        }
        return -1;
    }
}
