package org.argmax.testing;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core in the page: the script is the one bundled in Deque's axe-core Selenium jar (a test
 * dependency, from Maven Central), injected by the test, never loaded from a CDN. Every WCAG 2.x A/AA
 * rule and axe's best practices are on.
 */
public final class Axe {
    private static String script;

    private Axe() {
    }

    private static synchronized String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    /** The violations on the page as it is now, one line each ("rule (impact): target — summary"); empty when none. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("if (!window.axe) { " + script() + " }");
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) }; }));"
                + "}).catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            List<String> nodes = (List<String>) v.get("nodes");
            StringBuilder line = new StringBuilder(v.get("id") + " (" + v.get("impact") + "): " + v.get("help"));
            for (int i = 0; i < Math.min(nodes.size(), 4); i++) line.append("\n      ").append(nodes.get(i));
            if (nodes.size() > 4) line.append("\n      … ").append(nodes.size() - 4).append(" more");
            out.add(line.toString());
        }
        return out;
    }
}
