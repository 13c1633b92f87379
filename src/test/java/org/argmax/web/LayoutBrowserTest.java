package org.argmax.web;

import org.argmax.accounts.AccountService;
import org.argmax.accounts.Role;
import org.argmax.testing.Browser;
import org.argmax.testing.Registries;
import org.argmax.testing.TestAccounts;
import org.argmax.testing.TestServer;
import org.argmax.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site as a person sees it, on the real course: a new learner signs up and is told where to start,
 * answers an exercise with the keyboard alone (wrong, then gives up after confirming, staying on the
 * exercise's page); at 390 px no page scrolls sideways, the header is one row and every table of
 * contents jump lands below it; every instructor page is free of raw JSON, server paths and long
 * unrounded decimals; the formula sheet prints its formulas alone, black on white, each lesson's kept
 * together; and screenshots of the main pages at 1280 and 390 px go to target/screenshots/.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static TestServer server;
    static WebDriver browser;
    static WebDriverWait wait;
    static AccountService accounts;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(Path.of("content"), tmp.resolve("db"));
        var db = server.app().database().dataSource();
        accounts = TestAccounts.on(db);
        accounts.create("Professor", "prof", "prof's long password", Role.INSTRUCTOR);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    static void open(String path) {
        browser.get(server.url(path));
        AccessibilityBrowserTest.settle(browser);
    }

    static String focused() {
        return (String) js().executeScript("var e = document.activeElement; return e ? (e.id || e.name || e.tagName) + '|' + (e.textContent || '').trim().slice(0, 40) : '';");
    }

    /** Presses Tab until the focused element matches {@code css} (at most {@code max} presses). */
    static WebElement tabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Boolean match = (Boolean) js().executeScript("return document.activeElement && document.activeElement.matches(arguments[0]);", css);
            if (Boolean.TRUE.equals(match)) return browser.switchTo().activeElement();
        }
        throw new AssertionError("Tab never reached " + css + "; focus is on " + focused());
    }

    /** A screenshot of the whole page (at most 6,000 px tall) as target/screenshots/NAME-WIDTH.png. */
    static void shot(String name) throws Exception {
        long width = (Long) js().executeScript("return window.innerWidth;");
        long height = Math.min(6000, (Long) js().executeScript("return document.documentElement.scrollHeight;"));
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> r = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SHOTS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) r.get("data")));
    }

    static void viewport(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        long inner = (Long) js().executeScript("return window.innerWidth;");
        if (inner != width) browser.manage().window().setSize(new Dimension((int) (2 * width - inner), height));
    }

    @Test
    @Order(1)
    void newLearnerIsToldWhereToStartAndUsesAnExerciseWithTheKeyboardOnly() {
        viewport(1280, 900);
        browser.manage().deleteAllCookies();
        open("/signup");
        browser.findElement(By.id("displayName")).sendKeys("Grace");
        browser.findElement(By.id("username")).sendKeys("grace");
        browser.findElement(By.id("password")).sendKeys("grace's long password" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".site-header"), "Grace"));
        String next = browser.findElement(By.cssSelector(".next-step")).getText();
        assertTrue(next.contains("Welcome, Grace") && next.contains("Start with lesson 1"), next);

        // keyboard only: from the top of the exercise's page to its answer, a wrong answer, the feedback
        open("/exercises/coin-mle");
        WebElement input = tabTo("input[name=answer_theta]", 40);
        input.sendKeys("0.123" + Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#exercise-coin-mle .feedback .verdict")).isEmpty());
        String verdict = browser.findElement(By.cssSelector("#exercise-coin-mle .feedback .verdict")).getText();
        assertTrue(verdict.startsWith("Not yet. "), verdict);
        assertFalse(verdict.contains("Not quite") || verdict.contains(" :"), "the verdict said once: " + verdict);
        assertTrue(focused().contains("Not yet"), "the feedback takes the focus: " + focused());

        // give up: asks first, by keyboard, and stays on this page
        WebElement summary = tabTo(".give-up summary", 20);
        summary.sendKeys(Keys.ENTER);
        WebElement confirm = tabTo(".give-up button", 5);
        assertTrue(browser.findElement(By.cssSelector(".give-up")).getText().contains("You will see the answer"));
        confirm.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector(".state-given-up")).isEmpty());
        assertTrue(browser.getCurrentUrl().contains("/exercises/coin-mle"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".revealed")).getText().startsWith("The answer:"));

        open("/progress");
        String row = browser.findElement(By.cssSelector("tr[data-lesson=likelihood]")).getText();
        assertTrue(row.contains("read") && row.matches("(?s).*\\b0 of [1-9]\\d* exercises solved.*"), row);
        assertTrue(browser.findElement(By.cssSelector("tr[data-exercise=coin-mle]")).getText().contains("1 attempt, not solved yet"));
    }

    @Test
    @Order(2)
    void instructorPagesShowNoRawJsonPathsOrLongDecimals() {
        WebClient prof = new WebClient(server);
        prof.signIn("prof", "prof's long password");
        long grace = accounts.users().stream().filter(u -> u.username().equals("grace")).findFirst().orElseThrow().id();
        List<String> pages = new ArrayList<>(List.of("/instructor", "/instructor/gradebook", "/instructor/learners/" + grace));
        Registries.course(Path.of("content")).exercises().keySet()
                .forEach(id -> pages.add("/instructor/exercises/" + id + "/preview?seed=" + 1));
        Pattern bad = Pattern.compile("\\{&quot;|\\{\"|/tmp|/work/|\\d\\.\\d{10,}|NaN|Infinity");
        List<String> problems = new ArrayList<>();
        for (String p : pages) {
            var r = prof.get(p);
            assertEquals(200, r.statusCode(), p);
            String body = r.body().replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<head>.*?</head>", "");
            // a lab run's teaching variant without log-sum-exp prints NaN, as the learner's buggy program would
            if (p.contains("-run/preview")) body = body.replace("NaN", "");
            Matcher m = bad.matcher(body);
            while (m.find()) problems.add(p + ": …" + body.substring(Math.max(0, m.start() - 60), Math.min(body.length(), m.end() + 20)) + "…");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @Order(3)
    void atPhoneWidthNothingScrollsSidewaysAndHeadingJumpsLandVisible() throws Exception {
        browser.manage().deleteAllCookies();
        js().executeScript("window.localStorage && localStorage.clear();");
        signIn("grace", "grace's long password");
        viewport(390, 844);
        List<String> paths = new ArrayList<>(List.of("/", "/progress", "/glossary", "/formulas", "/exercises/coin-mle", "/exercises/normal-sd", "/no/such/page"));
        List<String> wide = new ArrayList<>();
        List<String> lessons = Registries.course(Path.of("content")).course().lessons().stream()
                .map(l -> "/lessons/" + l.slug()).toList();
        paths.addAll(lessons);
        for (String p : paths) {
            open(p);
            long scroll = (Long) js().executeScript("return document.documentElement.scrollWidth;");
            long inner = (Long) js().executeScript("return document.documentElement.clientWidth;");
            if (scroll > inner) {
                Object culprit = js().executeScript("var w = document.documentElement.clientWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return; }"
                        + " if (r.right > w + 1 && out.length < 3) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                        + "return out.join(', ');");
                wide.add(p + " is " + scroll + " px wide: " + culprit);
            }
            long header = (Long) js().executeScript("return Math.round(document.querySelector('.site-header').getBoundingClientRect().height);");
            assertTrue(header <= 64, p + ": the header is one row, " + header + " px");
        }
        assertTrue(wide.isEmpty(), String.join("\n", wide));

        // every table-of-contents jump of the longest lesson lands below the sticky header
        open("/lessons/likelihood");
        List<String> hidden = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js().executeScript("return Array.from(document.querySelectorAll('.toc a')).map(function (a) { return a.getAttribute('href').slice(1); });");
        assertFalse(ids.isEmpty());
        for (String id : ids) {
            js().executeScript("location.hash = arguments[0];", id);
            Thread.sleep(100);
            Number top = (Number) js().executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top;", id);
            Number below = (Number) js().executeScript("return document.querySelector('.site-header').getBoundingClientRect().bottom;");
            if (top.doubleValue() < below.doubleValue()) hidden.add(id + " at " + top + " under the header ending at " + below);
        }
        assertTrue(hidden.isEmpty(), String.join("\n", hidden));

        // the menu opens and closes by keyboard
        WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
        assertTrue(toggle.isDisplayed());
        assertFalse(browser.findElement(By.cssSelector("#site-nav a[href=\"/progress\"]")).isDisplayed());
        toggle.sendKeys(Keys.ENTER);
        assertTrue(browser.findElement(By.cssSelector("#site-nav a[href=\"/progress\"]")).isDisplayed());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertEquals("false", toggle.getAttribute("aria-expanded"));
    }

    static void signIn(String user, String password) {
        browser.get(server.url("/signin"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password + Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @Test
    @Order(4)
    void screenshotsAt1280And390() throws Exception {
        long grace = accounts.users().stream().filter(u -> u.username().equals("grace")).findFirst().orElseThrow().id();
        for (int width : new int[]{1280, 390}) {
            viewport(width, width == 390 ? 844 : 900);
            browser.manage().deleteAllCookies();
            signIn("grace", "grace's long password");
            open("/");
            shot("home");
            open("/lessons/gaussian-mle");
            shot("lesson");
            open("/exercises/normal-sd");
            browser.findElement(By.name("answer_sd")).sendKeys("1" + Keys.ENTER);
            wait.until(d -> !d.findElements(By.cssSelector("#exercise-normal-sd .feedback .verdict")).isEmpty());
            js().executeScript("window.scrollTo(0, 0);");
            shot("exercise-feedback");
            open("/progress");
            shot("progress");
            open("/formulas");
            shot("formulas");
            open("/no/such/page");
            shot("not-found");
            browser.manage().deleteAllCookies();
            signIn("prof", "prof's long password");
            open("/instructor");
            shot("instructor-overview");
            open("/instructor/learners/" + grace);
            shot("instructor-learner");
        }
        viewport(1280, 900);
    }

    @Test
    @Order(5)
    void theFormulaSheetPrintsItsFormulasAloneBlackOnWhite() throws Exception {
        viewport(1280, 900);
        browser.manage().deleteAllCookies();
        open("/formulas");
        ChromeDriver chrome = (ChromeDriver) browser;
        long groups = (Long) js().executeScript("return document.querySelectorAll('.formula-group').length;");
        long formulas = (Long) js().executeScript("return document.querySelectorAll('.formula-group .katex-display').length;");
        assertEquals(Registries.course(Path.of("content")).course().lessons().size(), groups, "a group per lesson");
        assertEquals((Long) js().executeScript("return document.querySelectorAll('.formula-group .formula').length;"), formulas,
                "every formula rendered by KaTeX");
        assertTrue(browser.findElement(By.cssSelector("[data-print]")).isDisplayed(), "the Print button, with JavaScript");

        // a lesson's key points box shows its formulas and leads to its group on the sheet
        open("/lessons/estimator-quality");
        WebElement box = browser.findElement(By.cssSelector(".key-formulas"));
        assertEquals((Long) js().executeScript("return document.querySelectorAll('.key-formulas .formula').length;"),
                (Long) js().executeScript("return document.querySelectorAll('.key-formulas .katex-display').length;"), "rendered by KaTeX");
        Number top = (Number) js().executeScript("return document.getElementById('key-points').getBoundingClientRect().top + window.scrollY;");
        Number bottom = (Number) js().executeScript("var r = arguments[0].getBoundingClientRect(); return r.bottom + window.scrollY;", box);
        Map<String, Object> clip = Map.of("x", 0, "y", top.intValue() - 10, "width", 1280, "height", bottom.intValue() - top.intValue() + 20, "scale", 1);
        Map<String, Object> r = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SHOTS.resolve("key-points-1280.png"), Base64.getDecoder().decode((String) r.get("data")));
        box.findElement(By.cssSelector(".formula-sheet-link a")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/formulas#lesson-estimator-quality"));
        AccessibilityBrowserTest.settle(browser);
        Number groupTop = (Number) js().executeScript("return document.getElementById('lesson-estimator-quality').getBoundingClientRect().top;");
        Number headerBottom = (Number) js().executeScript("return document.querySelector('.site-header').getBoundingClientRect().bottom;");
        assertTrue(groupTop.doubleValue() >= headerBottom.doubleValue() - 1, "the lesson's group lands below the header: " + groupTop);
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            String printed = (String) js().executeScript(
                    "function display(s) { var e = document.querySelector(s); return e ? getComputedStyle(e).display : 'missing'; }"
                            + "var group = document.querySelector('.formula-group'), link = group.querySelector('h2 a');"
                            + "return [display('.site-header'), display('.site-footer'), display('.print-action'),"
                            + " getComputedStyle(group).breakInside, getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor,"
                            + " getComputedStyle(group.querySelector('dt')).color, getComputedStyle(group.querySelector('.katex')).color,"
                            + " getComputedStyle(link).color, getComputedStyle(link).textDecorationLine].join(' | ');");
            assertEquals("none | none | none | avoid | rgb(0, 0, 0) | rgb(255, 255, 255) | rgb(0, 0, 0) | rgb(0, 0, 0) | rgb(0, 0, 0) | none",
                    printed, "printed: no header (with its menu), footer or button; groups kept whole; black on white");
            String after = (String) js().executeScript("return getComputedStyle(document.querySelector('.formula-group h2 a'), '::after').content;");
            assertTrue(after.contains("attr(href)") || after.contains("/lessons/"), "the lesson's address printed after its title: " + after);
            Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false, "preferCSSPageSize", true));
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            Files.write(SHOTS.resolve("formulas.pdf"), bytes);
            Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            int pages = 0;
            while (page.find()) pages++;
            System.out.printf("LayoutBrowserTest: the formula sheet prints on %d A4/Letter pages (%d formulas, %d lessons; %,d bytes of PDF)%n",
                    pages, formulas, groups, bytes.length);
            assertTrue(pages >= 1 && pages <= 12, pages + " pages");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
