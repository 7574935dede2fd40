package dev.latchkey.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * For tests of a page in a real headless Chromium: a fresh browser profile per test, waits, screenshots.
 * Public, with protected members, for the desktop's end-to-end tests (auth-server's test-jar).
 */
public abstract class PageInBrowser {
    @TempDir
    protected static Path dir;
    protected ChromeDriver browser;

    @BeforeEach
    protected void openBrowser() throws Exception {
        browser = Browser.start(Files.createTempDirectory(dir, "profile"), language());
    }

    /** The browser's language: English unless a test asks for another, whatever the machine's. */
    protected String language() {
        return "en";
    }

    @AfterEach
    protected void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected WebElement shown(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Saves what the browser shows to {@code target/screenshots}, for the README. */
    protected void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
