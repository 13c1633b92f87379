package org.argmax.lessons;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A signed-in viewer's lesson page in two parts: the shell, rendered once per course snapshot and
 * the same for everyone (the lesson's text, formulas, widgets, navigation), with a marker where a
 * personal part goes (the account links, the instructor's content banner, each exercise with the
 * viewer's data, the lesson's status), and those parts, rendered for the viewer and kept by what they
 * show ({@link org.argmax.http.FragmentCache}), in the same order. The marker holds a random token made at start, so no text of a
 * lesson or of a learner's answer can pose as one. Pieces and parts are UTF-8 bytes: a page is one copy of each.
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

    /** The text between markers, as UTF-8. */
    static byte[][] split(String html) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(INSTANCE.marker); at >= 0; at = html.indexOf(INSTANCE.marker, from)) {
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + INSTANCE.marker.length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return parts.toArray(byte[][]::new);
    }

    /** The shell's pieces with the personal parts between them (one part fewer than pieces). */
    static byte[] fill(byte[][] shell, byte[][] personal) {
        if (personal.length != shell.length - 1) {
            throw new IllegalStateException("the lesson shell has " + (shell.length - 1) + " slots but " + personal.length + " personal parts were rendered");
        }
        int size = 0;
        for (byte[] s : shell) size += s.length;
        for (byte[] p : personal) size += p.length;
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < personal.length; i++) {
            System.arraycopy(shell[i], 0, out, at, shell[i].length);
            at += shell[i].length;
            System.arraycopy(personal[i], 0, out, at, personal[i].length);
            at += personal[i].length;
        }
        System.arraycopy(shell[shell.length - 1], 0, out, at, shell[shell.length - 1].length);
        return out;
    }

    /** A lesson's shell: its pieces, and the exercises of its slots in page order. */
    record Shell(byte[][] pieces, List<String> exerciseSlots) {
    }

    /** Shells kept for one version (the course snapshot) at a time. */
    static final class Shells<V> {
        private record Generation<V>(V version, ConcurrentHashMap<String, Shell> shells) {
        }

        private volatile Generation<V> generation = new Generation<>(null, new ConcurrentHashMap<>());

        Shell get(V version, String key, Supplier<Shell> render) {
            Generation<V> g = generation;
            if (g.version() != version) {
                g = new Generation<>(version, new ConcurrentHashMap<>());
                generation = g;
            }
            Shell shell = g.shells().get(key);
            if (shell == null) {
                shell = render.get();
                g.shells().putIfAbsent(key, shell);
            }
            return shell;
        }
    }
}
