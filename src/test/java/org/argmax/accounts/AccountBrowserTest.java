package org.argmax.accounts;

import org.argmax.testing.Browser;
import org.argmax.testing.ServerPerClass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner in headless Chromium: sign up, read a lesson, mark it completed, see it on My progress, sign out. */
@Tag("browser")
class AccountBrowserTest {
    @RegisterExtension
    static final ServerPerClass server = ServerPerClass.twoLessons();
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void signUpReadCompleteSeeProgressSignOut() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signUp(browser, wait, server.url("/signup"), "Grace", "grace@example.org", "grace's long password");

        browser.get(server.url("/lessons/first"));
        assertEquals("read", browser.findElement(By.cssSelector("#lesson-status .status")).getText());
        browser.findElement(By.cssSelector("#lesson-status button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#lesson-status .status"), "completed"));

        browser.findElement(By.linkText("My progress")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".progress-table")));
        String row = browser.findElement(By.cssSelector("tr[data-lesson=first]")).getText();
        assertTrue(row.contains("completed"), row);
        assertTrue(browser.findElement(By.cssSelector("tr[data-lesson=second]")).getText().contains("not started"));

        browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
        browser.get(server.url("/progress"));
        wait.until(ExpectedConditions.urlContains("/signin"));
    }
}
