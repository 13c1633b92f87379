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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An implementation lab in headless Chromium: the learner picks their output file, which the page
 * reads into the answer box (static/js/labs.js, no inline script), submits in place, and sees their
 * trace drawn over the core's.
 */
@Tag("browser")
class LabBrowserTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp.resolve("db"));
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Browser.signUp(browser, wait, server.url("/signup"), "Grace", "grace-lab", "grace's long password");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void aRunFileIsReadIntoTheBoxAndDrawnOverTheCoresAfterSubmitting() throws Exception {
        StringBuilder run = new StringBuilder("iteration,loglik\n");
        for (int t = 1; t <= 20; t++) run.append(t).append(',').append(-340 + 0.5 * Math.log(t)).append('\n');
        run.append("weights,0.4,0.6\nmeans,300,600\nvariances,700,2500\n");
        Path file = tmp.resolve("my-run.csv");
        Files.writeString(file, run.toString());

        browser.get(server.url("/exercises/lab-em-run"));
        var box = browser.findElement(By.id("lab-em-run-em"));
        assertTrue(box.getAttribute("value").isEmpty());
        browser.findElement(By.cssSelector("#exercise-lab-em-run input.trace-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(d -> d.findElement(By.id("lab-em-run-em")).getAttribute("value").startsWith("iteration,loglik"));
        assertTrue(browser.findElements(By.cssSelector("#exercise-lab-em-run .trace-chart")).isEmpty(), "no chart before a submission");

        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.cssSelector("#exercise-lab-em-run button[type=submit]")));
        browser.findElement(By.cssSelector("#exercise-lab-em-run button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#exercise-lab-em-run .feedback .verdict")).isEmpty());
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var c = document.querySelector('#exercise-lab-em-run .trace-chart canvas'); return !!(c && window.Chart && Chart.getChart(c));")));
        Object datasets = ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(document.querySelector('#exercise-lab-em-run .trace-chart canvas')).data.datasets.map(d => d.label + ':' + d.data.length).join(';');");
        assertEquals("the core's run:20;your run:20", datasets);
        assertTrue(browser.findElement(By.cssSelector("#exercise-lab-em-run .feedback")).getText().contains("Not yet"));
    }
}
