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
        if (s == null) return;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
}
