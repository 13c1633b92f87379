package org.argmax.exercises;

import org.argmax.testing.Browser;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner in headless Chromium works on their own data: reads it from the page, computes the
 * answer, submits in place (JavaScript), gets named-mistake feedback, keeps what they typed after an
 * invalid answer (which costs no attempt), uses the slider exercise with the keyboard, and solves
 * lesson 2's exercise.
 */
@Tag("browser")
class ExerciseBrowserTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the exercise is swapped in place
        Browser.signUp(browser, wait, server.url("/signup"), "Linus", "linus", "linus's long password");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static WebElement exercise(String id) {
        return browser.findElement(By.id("exercise-" + id));
    }

    private static void scrollTo(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    }

    /** Submits in place and waits for the re-rendered exercise's feedback. */
    private static String submit(String id, String field, String value) {
        WebElement input = exercise(id).findElement(By.name("answer_" + field));
        scrollTo(input);
        input.clear();
        input.sendKeys(value);
        String url = browser.getCurrentUrl();
        ((JavascriptExecutor) browser).executeScript("arguments[0].dataset.old = 'yes'", exercise(id));
        exercise(id).findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> exercise(id).getAttribute("data-old") == null
                && !exercise(id).findElements(By.cssSelector(".feedback .verdict")).isEmpty());
        assertEquals(url, browser.getCurrentUrl(), "submitted in place, no page load");
        return exercise(id).findElement(By.cssSelector(".feedback")).getText();
    }

    @Test
    void coinExerciseOnMyOwnDataWithFeedbackInPlace() {
        browser.get(server.url("/lessons/likelihood"));
        double[] flips = Arrays.stream(exercise("coin-mle").findElement(By.cssSelector("pre.data")).getText().trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
        double heads = Arrays.stream(flips).sum();
        String tails = String.format(Locale.ROOT, "%.4f", 1 - heads / flips.length);
        String wrong = submit("coin-mle", "theta", tails);
        assertTrue(wrong.contains("That is the share of tails."), wrong);
        wait.until(d -> exercise("coin-mle").findElement(By.name("answer_theta")).isEnabled());
        String right = submit("coin-mle", "theta", String.format(Locale.ROOT, "%.4f", heads / flips.length));
        assertTrue(right.contains("Right"), right);
        assertTrue(right.contains("Solved."), right);
    }

    @Test
    void anInvalidAnswerKeepsEveryTypedValueNamesItsProblemAndCostsNoAttempt() {
        browser.get(server.url("/exercises/poisson-mle"));
        String attemptsBefore = exercise("poisson-mle").findElement(By.cssSelector(".exercise-actions .meta")).getText();
        assertEquals("6 attempt(s) left", attemptsBefore);
        WebElement formula = exercise("poisson-mle").findElement(By.name("answer_formula"));
        WebElement value = exercise("poisson-mle").findElement(By.name("answer_value"));
        scrollTo(formula);
        formula.sendKeys("sum_x / n");
        value.sendKeys("-2");
        String url = browser.getCurrentUrl();
        ((JavascriptExecutor) browser).executeScript("arguments[0].dataset.old = 'yes'", exercise("poisson-mle"));
        exercise("poisson-mle").findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> exercise("poisson-mle").getAttribute("data-old") == null
                && !exercise("poisson-mle").findElements(By.cssSelector(".invalid-summary")).isEmpty());
        assertEquals(url, browser.getCurrentUrl(), "submitted in place, no page load");

        WebElement box = exercise("poisson-mle");
        assertEquals("sum_x / n", box.findElement(By.name("answer_formula")).getAttribute("value"), "the valid field keeps its value");
        assertEquals("-2", box.findElement(By.name("answer_value")).getAttribute("value"), "the invalid field keeps its value");
        WebElement message = box.findElement(By.id("poisson-mle-value-error"));
        assertEquals("A Poisson mean λ cannot be negative; you gave -2.", message.getText());
        assertTrue(message.isDisplayed());
        WebElement invalidInput = box.findElement(By.name("answer_value"));
        assertEquals("true", invalidInput.getAttribute("aria-invalid"));
        assertTrue(invalidInput.getAttribute("aria-describedby").contains("poisson-mle-value-error"), invalidInput.getAttribute("aria-describedby"));
        assertTrue(box.findElements(By.id("poisson-mle-formula-error")).isEmpty(), "no message beside the valid field");
        WebElement summary = box.findElement(By.cssSelector(".invalid-summary"));
        assertEquals("alert", summary.getAttribute("role"));
        assertTrue(summary.getText().contains("no attempt used"), summary.getText());
        assertEquals(summary, browser.switchTo().activeElement(), "the summary takes the focus");
        assertEquals(attemptsBefore, box.findElement(By.cssSelector(".exercise-actions .meta")).getText(), "no attempt used");
        assertTrue(box.findElements(By.cssSelector(".feedback .verdict")).isEmpty(), "nothing was graded");

        // corrected to a real (wrong) value, the same form is graded and counted
        String feedback = submit("poisson-mle", "value", "0.25");
        assertTrue(feedback.contains("Not yet"), feedback);
        assertEquals("sum_x / n", exercise("poisson-mle").findElement(By.name("answer_formula")).getAttribute("value"));
        assertEquals("5 attempt(s) left", exercise("poisson-mle").findElement(By.cssSelector(".exercise-actions .meta")).getText());
    }

    @Test
    void sliderExerciseDrawsMyLikelihoodAndWorksWithTheKeyboard() {
        browser.get(server.url("/lessons/likelihood"));
        WebElement box = exercise("coin-peak");
        WebElement canvas = box.findElement(By.cssSelector(".slider-chart canvas"));
        scrollTo(canvas);
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return !!(window.Chart && Chart.getChart(arguments[0]))", canvas));
        WebElement range = box.findElement(By.cssSelector("input[type=range]"));
        String before = box.findElement(By.cssSelector("output")).getText();
        range.sendKeys(Keys.ARROW_RIGHT);
        range.sendKeys(Keys.ARROW_RIGHT);
        String after = box.findElement(By.cssSelector("output")).getText();
        assertTrue(before.startsWith("θ = 0.500") && after.startsWith("θ = 0.502"), before + " → " + after);
        assertTrue(after.contains("log-likelihood"), after);
        double[] flips = Arrays.stream(box.findElement(By.cssSelector("pre.data")).getText().trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
        double peak = Arrays.stream(flips).sum() / flips.length;
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", range, String.format(Locale.ROOT, "%.3f", peak));
        box.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !exercise("coin-peak").findElements(By.cssSelector(".feedback .verdict")).isEmpty());
        String feedback = exercise("coin-peak").findElement(By.cssSelector(".feedback")).getText();
        assertTrue(feedback.contains("within 0.01 of its maximum"), feedback);
    }

    @Test
    void lessonTwoWalkthroughSolvingTheCategoryExerciseFromThePage() {
        browser.get(server.url("/"));
        browser.findElement(By.linkText("The MLE recipe: coins, categories and counts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-category-mle")));
        String[] lines = exercise("category-mle").findElement(By.cssSelector("pre.data")).getText().trim().split("\n");
        double[] counts = Arrays.stream(lines).mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim())).toArray();
        double total = Arrays.stream(counts).sum();
        // first the classic slip of smoothing the counts: the named misconception answers it
        StringBuilder smoothed = new StringBuilder();
        for (double c : counts) {
            smoothed.append(smoothed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", (c + 1) / (total + counts.length)));
        }
        String slip = submit("category-mle", "probabilities", smoothed.toString());
        assertTrue(slip.contains("Laplace smoothing") && !slip.contains("Right"), slip);
        StringBuilder answer = new StringBuilder();
        for (double c : counts) answer.append(answer.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", c / total));
        String feedback = submit("category-mle", "probabilities", answer.toString());
        assertTrue(feedback.contains("Right"), feedback);
        assertTrue(browser.findElements(By.cssSelector("#exercise-category-mle .katex")).size() > 0, "math in the re-rendered exercise");
    }
}
