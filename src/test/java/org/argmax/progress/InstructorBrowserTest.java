package org.argmax.progress;

import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.Grade;
import org.argmax.testing.Browser;
import org.argmax.testing.ServerPerClass;
import org.argmax.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instructor in headless Chromium reads the overview, follows a learner's attempt to the data she had, downloads the gradebook CSV. */
@Tag("browser")
class InstructorBrowserTest {
    @TempDir
    static Path tmp;
    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.shippedCourse();
    static WebDriver browser;
    static long adaId;

    @BeforeAll
    static void start() {
        DataSource db = server.app().database().dataSource();
        adaId = TestAccounts.professorAndAda(db);
        new AttemptRepository(db).save(adaId, "coin-mle", 0, Map.of("theta", "0.3"),
                new Grade(List.of(new Grade.AnswerVerdict("theta", "0.3", false, "share-of-tails", "m")), false, 0));
        browser = Browser.start(tmp.resolve("downloads"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void overviewChartAndCsvDownload() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(server.url("/signin?next=/instructor"));
        browser.findElement(By.id("username")).sendKeys("prof");
        browser.findElement(By.id("password")).sendKeys("prof's long password");
        browser.findElement(By.cssSelector("form.form-card button")).click();
        // the sign-in page's own URL contains "/instructor" (?next=): wait for the overview itself
        String coin = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-exercise=coin-mle]"))).getText();
        assertTrue(coin.contains("share-of-tails 100 %"), coin);
        // from the learner's attempt to exactly the data she had
        browser.get(server.url("/instructor/learners/" + adaId));
        browser.findElement(By.cssSelector("tr[data-attempt] a.their-data")).click();
        wait.until(ExpectedConditions.urlContains("/instructor/exercises/coin-mle/preview?seed="
                + org.argmax.exercises.InstanceFactory.seedFor(adaId, "coin-mle", 0)));

        browser.get(server.url("/instructor"));
        browser.findElement(By.linkText("Download gradebook (CSV)")).click();
        Path file = tmp.resolve("downloads").resolve("gradebook.csv");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> java.nio.file.Files.exists(file));
        String csv = java.nio.file.Files.readString(file);
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(",", -1));
        assertEquals(List.of("username", "display_name"), header.subList(0, 2), csv);
        String[] ada = csv.lines().filter(l -> l.startsWith("ada,Ada,")).findFirst().orElseThrow().split(",", -1);
        assertEquals("0", ada[header.indexOf("coin-mle")], "ada's best score under coin-mle: " + csv);
    }
}
