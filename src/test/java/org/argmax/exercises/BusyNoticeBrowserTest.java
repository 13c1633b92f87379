package org.argmax.exercises;

import org.argmax.http.HttpErrors;
import org.argmax.testing.Browser;
import org.argmax.testing.FileSizeLimit;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner in headless Chromium submits in place while the server cannot store answers (its H2
 * file may not grow: {@link FileSizeLimit}, so the write fails and the answer gets a 503 with a
 * message). The page's script says so beside the form (one notice, role=alert, however often they
 * try), keeps what they typed and the form usable, uses no attempt and loads no page; once the
 * database works again, the same form is graded and the notice goes with the re-rendered exercise.
 */
// a server whose attempt writer hangs on the database H2 closed (as it did, spinning in MVStore, before Database
// cut such connections off) fails the test instead of stopping the build
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Tag("browser")
class BusyNoticeBrowserTest {
    private static final String EXERCISE = "coin-mle";

    @TempDir
    Path tmp;

    @Test
    void aSubmissionTheServerCannotStoreShowsANoticeAndKeepsTheForm() throws Exception {
        StringBuilder whyNot = new StringBuilder();
        Optional<FileSizeLimit> available = FileSizeLimit.ofThisJvm(whyNot);
        Assumptions.assumeTrue(available.isPresent(), "Skipped: " + whyNot);
        WebDriver browser = Browser.start();
        try (TestServer server = new TestServer(Path.of("content"), tmp); FileSizeLimit limit = available.get()) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the exercise is swapped in place
            Browser.signUp(browser, wait, server.url("/signup"), "Grace", "grace", "grace's long password");
            browser.get(server.url("/exercises/" + EXERCISE));
            String url = browser.getCurrentUrl();
            String before = attemptsLeft(browser);
            assertTrue(before.endsWith("attempt(s) left"), before);
            int attempts = Integer.parseInt(before.split(" ")[0]);

            // the answer cannot be stored: a notice beside the form, the typed value and the form kept
            limit.limitTo(Files.size(tmp.resolve("argmax.mv.db")));
            for (int i = 0; i < 2; i++) {
                type(browser, "0.25");
                // a notice from the try before is emptied, so that the wait sees this try's answer
                ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('.busy-notice').forEach(n => n.textContent = '')");
                click(browser);
                wait.until(d -> busyNotices(d).stream().anyMatch(n -> !n.getText().isEmpty()) && submitButton(d).isEnabled());
                assertEquals("yes", section(browser).getAttribute("data-old"), "the exercise was not replaced");
                assertEquals(1, busyNotices(browser).size(), "one notice, however often the learner tries");
                WebElement notice = busyNotices(browser).get(0);
                assertTrue(notice.getText().startsWith(HttpErrors.DATABASE_UNAVAILABLE.substring(0, 40)), notice.getText());
                assertEquals("alert", notice.getAttribute("role"));
                assertTrue(notice.isDisplayed());
                assertEquals("0.25", answerField(browser).getAttribute("value"), "what the learner typed is kept");
                assertEquals(url, browser.getCurrentUrl(), "no page load");
                assertEquals(before, attemptsLeft(browser), "no attempt used");
                assertTrue(browser.findElements(By.cssSelector("#exercise-" + EXERCISE + " .feedback .verdict")).isEmpty(), "nothing was graded");
            }

            // the database works again: the same form is graded, and the notice goes with the old exercise
            limit.restore();
            wait.until(d -> server.get("/health").statusCode() == 200);
            click(browser);
            wait.until(d -> d.findElement(By.id("exercise-" + EXERCISE)).getAttribute("data-old") == null
                    && !d.findElements(By.cssSelector("#exercise-" + EXERCISE + " .feedback .verdict")).isEmpty());
            assertTrue(busyNotices(browser).isEmpty(), "the notice is gone");
            assertEquals((attempts - 1) + " attempt(s) left", attemptsLeft(browser), "the graded answer used one attempt");
            assertEquals(url, browser.getCurrentUrl(), "still no page load");
        } finally {
            browser.quit();
        }
    }

    private static WebElement section(WebDriver browser) {
        return browser.findElement(By.id("exercise-" + EXERCISE));
    }

    private static WebElement answerField(WebDriver browser) {
        return section(browser).findElement(By.name("answer_theta"));
    }

    private static WebElement submitButton(WebDriver browser) {
        return section(browser).findElement(By.cssSelector("form.exercise-form button[type=submit]"));
    }

    private static List<WebElement> busyNotices(WebDriver browser) {
        return section(browser).findElements(By.cssSelector(".busy-notice"));
    }

    private static String attemptsLeft(WebDriver browser) {
        return section(browser).findElement(By.cssSelector(".exercise-actions .meta")).getText();
    }

    private static void type(WebDriver browser, String value) {
        WebElement input = answerField(browser);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        input.sendKeys(value);
    }

    /** Marks the exercise as the old one (a re-render replaces it) and submits it with its button. */
    private static void click(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].dataset.old = 'yes'", section(browser));
        submitButton(browser).click();
    }
}
