package org.argmax.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: both paths are given, so Selenium
 * Manager never tries to download anything (the machine is offline).
 */
public final class Browser {
    private Browser() {
    }

    public static WebDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} (created if needed). */
    public static WebDriver start(java.nio.file.Path downloads) {
        File chromium = new File("/usr/bin/chromium");
        File driver = new File("/usr/bin/chromedriver");
        if (!chromium.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "run 'apt-get install -y chromium chromium-driver' as root (the test command does this itself when run as root).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        // the console (CSP violations, script errors) is readable with driver.manage().logs().get(LogType.BROWSER)
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (downloads != null) {
            try {
                java.nio.file.Files.createDirectories(downloads);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** A new learner signs up through the sign-up form at {@code signUpUrl}, as a person would; returns once the header names them. */
    public static void signUp(WebDriver browser, WebDriverWait wait, String signUpUrl, String displayName, String username, String password) {
        browser.get(signUpUrl);
        browser.findElement(By.id("displayName")).sendKeys(displayName);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.form-card button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".site-header"), displayName));
    }
}
