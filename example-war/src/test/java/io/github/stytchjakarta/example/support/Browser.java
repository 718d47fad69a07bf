package io.github.stytchjakarta.example.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, one fresh browser profile per test. Nothing
 * is downloaded: both paths are given to Selenium, so Selenium Manager never runs. Without them the test is
 * skipped with a loud message, or fails when the environment variable {@code CI} is {@code true}.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback {

    /** Debian's {@code chromium} package. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Debian's {@code chromium-driver} package. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The system property naming the screenshot directory (set by the build); default {@code target/screenshots}. */
    public static final String SCREENSHOTS_PROPERTY = "example.screenshots";

    /** The longest wait for a page; generous for a loaded 2-core machine. */
    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or ChromeDriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install Debian's chromium and chromium-driver to run the browser test";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("!!!!! SKIPPED: " + message);
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("example-chromium-");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,960");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    /** @return the browser */
    public WebDriver driver() {
        return driver;
    }

    /**
     * @param css a CSS selector
     * @return the first matching element
     */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Waits, polling, until the condition holds (a page load after a click, for instance).
     *
     * @param condition a condition on the browser
     * @param <T>       its result
     * @return the condition's result
     */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PAGE_TIMEOUT).until(condition::apply);
    }

    /** @return the text of the page's {@code <body>} */
    public String text() {
        return find("body").getText();
    }

    /**
     * Saves a screenshot of the window as {@code <name>.png} in the screenshot directory.
     *
     * @param name the file name without extension
     * @return the file
     */
    public Path screenshot(String name) {
        Path directory = Path.of(System.getProperty(SCREENSHOTS_PROPERTY, "target/screenshots"));
        try {
            Files.createDirectories(directory);
            return Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
