package org.gridatlas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium, for the browser tests of the pages.
 *
 * <p>The browser is {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver} (both from Debian's packages,
 * installed by {@code scripts/test}); Selenium Manager is never asked to download anything. Each instance has its own
 * fresh profile folder, removed again by {@link #close()}, so cookies and the remembered language never leak from one
 * test to another.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** Starts a headless Chromium with a 1280×900 window and a 30 s wait. */
    public Browser() {
        this(DEFAULT_TIMEOUT);
    }

    /** Starts a headless Chromium with a 1280×900 window; waits give up after {@code timeout}. */
    public Browser(Duration timeout) {
        try {
            profile = Files.createTempDirectory("gridatlas-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, timeout);
    }

    /** The Selenium driver, for anything this helper does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a URL and returns this browser. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Signs in through the sign-in page (the form of login.html) and waits until the browser has left it.
     *
     * @param baseUrl the application's root, e.g. {@code http://localhost:8080} (no trailing slash)
     * @throws IllegalStateException when the server rejects the user name or password
     */
    public Browser login(String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login.html");
        WebElement name = waitFor(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d ->
                !d.getCurrentUrl().contains("login.html") || d.getCurrentUrl().contains("error"));
        if (driver.getCurrentUrl().contains("login.html")) {
            throw new IllegalStateException("sign-in refused for " + user + ": " + driver.getCurrentUrl());
        }
        return this;
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until at least one element matches and returns all that match. */
    public List<WebElement> waitForAll(By by) {
        return wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(by));
    }

    /** Waits until the condition gives a value that is neither null nor false, and returns it. */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /**
     * Clicks the export button and returns the bytes of the file the page hands to the browser to save (the Blob
     * given to URL.createObjectURL), so a test can read back the CSV or .xlsx a user would get.
     */
    public byte[] savedFile(By button) {
        script(
                """
                window.gaSaved = null;
                if (!window.gaSaveHooked) {
                  window.gaSaveHooked = true;
                  const original = URL.createObjectURL;
                  URL.createObjectURL = (blob) => {
                    const reader = new FileReader();
                    reader.onload = () => { window.gaSaved = reader.result.split(',')[1]; };
                    reader.readAsDataURL(blob);
                    return original(blob);
                  };
                }""");
        driver.findElement(button).click();
        String base64 = until(d -> (String) script("return window.gaSaved"));
        return java.util.Base64.getDecoder().decode(base64);
    }

    /** Runs JavaScript in the page; arguments are visible to it as {@code arguments[i]}. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a PNG of the browser window, creating the folders on the way. */
    public Path screenshot(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser, stops the driver and removes the profile folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over profile in the temp folder is harmless
        }
    }
}
