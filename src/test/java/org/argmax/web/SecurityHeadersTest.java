package org.argmax.web;

import org.argmax.accounts.AccountException;
import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cache-Control: no-store on every signed-in page and export, the Content-Security-Policy on every
 * response, and display names without control or text-direction characters.
 */
class SecurityHeadersTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static AccountService accounts;
    static long learnerId;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
        var db = server.app().database().dataSource();
        accounts = TestAccounts.on(db);
        accounts.create("Professor", "hdr-prof", "prof's long password", Role.INSTRUCTOR);
        learnerId = accounts.create("Ada", "hdr-ada", "ada's long password", Role.LEARNER).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient signedIn(String user, String password) {
        WebClient web = new WebClient(server);
        assertEquals(303, web.signIn(user, password).statusCode());
        return web;
    }

    @Test
    void everySignedInPageAndExportIsNotStored() {
        WebClient learner = signedIn("hdr-ada", "ada's long password");
        for (String path : List.of("/", "/lessons/likelihood", "/glossary", "/formulas", "/progress", "/exercises/coin-mle", "/exercises/coin-mle/data.csv",
                "/signin", "/instructor", "/no-such-page")) {
            HttpResponse<String> r = learner.get(path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), "learner " + path + " (" + r.statusCode() + ")");
        }
        WebClient instructor = signedIn("hdr-prof", "prof's long password");
        for (String path : List.of("/instructor", "/instructor/gradebook", "/instructor/gradebook.csv", "/instructor/attempts.csv",
                "/instructor/learners/" + learnerId, "/instructor/exercises/coin-mle/preview", "/progress")) {
            HttpResponse<String> r = instructor.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), "instructor " + path);
        }
        // the site's own assets stay cacheable, signed in or not
        HttpResponse<String> css = learner.get("/static/css/site.css");
        assertEquals(200, css.statusCode());
        assertFalse(css.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        // a visitor's pages hold nobody's data
        assertFalse(server.get("/").headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicy() {
        for (String path : List.of("/", "/lessons/likelihood", "/signin", "/no-such-page", "/health", "/instructor")) {
            assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, server.get(path).headers().firstValue("Content-Security-Policy").orElse(null), path);
        }
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("script-src 'self';") && csp.contains("style-src 'self';") && !csp.contains("unsafe"), csp);
    }

    @Test
    void theTemplatesHaveNoInlineScriptStyleOrEventHandler() throws Exception {
        try (var files = java.nio.file.Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(f);
                assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), f + ": inline <script>");
                assertFalse(html.matches("(?s).*<style[\\s>].*"), f + ": <style>");
                assertFalse(html.matches("(?s).*\\s(th:)?style=.*"), f + ": style attribute");
                assertFalse(html.matches("(?s).*\\s(th:)?on[a-z]+=.*"), f + ": event handler attribute");
            }
        }
    }

    @Test
    void displayNamesRefuseControlAndTextDirectionCharacters() {
        Map<String, String> refused = Map.of(
                "Ada\u0000", "U+0000",
                "Ada\u202Egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE",
                "Ada\u2066x\u2069", "U+2066",
                "Ada\u200F", "U+200F",
                "Ada\nLovelace", "U+000A",
                "Ada\u001b[31m", "U+001B");
        int n = 0;
        for (var e : refused.entrySet()) {
            WebClient web = new WebClient(server);
            HttpResponse<String> r = web.signUp(e.getKey(), "bidi" + (++n), "a long enough password");
            assertEquals(400, r.statusCode(), e.getValue());
            assertTrue(r.body().contains("A display name cannot contain control characters or characters that change the direction of text; yours has "
                    + e.getValue()), r.body());
            AccountException cli = assertThrows(AccountException.class, () -> accounts.create(e.getKey(), "cli-bidi", "a long enough password", Role.LEARNER));
            assertTrue(cli.getMessage().contains(e.getValue()), cli.getMessage());
        }
        // letters of any script, accents, emoji (with their joiners) and punctuation are names
        WebClient web = new WebClient(server);
        assertEquals(303, web.signUp("Zoë O'Brien-Ünal 李 👩‍🔬", "names-ok", "a long enough password").statusCode());
    }
}
