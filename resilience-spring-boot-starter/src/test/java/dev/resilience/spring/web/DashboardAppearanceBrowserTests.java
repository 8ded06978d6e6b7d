package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.spring.testsupport.DashboardView;
import dev.resilience.spring.testsupport.HeadlessChromium;
import dev.resilience.spring.testsupport.RequiresChromium;
import dev.resilience.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the dashboard looks, in a real (headless) browser, served at a custom path: a colour per state,
 * the failure-rate sparkline, a phone-sized screen, light and dark mode. Takes the screenshots
 * {@code target/screenshots/dashboard.png} and {@code dashboard-phone-dark.png} (copied to {@code docs/}
 * for the README).
 */
@RequiresChromium
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=resilience",
        "management.endpoint.resilience.access=unrestricted",
        "resilience.dashboard.enabled=true",
        "resilience.dashboard.path=/ops/resilience" })
class DashboardAppearanceBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Autowired
    private ManualClock clock;

    private DashboardView page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void fillTheRegistryAndOpenTheDashboard() {
        breakers.all().values().forEach(CircuitBreaker::reset);
        // half-open first: it moves the clock past the open wait, which would half-open 'payments' too
        Breakers.halfOpen(breakers.get("search"), clock);
        Breakers.open(breakers.get("payments"), clock);
        breakers.get("shipping").forceOpen();
        breakers.get("legacy-pricing").disable();
        breakers.get("stock", "north");
        Breakers.fail(breakers.get("stock", "south"), clock, Duration.ofMillis(620));
        breakers.get("inventory");
        page = new DashboardView(chromium.driver());
        page.open("http://127.0.0.1:" + port + "/ops/resilience");
    }

    @AfterEach
    void lightDesktop() {
        chromium.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        chromium.colorScheme(false);
    }

    @Test
    void colourCodesEveryStateAndDrawsTheFailureRateOverTime() {
        CircuitBreaker inventory = breakers.get("inventory");
        for (int poll = 0; poll < 6; poll++) {
            // a failure rate that moves between polls (40 %, 33 %, 37.5 %, ...) for the sparkline
            Breakers.succeed(inventory, clock, Duration.ofMillis(poll % 2 == 0 ? 90 : 480));
            if (poll % 2 == 0) {
                Breakers.fail(inventory, clock, Duration.ofMillis(120));
            }
            page.nextPoll();
        }
        page.waitForState("search", "HALF_OPEN", DashboardView.REFRESH_BOUND);

        Map<String, String> colours = new LinkedHashMap<>();
        for (String name : List.of("inventory", "search", "payments", "shipping", "legacy-pricing")) {
            colours.put(page.card(name).getDomAttribute("data-state"), page.card(name).getCssValue("border-left-color"));
        }
        assertThat(colours).containsOnlyKeys("CLOSED", "HALF_OPEN", "OPEN", "FORCED_OPEN", "DISABLED");
        assertThat(colours.values()).doesNotHaveDuplicates();
        assertThat(page.card("inventory").findElements(By.cssSelector("svg.spark polyline"))).isNotEmpty();
        assertThat(page.card("inventory").findElement(By.className("spark-label")).getText()).startsWith("Failure rate since");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard.png"));
    }

    @Test
    void readsWellInLightMode() {
        assertThat(css("body", "background-color")).isEqualTo("rgba(245, 246, 248, 1)");
        assertThat(css("h1", "color")).isEqualTo("rgba(27, 31, 36, 1)");
    }

    @Test
    void fitsAPhoneScreenInDarkMode() {
        chromium.emulatePhone(true);
        page.open("http://127.0.0.1:" + port + "/ops/resilience");
        page.waitForState("payments", "OPEN", DashboardView.REFRESH_BOUND);

        Object overflow = chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        assertThat(page.card("payments").getRect().getWidth()).isLessThanOrEqualTo(390);
        assertThat(css("body", "background-color")).isEqualTo("rgba(13, 17, 23, 1)");
        assertThat(css("h1", "color")).isEqualTo("rgba(230, 237, 243, 1)");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-phone-dark.png"));
    }

    private String css(String selector, String property) {
        return chromium.driver().findElement(By.cssSelector(selector)).getCssValue(property);
    }
}
