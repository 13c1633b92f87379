package org.argmax.web;

import org.argmax.testing.Browser;
import org.argmax.testing.TestCourse;
import org.argmax.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eight lesson widgets in headless Chromium against the real /api/estimate. */
@Tag("browser")
class WidgetBrowserTest {
    static final List<String> WIDGETS = List.of("coin", "normal", "prior-posterior", "regression", "em", "kmeans-vs-em", "sampling", "choose-lambda");

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

    @Test
    void emOnAMixtureTheLearnerChoseAndOnTheirOwnNumbers() {
        open();
        WebElement section = browser.findElement(By.id("widget-em"));
        assertTrue(text("#widget-em dd.data").contains("200 points drawn by the core, seed 1"), text("#widget-em dd.data"));
        section.findElement(By.cssSelector("details.widget-settings summary")).click();
        WebElement mean2 = section.findElement(By.xpath(".//label[normalize-space()='μ₂']/following-sibling::input"));
        mean2.sendKeys(Keys.chord(Keys.CONTROL, "a"), "8");
        waitFor().until(d -> text("#widget-em dd.data").contains("μ -2, 8"));
        section.findElement(By.cssSelector("input[type=range]")).sendKeys(Keys.END);
        String[] means = text("#widget-em dd.means").split(", ");
        assertEquals(-2, Double.parseDouble(means[0]), 0.5, "component 1 found the cluster at −2");
        assertEquals(8, Double.parseDouble(means[1]), 0.5, "component 2 found the cluster at 8");

        WebElement mine = section.findElement(By.cssSelector("textarea"));
        mine.sendKeys("1 1.2 1.1 0.7\n5 5.3 5.1 4.8");
        section.findElement(By.xpath(".//button[normalize-space()='Fit my numbers']")).click();
        waitFor().until(d -> text("#widget-em dd.data").equals("your 8 numbers"));
        section.findElement(By.cssSelector("input[type=range]")).sendKeys(Keys.END);
        String[] own = text("#widget-em dd.means").split(", ");
        assertEquals(1.0, Double.parseDouble(own[0]), 0.01, text("#widget-em dd.means"));
        assertEquals(5.05, Double.parseDouble(own[1]), 0.01, text("#widget-em dd.means"));

        mine.sendKeys(" x");
        section.findElement(By.xpath(".//button[normalize-space()='Fit my numbers']")).click();
        waitFor().until(d -> section.getAttribute("data-error") != null);
        assertTrue(section.getAttribute("data-error").contains("\"x\" (value 9) is not a number"), section.getAttribute("data-error"));
    }

    @Test
    void kmeansVersusEmOnPointsTheLearnerClicks() {
        open();
        WebElement section = browser.findElement(By.id("widget-kmeans-vs-em"));
        assertEquals("150", text("#widget-kmeans-vs-em dd.points"));
        section.findElement(By.xpath(".//button[normalize-space()='Clear all points']")).click();
        waitFor().until(d -> section.getAttribute("data-error") != null);
        assertTrue(section.getAttribute("data-error").contains("There are 0 points"), section.getAttribute("data-error"));

        WebElement canvas = section.findElement(By.cssSelector("canvas.clickable"));
        js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        int w = canvas.getSize().getWidth(), h = canvas.getSize().getHeight();
        int[][] clicks = {{-w / 3, -h / 4}, {-w / 3 + 8, -h / 4 + 6}, {-w / 3 - 6, -h / 4 + 4}, {w / 3, h / 4}, {w / 3 - 7, h / 4 - 5}, {w / 3 + 5, h / 4 + 3}};
        k("2");
        for (int i = 0; i < clicks.length; i++) {
            new Actions(browser).moveToElement(canvas, clicks[i][0], clicks[i][1]).click().perform();
            int expected = i + 1;
            waitFor().withMessage(() -> "click " + expected + ": " + section.getAttribute("data-error") + " / " + js("var c = Chart.getChart(arguments[0]);"
                    + " return JSON.stringify({area: c.chartArea, x: [c.scales.x.min, c.scales.x.max], w: c.width, h: c.height, legend: c.legend.legendItems.length});", canvas))
                    .until(d -> pointLines(section) == expected);
        }
        waitFor().withMessage(() -> "after the clicks: " + section.getAttribute("data-error") + " / " + section.findElement(By.cssSelector("textarea.points")).getAttribute("value"))
                .until(d -> "6".equals(text("#widget-kmeans-vs-em dd.points")) && section.getAttribute("data-error") == null);
        // Two tight groups far apart: both methods split them 3 + 3, and EM is sure about every point.
        assertEquals("0", text("#widget-kmeans-vs-em dd.unsure"));

        WebElement list = section.findElement(By.cssSelector("textarea.points"));
        section.findElement(By.cssSelector("details.widget-settings summary")).click();
        list.clear();
        list.sendKeys("0 0\n0 1\n1 0\n10 10\n10 11\n11");
        section.findElement(By.xpath(".//button[normalize-space()='Fit these points']")).click();
        waitFor().until(d -> section.getAttribute("data-error") != null);
        assertTrue(section.getAttribute("data-error").contains("odd count"), section.getAttribute("data-error"));
        list.sendKeys(" 10");
        section.findElement(By.xpath(".//button[normalize-space()='Fit these points']")).click();
        waitFor().until(d -> "6".equals(text("#widget-kmeans-vs-em dd.points")) && section.getAttribute("data-error") == null);
        assertEquals(8 / 3.0, Double.parseDouble(text("#widget-kmeans-vs-em dd.inertia")), 1e-3, "each group of three has Σ‖x − c‖² = 4/3");
    }

    private static int pointLines(WebElement section) {
        String list = section.findElement(By.cssSelector("textarea.points")).getAttribute("value");
        return list.isBlank() ? 0 : list.split("\n").length;
    }

    private static void k(String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#widget-kmeans-vs-em select"))).selectByValue(value);
    }

    @Test
    void normalSampleComesFromTheCore() {
        open();
        WebElement section = browser.findElement(By.id("widget-normal"));
        String before = section.findElement(By.cssSelector("textarea")).getAttribute("value");
        section.findElement(By.xpath(".//button[normalize-space()='Sample 20 random points']")).click();
        waitFor().until(d -> !before.equals(d.findElement(By.cssSelector("#widget-normal textarea")).getAttribute("value")));
        String[] values = section.findElement(By.cssSelector("textarea")).getAttribute("value").split(" ");
        assertEquals(20, values.length);
        for (String v : values) assertTrue(v.matches("-?\\d+(\\.\\d{1,2})?"), "two decimals at most: " + v);
    }

    @Test
    void regressionLinesShrinkWithTheSliderAndLassoDropsTheSlope() {
        open();
        WebElement section = browser.findElement(By.id("widget-regression"));
        WebElement points = section.findElement(By.cssSelector("textarea"));
        points.clear();
        points.sendKeys("0, 1\n1, 3\n2, 2\n3, 5\n4, 6"); // Sxx = 10, Sxy = 12: least squares slope 1.2, ȳ = 3.4
        WebElement slider = section.findElement(By.cssSelector("input[type=range]"));
        slider.sendKeys(Keys.HOME); // λ = 0: all three lines coincide
        waitFor().until(d -> text("#widget-regression dd.lasso").equals("intercept 1, slope 1.2"));
        assertEquals("intercept 1, slope 1.2", text("#widget-regression dd.ols"));
        assertEquals("intercept 1, slope 1.2", text("#widget-regression dd.ridge"));

        js("arguments[0].value = '50'; arguments[0].dispatchEvent(new Event('input'));", slider);
        double lambda = Math.pow(10, -2 + 5 * 49 / 99.0);
        String ridgeSlope = "slope " + new java.math.BigDecimal(12 / (10 + lambda)).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        String lassoSlope = "slope " + new java.math.BigDecimal((12 - lambda) / 10).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        waitFor().until(d -> text("#widget-regression dd.ridge").endsWith(ridgeSlope));
        assertTrue(text("#widget-regression dd.lasso").endsWith(lassoSlope), text("#widget-regression dd.lasso") + " vs " + lassoSlope);

        slider.sendKeys(Keys.END); // λ = 1000 > |Sxy|: the lasso slope is exactly zero, the line flat at ȳ
        waitFor().until(d -> text("#widget-regression dd.lasso").equals("intercept 3.4, slope 0 (dropped)"));
        assertEquals(3, ((Number) js("return Chart.getChart(arguments[0]).data.datasets.filter(function (d) { return d.type === 'line'; }).length;",
                section.findElement(By.cssSelector(".widget-canvas canvas")))).intValue(), "least squares, ridge and lasso lines");
    }

    /** Presses Tab until the focus is on an element matching {@code css}. */
    private static WebElement tabTo(String css) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(js("return document.activeElement.matches(arguments[0]);", css))) return browser.switchTo().activeElement();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void kmeansVersusEmByKeyboardAloneWithLegendsAndRoundTicks() {
        open();
        WebElement section = browser.findElement(By.id("widget-kmeans-vs-em"));
        js("arguments[0].scrollIntoView(); arguments[0].querySelector('select').focus();", section);
        tabTo("#widget-kmeans-vs-em button"); // Re-run
        tabTo("#widget-kmeans-vs-em button:nth-of-type(3)").sendKeys(Keys.ENTER); // Clear all points
        waitFor().until(d -> section.getAttribute("data-error") != null && section.getAttribute("data-error").contains("There are 0 points"));
        double[][] typed = {{0, 0}, {0.2, 0.1}, {0.1, 0.3}, {5, 5}, {5.2, 4.9}, {4.8, 5.1}};
        tabTo("#widget-kmeans-vs-em input[name=x1]");
        for (double[] p : typed) {
            WebElement x = browser.switchTo().activeElement();
            assertEquals("x1", x.getAttribute("name"));
            x.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(p[0]), Keys.TAB);
            WebElement y = browser.switchTo().activeElement();
            assertEquals("x2", y.getAttribute("name"));
            y.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(p[1]), Keys.ENTER);
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform(); // back to x₁
        }
        // with 3 clusters asked for, 6 points fit; the hard chart's legend names each cluster's colour
        waitFor().until(d -> "6".equals(text("#widget-kmeans-vs-em dd.points")) && section.getAttribute("data-error") == null);
        @SuppressWarnings("unchecked")
        java.util.List<String> legend = (java.util.List<String>) js("var c = Chart.getChart(arguments[0]); return c.legend.legendItems.map(function (i) { return i.text; });",
                section.findElement(By.cssSelector("canvas.clickable")));
        assertTrue(legend.containsAll(List.of("cluster 1", "cluster 2", "cluster 3", "centres")), legend.toString());
        // the charts are reached by Tab and described by the values, as text
        WebElement canvas = tabTo("#widget-kmeans-vs-em canvas");
        String described = (String) js("return document.getElementById(arguments[0].getAttribute('aria-describedby')).textContent;", canvas);
        assertTrue(described.contains("k-means inertia"), described);
        // round axis ends, multiples of the tick step
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> x = (java.util.Map<String, Object>) js("var s = Chart.getChart(arguments[0]).options.scales.x;"
                + "return {min: s.min, max: s.max, step: s.ticks.stepSize};", canvas);
        double step = ((Number) x.get("step")).doubleValue();
        assertEquals(0, Math.abs(Math.IEEEremainder(((Number) x.get("min")).doubleValue(), step)), 1e-9, x.toString());
        assertEquals(0, Math.abs(Math.IEEEremainder(((Number) x.get("max")).doubleValue(), step)), 1e-9, x.toString());
    }

    @Test
    void emTicksAreRoundAndANormalErrorClearsTheOldChart() {
        open();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> x = (java.util.Map<String, Object>) js("var s = Chart.getChart(document.querySelector('#widget-em canvas')).scales.x;"
                + "return {min: s.min, max: s.max, ticks: s.ticks.map(function (t) { return t.value; })};");
        for (Object t : (List<?>) x.get("ticks")) {
            double v = ((Number) t).doubleValue();
            assertEquals(v, Math.round(v * 10) / 10.0, 1e-9, "round ticks: " + x);
        }
        WebElement normal = browser.findElement(By.id("widget-normal"));
        WebElement text = normal.findElement(By.cssSelector("textarea"));
        text.sendKeys(" oops");
        waitFor().until(d -> normal.getAttribute("data-error") != null);
        assertEquals(0L, datasetPoints("#widget-normal canvas"), "no stale chart beside the error");
        assertEquals("", text("#widget-normal dl.widget-values"), "no stale values beside the error");
    }
}
