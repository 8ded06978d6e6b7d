package dev.resilience.spring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium for the dashboard's browser tests, driven through the Debian packages
 * {@code chromium} and {@code chromium-driver}. Both paths are given explicitly, so Selenium Manager never
 * looks for (or downloads) a browser or a driver. Tests that need it are annotated with
 * {@link RequiresChromium} and are skipped, saying what to install, where the packages are missing.
 *
 * <p>Each instance has its own fresh profile directory, deleted by {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The Debian {@code chromium} package's browser. */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");

    /** The Debian {@code chromium-driver} package's driver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Why browser tests are skipped. */
    public static final String MISSING = "browser tests need the Debian packages chromium and chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver";

    /**
     * Selenium warns when it has no DevTools classes for the browser's version. The tests use none: their
     * CDP commands ({@link #emulatePhone}) go through chromedriver, which speaks the browser's own version.
     * Kept as fields, since java.util.logging holds loggers weakly.
     */
    private static final List<Logger> QUIETED = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @return whether both packages are installed; the condition of {@link RequiresChromium} */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /**
     * Starts a browser with a desktop-sized window.
     *
     * @return the browser; close it
     */
    public static HeadlessChromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** @return the driver */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * The errors the page logged to the browser console since the last call: script errors, failed
     * requests, Content-Security-Policy violations.
     *
     * @return the messages of the console entries at level SEVERE
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Emulates a phone's screen (390 × 844 CSS pixels, touch, mobile viewport) and colour scheme.
     *
     * @param dark whether the page sees {@code prefers-color-scheme: dark}
     */
    public void emulatePhone(boolean dark) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        colorScheme(dark);
    }

    /**
     * Sets the colour scheme the page sees.
     *
     * @param dark {@code prefers-color-scheme: dark} when true, light otherwise
     */
    public void colorScheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /**
     * Saves a screenshot of the viewport as PNG.
     *
     * @param file where to write it; parent directories are created
     */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a screenshot of the whole page (as tall as its content) as PNG, at the window's width.
     *
     * @param file where to write it; parent directories are created
     */
    public void fullPageScreenshot(Path file) {
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width.intValue(), "height", height.intValue(), "deviceScaleFactor", 1, "mobile", false));
        try {
            screenshot(file);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
