package org.argmax.markdown;

/** HTML text escaping for the few places that build HTML outside Thymeleaf. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeTo(out, s);
        return out.toString();
    }

    /** Appends {@code s} escaped to {@code out} (nothing for null), without a string of its own. */
    public static void escapeTo(StringBuilder out, String s) {
        write(out, s, true, false);
    }

    /**
     * Appends {@code s}, HTML already (or plain text that needs no escaping), with every character
     * beyond Latin-1 written as a numeric character reference ({@code λ} as {@code &#955;}). A builder
     * that only ever gets Latin-1 keeps one byte per character: one character beyond it turns the whole
     * builder, and the string made from it, into two bytes per character (JDK compact strings), which
     * is most of what an HTML fragment built per request allocates. Browsers read the reference as
     * the character everywhere but in script and style elements, which our pages do not have inline
     * (the Content-Security-Policy would block them).
     */
    public static void latin1To(StringBuilder out, String s) {
        write(out, s, false, true);
    }

    /** {@link #escapeTo} and {@link #latin1To} at once. */
    public static void escapeLatin1To(StringBuilder out, String s) {
        write(out, s, true, true);
    }

    private static void write(StringBuilder out, String s, boolean escape, boolean latin1) {
        if (s == null) return;
        int n = s.length();
        if (!escape && !needsReference(s)) {
            out.append(s);
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (latin1 && c > 0xFF) {
                int codePoint = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        ? Character.toCodePoint(c, s.charAt(++i)) : c;
                out.append("&#").append(codePoint).append(';');
                continue;
            }
            if (!escape) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsReference(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return true;
        }
        return false;
    }
}
