package org.argmax.web;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped course in a real headless Chromium: home → lesson → KaTeX rendered → next. */
@Tag("browser")
class LessonBrowserTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        server = new TestServer(Path.of("content"), tmp);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void followALessonLinkSeeRenderedMathAndGoNext() {
        browser.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.findElement(By.cssSelector(".lesson-list a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".katex-display")));
        String title = browser.findElement(By.tagName("h1")).getText();
        assertFalse(title.isBlank());

        int formulas = browser.findElements(By.cssSelector(".math")).size();
        int rendered = browser.findElements(By.cssSelector(".math .katex")).size();
        assertTrue(formulas > 3, "the lesson has formulas");
        assertEquals(formulas, rendered, "every formula rendered by KaTeX");
        assertTrue(browser.findElements(By.cssSelector(".katex-error")).isEmpty(), "no KaTeX parse errors");
        String text = browser.findElement(By.cssSelector(".lesson-body")).getText();
        assertFalse(text.contains("$$"), "no raw $$ left");
        Object fontsLoaded = ((JavascriptExecutor) browser).executeScript(
                "return document.fonts.check('16px KaTeX_Main')");
        assertEquals(Boolean.TRUE, fontsLoaded, "KaTeX fonts served locally");

        String firstUrl = browser.getCurrentUrl();
        var next = browser.findElement(By.cssSelector("a[rel=next]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", next);
        next.click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(firstUrl)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
        assertFalse(browser.getTitle().isBlank());
        assertTrue(browser.getCurrentUrl().contains("/lessons/"));
    }

    /** Every lesson of the shipped course, reached by its "next" link: all math rendered, no raw markup left. */
    @Test
    void everyShippedLessonRendersAllItsMathAndEmbeds() {
        browser.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String href = browser.findElement(By.cssSelector(".lesson-list a")).getAttribute("href");
        java.util.List<String> visited = new java.util.ArrayList<>();
        while (href != null && href.contains("/lessons/")) {
            browser.get(href);
            wait.until(d -> !d.findElements(By.cssSelector(".lesson-body")).isEmpty()
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            String where = browser.getCurrentUrl();
            visited.add(where);
            assertEquals(browser.findElements(By.cssSelector(".math")).size(), browser.findElements(By.cssSelector(".math .katex")).size(),
                    where + ": every formula rendered by KaTeX");
            assertTrue(browser.findElements(By.cssSelector(".math")).size() > 3, where + ": formulas");
            assertTrue(browser.findElements(By.cssSelector(".katex-error")).isEmpty(), where + ": no KaTeX parse errors");
            String text = browser.findElement(By.cssSelector(".lesson-body")).getText();
            assertFalse(text.contains("$$") || text.contains("{{") || text.contains("\\begin"), where + ": raw markup left");
            var next = browser.findElements(By.cssSelector("a[rel=next]"));
            href = next.isEmpty() ? null : next.get(0).getAttribute("href");
        }
        assertEquals(17, visited.size(), visited.toString());
    }
}
