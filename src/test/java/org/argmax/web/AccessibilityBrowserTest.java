package org.argmax.web;

import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.ExerciseState;
import org.argmax.exercises.Grade;
import org.argmax.testing.Axe;
import org.argmax.testing.Browser;
import org.argmax.testing.ServerPerClass;
import org.argmax.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (every WCAG A/AA rule and best practice) on every page type of the real course, signed out,
 * as a learner and as an instructor: home, lessons with each widget, an exercise fresh, answered wrong,
 * solved, given up and out of attempts, sign-up/in, progress, glossary, the formula sheet, every
 * instructor page and the 404 page. Any violation fails the test; the message lists every page's violations at once.
 */
@Tag("browser")
class AccessibilityBrowserTest {
    /** A lesson per widget: likelihood (coin), gaussian-mle (normal), map (prior-posterior), linear-regression, em, kmeans. */
    static final List<String> WIDGET_LESSONS = List.of("likelihood", "gaussian-mle", "map", "linear-regression", "em", "kmeans");

    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.shippedCourse();
    static WebDriver browser;
    static long adaId;

    @BeforeAll
    static void start() {
        DataSource db = server.app().database().dataSource();
        adaId = TestAccounts.professorAndAda(db);
        AttemptRepository attempts = new AttemptRepository(db);
        // wrong once on coin-mle (a named mistake), solved coin-loglik, gave up on normal-sd, out of attempts on poisson-mle
        attempts.save(adaId, "coin-mle", 0, Map.of("theta", "0.3"),
                new Grade(List.of(new Grade.AnswerVerdict("theta", "0.3", false, "share-of-tails", "You gave the share of tails.")), false, 0));
        attempts.save(adaId, "coin-loglik", 0, Map.of("loglik", "-3"),
                new Grade(List.of(new Grade.AnswerVerdict("loglik", "-3", true, null, "Correct.")), true, 1));
        attempts.reveal(adaId, "normal-sd");
        for (int i = 0; i < 6; i++) {
            attempts.save(adaId, "poisson-mle", 0, Map.of("lambda", "1"),
                    new Grade(List.of(new Grade.AnswerVerdict("lambda", "1", false, null, "Not quite.")), false, 0));
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    static void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/signin"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.form-card button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    /** Loads the page, waits for math, widgets and charts to settle, and runs axe. */
    static void check(Map<String, List<String>> found, String who, String path) {
        browser.get(server.url(path));
        settle(browser);
        List<String> v = Axe.violations(browser);
        if (!v.isEmpty()) found.put(who + " " + path, v);
    }

    /** Waits until every formula is rendered and every widget drew its first output. */
    public static void settle(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.katex || document.querySelectorAll('.math:not([data-rendered])').length === 0)"
                        + " && Array.from(document.querySelectorAll('.widget')).every(function (w) { return w.querySelector('canvas, .widget-error'); })"
                        + " && !document.querySelector('.widget [aria-busy=true]');"));
        try {
            Thread.sleep(300); // the widgets' first /api/estimate answers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyPageTypeHasNoViolation() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        browser.manage().deleteAllCookies();
        for (String p : List.of("/", "/glossary", "/formulas", "/signin", "/signup", "/exercises/coin-mle", "/no/such/page")) check(found, "visitor", p);
        for (String l : WIDGET_LESSONS) check(found, "visitor", "/lessons/" + l);

        signIn("ada", "ada's long password");
        for (String p : List.of("/", "/progress", "/formulas", "/lessons/likelihood", "/exercises/coin-peak", "/exercises/coin-mle",
                "/exercises/coin-loglik", "/exercises/normal-sd", "/exercises/poisson-mle", "/no/such/page", "/instructor")) {
            check(found, "learner", p);
        }

        // at phone width, with the header's menu open
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String p : List.of("/", "/exercises/coin-mle", "/lessons/kmeans")) {
            browser.get(server.url(p));
            settle(browser);
            browser.findElement(By.cssSelector(".menu-toggle")).click();
            List<String> v = Axe.violations(browser);
            if (!v.isEmpty()) found.put("learner at 390 px, menu open " + p, v);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        signIn("prof", "prof's long password");
        for (String p : List.of("/instructor", "/instructor/gradebook", "/instructor/learners/" + adaId,
                "/instructor/exercises/coin-mle/preview?seed=1", "/instructor/exercises/kmeans-step/preview?seed=3", "/lessons/lab-kmeans-vs-em", "/glossary", "/no/such/page")) {
            check(found, "instructor", p);
        }

        StringBuilder report = new StringBuilder();
        found.forEach((page, v) -> report.append("\n").append(page).append(":\n  ").append(String.join("\n  ", v)));
        assertTrue(found.isEmpty(), "axe-core found violations on " + found.size() + " page(s):" + report);
    }
}
