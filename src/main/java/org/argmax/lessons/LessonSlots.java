package org.argmax.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A signed-in viewer's lesson page in two parts: the shell, rendered once per course snapshot and
 * the same for everyone (the lesson's text, formulas, widgets, navigation), with a marker where a
 * personal part goes (the account links, the instructor's content banner, each exercise with the
 * viewer's data, the lesson's status), and those parts, rendered per request in the same order
 * ({@code lesson-personal.html}). The marker holds a random token made at start, so no text of a
 * lesson or of a learner's answer can pose as one.
 */
public final class LessonSlots {
    static final LessonSlots INSTANCE = new LessonSlots("<!--slot-" + org.argmax.http.Tokens.random() + "-->");

    private final String marker;

    private LessonSlots(String marker) {
        this.marker = marker;
    }

    /** For the templates: written where a slot is. */
    public String marker() {
        return marker;
    }

    /** The text between markers. */
    static String[] split(String html) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(INSTANCE.marker); at >= 0; at = html.indexOf(INSTANCE.marker, from)) {
            parts.add(html.substring(from, at));
            from = at + INSTANCE.marker.length();
        }
        parts.add(html.substring(from));
        return parts.toArray(String[]::new);
    }

    /** The shell's pieces with the personal parts between them (one part fewer than pieces of shell minus one). */
    static String fill(String[] shell, String[] personal) {
        if (personal.length != shell.length - 1) {
            throw new IllegalStateException("the lesson shell has " + (shell.length - 1) + " slots but " + personal.length + " personal parts were rendered");
        }
        int size = 0;
        for (String s : shell) size += s.length();
        for (String p : personal) size += p.length();
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < personal.length; i++) out.append(shell[i]).append(personal[i]);
        return out.append(shell[shell.length - 1]).toString();
    }

    /** Shells kept for one version (the course snapshot) at a time. */
    static final class Shells<V> {
        private record Generation<V>(V version, ConcurrentHashMap<String, String[]> shells) {
        }

        private volatile Generation<V> generation = new Generation<>(null, new ConcurrentHashMap<>());

        String[] get(V version, String key, Supplier<String[]> render) {
            Generation<V> g = generation;
            if (g.version() != version) {
                g = new Generation<>(version, new ConcurrentHashMap<>());
                generation = g;
            }
            String[] shell = g.shells().get(key);
            if (shell == null) {
                shell = render.get();
                g.shells().putIfAbsent(key, shell);
            }
            return shell;
        }
    }
}
