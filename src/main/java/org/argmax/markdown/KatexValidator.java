package org.argmax.markdown;

import org.argmax.content.ContentProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Renders formulas with the browser's own KaTeX, the webjar's {@code katex.min.js} run by GraalJS,
 * with the options of {@code static/js/math.js} except that errors are thrown instead of shown in
 * red, so {@code check} reports every formula the page would show broken.
 *
 * <p>On a stock JDK GraalJS only interprets: loading KaTeX takes seconds and each formula about
 * 20 ms. So there is one instance per JVM, loaded on first use, and each distinct formula is
 * rendered once.
 */
public final class KatexValidator {
    /** A formula as KaTeX gets it ({@code tex}), as the author wrote it (delimiters included), and where it starts. */
    public record Formula(Path file, int line, String written, String tex, boolean display) {
    }

    /** What KaTeX said about a formula: its message and where in {@code tex} it points (-1: nowhere). */
    public record Verdict(String message, int position) {
    }

    /** The macros that {@code static/js/math.js} passes to KaTeX; {@code KatexValidatorTest} keeps the two the same. */
    public static final Map<String, String> MACROS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("\\argmax", "\\operatorname*{arg\\,max}");
        m.put("\\argmin", "\\operatorname*{arg\\,min}");
        m.put("\\E", "\\mathbb{E}");
        m.put("\\Var", "\\operatorname{Var}");
        m.put("\\R", "\\mathbb{R}");
        MACROS = Collections.unmodifiableMap(m);
    }

    /**
     * The page's options (math.js: displayMode from the element, strict false, a fresh copy of the
     * macros per formula, trust off) with throwOnError. Returns null, or [message, position].
     */
    private static final String GLUE = """
            (function (macros) {
              return function (tex, display) {
                var untrusted = null;
                try {
                  katex.renderToString(tex, {
                    displayMode: display,
                    throwOnError: true,
                    strict: false,
                    macros: Object.assign({}, macros),
                    trust: function (context) { untrusted = untrusted || context.command; return false; }
                  });
                } catch (e) {
                  if (e && e.rawMessage !== undefined) {
                    var p = typeof e.position === 'number' ? e.position : -1;
                    var where = p < 0 ? '' : p >= tex.length ? ' at end of input' : ' at position ' + (p + 1);
                    return [e.rawMessage + where, p];
                  }
                  return [String(e && e.message || e), -1];
                }
                return untrusted === null ? null
                    : [untrusted + ' is not allowed on the page (KaTeX trust is off), so it shows in red', -1];
              };
            })
            """;

    private static KatexValidator shared;

    /** {@link KatexScript}: null when a formula renders, else {message, position}. */
    private final BiFunction<String, Boolean, Object[]> render;
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private final long loadMillis;

    private KatexValidator(BiFunction<String, Boolean, Object[]> render, long loadMillis) {
        this.render = render;
        this.loadMillis = loadMillis;
    }

    /** The JVM's validator, loading KaTeX on first use. */
    public static synchronized KatexValidator shared() {
        if (shared == null) shared = load();
        return shared;
    }

    /** The KaTeX version on the classpath, from the webjar's Maven metadata (the pom's katex.version). */
    public static String version() {
        String path = "META-INF/maven/org.webjars.npm/katex/pom.properties";
        try (InputStream in = KatexValidator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the KaTeX webjar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static KatexValidator load() {
        long start = System.nanoTime();
        String path = "META-INF/resources/webjars/katex/" + version() + "/dist/katex.min.js";
        String script;
        try (InputStream in = KatexValidator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the classpath");
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
        BiFunction<String, Boolean, Object[]> render = GraalJs.katexScript(KatexValidator.class.getClassLoader(), script, GLUE, MACROS);
        return new KatexValidator(render, (System.nanoTime() - start) / 1_000_000);
    }

    /** How long loading KaTeX took, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }

    /** KaTeX's verdict on this formula: null when it renders. */
    public synchronized Verdict verdict(String tex, boolean display) {
        String key = (display ? "D" : "I") + tex;
        if (verdicts.containsKey(key)) return verdicts.get(key);
        Object[] v = render.apply(tex, display);
        Verdict verdict = v == null ? null : new Verdict((String) v[0], (Integer) v[1]);
        verdicts.put(key, verdict);
        return verdict;
    }

    /** One problem per formula KaTeX cannot render, on the line KaTeX points at when it can be told. */
    public List<ContentProblem> check(List<Formula> formulas) {
        List<ContentProblem> problems = new ArrayList<>();
        for (Formula f : formulas) {
            Verdict v = verdict(f.tex(), f.display());
            if (v == null) continue;
            problems.add(new ContentProblem(f.file(), f.line() + linesBefore(f, v.position()), message(f, v)));
        }
        return problems;
    }

    /**
     * Lines from the start of the formula to where KaTeX points. Its position is in {@code tex}, in
     * which the physics macros may have been expanded: text before the first and after the last
     * expansion is as written, and a position in between is taken as the first expansion.
     */
    static int linesBefore(Formula f, int position) {
        if (position < 0) return 0;
        String w = f.written();
        int open = w.startsWith("$$") ? 2 : w.startsWith("$") ? 1 : w.startsWith("\\(") || w.startsWith("\\[") ? 2 : 0;
        String raw = w.substring(open, Math.max(open, w.length() - open));
        int lead = raw.length() - raw.stripLeading().length();
        String inner = raw.strip();
        String tex = f.tex();
        int prefix = 0;
        while (prefix < inner.length() && prefix < tex.length() && inner.charAt(prefix) == tex.charAt(prefix)) prefix++;
        int suffix = 0;
        while (suffix < inner.length() - prefix && suffix < tex.length() - prefix
                && inner.charAt(inner.length() - 1 - suffix) == tex.charAt(tex.length() - 1 - suffix)) suffix++;
        int at;
        if (position <= prefix) at = position;
        else if (position >= tex.length() - suffix) at = inner.length() - (tex.length() - position);
        else at = prefix;
        at = Math.max(0, Math.min(at, inner.length()));
        if (at == inner.length() && at > 0) at--; // "at end of input": the line of the formula's last character
        int n = 0;
        for (int i = 0; i < open + lead + at; i++) if (w.charAt(i) == '\n') n++;
        return n;
    }

    /** {@code KaTeX cannot render $\frac{1}{$: Expected '}', got 'EOF' at end of input}, long formulas shortened. */
    static String message(Formula f, Verdict v) {
        String shown = shorten(f.written());
        String got = f.written().contains(f.tex()) ? "" : " (KaTeX got " + shorten(f.tex()) + ")";
        return "KaTeX cannot render " + shown + ": " + v.message() + got;
    }

    private static String shorten(String tex) {
        String s = tex.replaceAll("\\s+", " ").strip();
        return s.length() <= 90 ? s : s.substring(0, 60) + " … " + s.substring(s.length() - 25);
    }
}
