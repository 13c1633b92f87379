package org.argmax.web;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.accounts.User;
import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.Grade;
import org.argmax.testing.Browser;
import org.argmax.testing.Registries;
import org.argmax.testing.ServerPerClass;
import org.argmax.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Content-Security-Policy in headless Chromium: every page type (home, every lesson with its math,
 * widgets and exercises, an exercise page before and after a submission made with JavaScript,
 * glossary, the formula sheet, progress, sign-in and sign-up, the instructor's overview with its chart, gradebook,
 * learner and preview, a 404 and a 403) carries the header as the browser sees it, and nothing on
 * them violates it: no {@code securitypolicyviolation} event (collected by a script injected before
 * each page's own) and no CSP message in the console. A deliberate inline script shows that both
 * detectors work.
 */
@Tag("browser")
class CspBrowserTest {
    /** Injected before every document's own scripts (CDP), so it sees violations from the very start. */
    private static final String COLLECTOR = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
            });
            """;

    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.shippedCourse();
    static WebDriver browser;
    static User learner, instructor;
    static AccountService accounts;

    @BeforeAll
    static void start() {
        DataSource db = server.app().database().dataSource();
        accounts = TestAccounts.on(db);
        instructor = accounts.create("Professor", "csp-prof", "prof's long password", Role.INSTRUCTOR);
        learner = accounts.create("Ada", "csp-ada", "ada's long password", Role.LEARNER);
        new AttemptRepository(db).save(learner.id(), "coin-mle", 0, Map.of("theta", "0.3"),
                new Grade(List.of(new Grade.AnswerVerdict("theta", "0.3", false, "share-of-tails", "m")), false, 0));
        browser = Browser.start();
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECTOR));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private static void signInAs(User user) {
        browser.get(server.url("/health"));
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie("argmax_session", accounts.openSession(user), "/"));
    }

    /** Opens {@code path}, waits until its math, widgets and charts are drawn, and returns what broke the policy there. */
    private static List<String> visit(String path, List<String> headerProblems) {
        browser.get(server.url(path));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            // every formula rendered by KaTeX, every widget ready (or saying why not), every slider's chart drawn
            wait.until(d -> (Boolean) js().executeScript("return document.readyState === 'complete'"
                    + " && document.querySelectorAll('.math:not([data-rendered]):not(.math-error)').length === 0"
                    + " && document.querySelectorAll('.widget:not([data-ready]):not([data-error])').length === 0"
                    + " && Array.from(document.querySelectorAll('.slider-chart canvas')).every(c => window.Chart && Chart.getChart(c))"));
        } catch (org.openqa.selenium.TimeoutException e) {
            List<String> found = violations(path);
            found.add(path + ": math, widgets or charts not drawn in 20 s");
            return found;
        }
        Object errors = js().executeScript("return Array.from(document.querySelectorAll('.widget[data-error]')).map(w => w.dataset.widget + ': ' + w.dataset.error)");
        assertEquals(List.of(), errors, path + ": widgets failed");
        // the header as the browser gets it for this very page
        Object header = js().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(location.href, {credentials: 'same-origin'}).then(r => done(r.headers.get('content-security-policy'))).catch(e => done('fetch failed: ' + e));");
        if (!SecurityHeaders.CONTENT_SECURITY_POLICY.equals(header)) headerProblems.add(path + ": " + header);
        return violations(path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(String path) {
        List<String> found = new ArrayList<>();
        for (Object v : (List<Object>) js().executeScript("return window.__csp || ['no collector on this page']")) found.add(path + ": " + v);
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to")) found.add(path + " (console): " + m);
        }
        return found;
    }

    @Test
    void everyPageTypeCarriesThePolicyAndNothingOnItBreaksIt() {
        List<String> violations = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<String> lessons = Registries.course(Path.of("content")).course().lessons().stream().map(l -> l.slug()).toList();

        // a visitor
        browser.get(server.url("/health"));
        browser.manage().deleteAllCookies();
        for (String path : List.of("/", "/glossary", "/formulas", "/signin", "/signup", "/lessons/likelihood", "/exercises/coin-peak", "/no-such-page")) {
            violations.addAll(visit(path, headers));
        }

        // a learner: every lesson (math, widgets, embedded exercises with sliders and charts), an exercise page, progress, a 403
        signInAs(learner);
        for (String slug : lessons) violations.addAll(visit("/lessons/" + slug, headers));
        violations.addAll(visit("/exercises/coin-peak", headers));
        violations.addAll(visit("/progress", headers));
        violations.addAll(visit("/instructor", headers));
        // a submission made by exercises.js: the re-rendered exercise is swapped in, its math and slider chart drawn again
        violations.addAll(visit("/exercises/coin-mle", headers));
        WebElement theta = browser.findElement(By.cssSelector(".exercise-form input[name=answer_theta]"));
        theta.clear(); // the page keeps the learner's last answer (0.3) in the box
        theta.sendKeys("0.123");
        browser.findElement(By.cssSelector(".exercise-form button[type=submit]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !browser.findElements(By.cssSelector(".feedback .verdict")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            StringBuilder console = new StringBuilder();
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) console.append(entry.getMessage()).append('\n');
            throw new AssertionError("no verdict after submitting in place; url " + browser.getCurrentUrl() + "; exercise: "
                    + js().executeScript("var f = document.querySelector('.exercise-form'); return f ? f.closest('section, article, main').innerText : document.body.innerText")
                    + "\nconsole:\n" + console, e);
        }
        assertTrue(browser.getCurrentUrl().endsWith("/exercises/coin-mle"), "submitted in place by exercises.js");
        violations.addAll(violations("/exercises/coin-mle after submitting"));

        // the instructor
        signInAs(instructor);
        for (String path : List.of("/instructor", "/instructor/gradebook", "/instructor/learners/" + learner.id(),
                "/instructor/exercises/coin-mle/preview?seed=3", "/instructor/exercises/nope/preview")) {
            violations.addAll(visit(path, headers));
        }
        // the overview has no chart any more (item analysis as tables); its page was visited above

        assertEquals(List.of(), headers, "pages without the policy as the browser sees it");
        assertEquals(List.of(), violations, "content-security-policy violations");
    }

    @Test
    void theDetectorsSeeAViolation() {
        browser.get(server.url("/health"));
        browser.manage().deleteAllCookies();
        browser.get(server.url("/glossary"));
        browser.manage().logs().get(LogType.BROWSER); // start from an empty console
        js().executeScript("var s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s);"
                + "var d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.appendChild(d);");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !violations("/glossary").isEmpty());
        List<String> seen = violations("/glossary");
        assertEquals(null, js().executeScript("return window.__inline === undefined ? null : window.__inline"), "the inline script did not run");
        assertTrue(seen.stream().anyMatch(v -> v.contains("script-src")), seen.toString());
    }
}
