package org.argmax.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV (RFC 4180) that spreadsheets cannot be tricked into running: text cells that start with
 * = + - @ (or a tab or carriage return) are prefixed with an apostrophe, so "=HYPERLINK(…)" typed as a
 * display name or an answer stays text. Numbers are written as numbers.
 */
public final class Csv {
    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public void row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) out.write(',');
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number n) return number(n);
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String number(Number n) {
        if (n instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
            return String.valueOf(d);
        }
        return n.toString();
    }
}
