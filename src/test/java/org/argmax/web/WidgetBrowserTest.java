package org.argmax.web;

import org.argmax.testing.Browser;
import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The six lesson widgets in headless Chromium against the real /api/estimate. */
class WidgetBrowserTest {
    static final List<String> WIDGETS = List.of("coin", "normal", "prior-posterior", "regression", "em", "kmeans-vs-em");

    @TempDir
    static Path tmp;
    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        TestCourse course = TestCourse.twoLessons(tmp.resolve("content"));
        StringBuilder lesson = new StringBuilder("""
                ---
                title: "Widgets"
                summary: "Every widget."
                objectives: ["Play."]
                ---
                ## All of them
                """);
        for (String w : WIDGETS) lesson.append("\n{{widget ").append(w).append("}}\n");
        course.write("lessons/second.md", lesson.toString());
        server = new TestServer(course.root(), tmp.resolve("db"));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static WebDriverWait waitFor() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void open() {
        browser.get(server.url("/lessons/second"));
        waitFor().until(d -> WIDGETS.stream().allMatch(w -> {
            WebElement s = d.findElement(By.id("widget-" + w));
            return "true".equals(s.getAttribute("data-ready")) || s.getAttribute("data-error") != null;
        }));
    }

    /** The values lists are rebuilt on every change, so read them afresh each time. */
    private static String text(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(By.cssSelector(css)).getText();
            } catch (StaleElementReferenceException rebuiltMeanwhile) {
                if (attempt == 5) throw rebuiltMeanwhile;
            }
        }
    }

    private static long datasetPoints(String canvasSelector) {
        Object n = js("var c = Chart.getChart(document.querySelector(arguments[0]));"
                + "return c ? c.data.datasets.reduce(function (s, d) { return s + d.data.length; }, 0) : -1;", canvasSelector);
        return ((Number) n).longValue();
    }

    @Test
    void everyWidgetDrawsAChartWithoutErrors() {
        open();
        for (String w : WIDGETS) {
            WebElement section = browser.findElement(By.id("widget-" + w));
            assertNull(section.getAttribute("data-error"), w + ": " + section.getAttribute("data-error"));
            assertEquals("true", section.getAttribute("data-ready"), w);
            assertTrue(section.findElements(By.cssSelector(".widget-canvas canvas[aria-label]")).size() >= 1, w);
            if (!w.equals("coin")) {
                assertTrue(datasetPoints("#widget-" + w + " .widget-canvas canvas") > 0, w + " chart has data");
                assertTrue(!section.findElement(By.cssSelector("dl.widget-values")).getText().isBlank(), w + " lists values");
            }
        }
        String prior = browser.findElement(By.id("widget-prior-posterior")).getText();
        assertTrue(prior.contains("MAP (posterior mode)\n0.8") && prior.contains("MLE k/n\n1"), prior);
    }

    @Test
    void coinWithTheKeyboard() {
        open();
        WebElement flips = browser.findElement(By.cssSelector("#widget-coin .flips"));
        flips.sendKeys("h");
        flips.sendKeys("h");
        flips.sendKeys("t");
        flips.sendKeys("H");
        waitFor().until(d -> text("#widget-coin dd.theta-hat").equals("3/4 = 0.75"));
        assertEquals("HHTH", flips.getText());
        assertTrue(datasetPoints("#widget-coin .widget-canvas canvas") > 100, "likelihood curve drawn");
        String live = browser.findElement(By.cssSelector("#widget-coin [aria-live]")).getAttribute("textContent");
        assertTrue(live.contains("θ̂ = 3/4"), live);

        WebElement tails = browser.findElement(By.xpath("//section[@id='widget-coin']//button[normalize-space()='Tails (T)']"));
        tails.sendKeys(Keys.ENTER);
        waitFor().until(d -> text("#widget-coin dd.theta-hat").equals("3/5 = 0.6"));
        browser.findElement(By.xpath("//section[@id='widget-coin']//button[normalize-space()='Reset']")).click();
        waitFor().until(d -> flips.getText().equals("No flips yet."));
    }

    @Test
    void emStepsThroughAtLeastTwentyIterationsWithARisingLogLikelihood() {
        open();
        WebElement section = browser.findElement(By.id("widget-em"));
        WebElement slider = section.findElement(By.cssSelector("input[type=range]"));
        int last = Integer.parseInt(slider.getAttribute("max"));
        assertTrue(last >= 20, "iterations available: " + last);
        String iteration = "#widget-em dd.iteration", ll = "#widget-em dd.log-likelihood";
        assertEquals("0", text(iteration));

        WebElement next = section.findElement(By.xpath(".//button[contains(., 'Next')]"));
        double previous = Double.parseDouble(text(ll));
        double first = previous;
        next.click();
        for (int i = 1; i <= last; i++) {
            assertEquals(String.valueOf(i), text(iteration));
            double now = Double.parseDouble(text(ll));
            assertTrue(now >= previous - 1e-3, "log-likelihood fell at iteration " + i + ": " + previous + " → " + now);
            previous = now;
            next.sendKeys(Keys.ARROW_RIGHT);   // keyboard stepping from the focused button
        }
        assertTrue(previous > first, "EM improved the fit: " + first + " → " + previous);
        assertEquals(String.valueOf(last), text(iteration));
        assertTrue(section.findElement(By.cssSelector(".em-iteration")).getText().contains("Iteration " + last));

        section.findElement(By.xpath(".//button[contains(., 'Previous')]")).click();
        assertEquals(String.valueOf(last - 1), text(iteration));
        slider.sendKeys(Keys.HOME);
        assertEquals("0", text(iteration));
        assertEquals(first, Double.parseDouble(text(ll)));
    }
}
