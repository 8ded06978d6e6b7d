package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.event.EventType;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.actuate.PatternType;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the dashboard looks, in a real (headless) browser, served at a custom path with all five sections
 * filled ({@link StubPatterns}): every pattern's card, a colour per state, the failure-rate sparkline, a
 * phone-sized screen, light and dark mode. Takes the screenshots {@code target/screenshots/dashboard.png}
 * and {@code dashboard-phone-dark.png} (copied to {@code docs/} for the README).
 */
@RequiresChromium
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = { ObservabilityTestApplication.class, StubPatterns.class },
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
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
    private StubPatterns stubs;

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
    void fillEveryPatternAndOpenTheDashboard() {
        breakers.all().values().stream().filter(breaker -> breaker.state() != CircuitBreakerState.CLOSED)
                .forEach(CircuitBreaker::reset);
        // half-open first: it moves the clock past the open wait, which would half-open 'payments' too
        Breakers.halfOpen(breakers.get("search"), clock);
        Breakers.open(breakers.get("payments"), clock);
        breakers.get("shipping").forceOpen();
        breakers.get("legacy-pricing").disable();
        breakers.get("stock", "north");
        Breakers.fail(breakers.get("stock", "south"), clock, Duration.ofMillis(620));
        breakers.get("inventory");
        stubs.get(PatternType.BULKHEAD, "payments")
                .fields(Map.of("activeCalls", 25, "queuedCalls", 4, "maxConcurrentCalls", 25, "maxQueueSize", 10, "rejectedCalls", 17))
                .event(EventType.REJECTED, Map.of("reason", "QUEUE_FULL"));
        stubs.get(PatternType.BULKHEAD, "reports")
                .fields(Map.of("activeCalls", 3, "queuedCalls", 0, "maxConcurrentCalls", 10, "maxQueueSize", 0, "rejectedCalls", 0));
        stubs.get(PatternType.RETRY, "inventory")
                .fields(Map.of("successfulWithoutRetry", 1204, "successfulWithRetry", 37, "failedWithoutRetry", 2, "failedWithRetry", 5))
                .config(Map.of("maxAttempts", 3))
                .event(EventType.RETRY, Map.of("attempt", 1, "waitMs", 512, "exception", "java.net.SocketTimeoutException"))
                .event(EventType.EXHAUSTED, Map.of("exception", "java.net.SocketTimeoutException"));
        stubs.get(PatternType.TIMEOUT, "search")
                .fields(Map.of("duration", "PT2S", "successfulCalls", 880, "failedCalls", 3, "timedOutCalls", 12))
                .event(EventType.TIMED_OUT, Map.of("durationMs", 2000));
        stubs.get(PatternType.RATE_LIMITER, "partner-api")
                .fields(Map.of("availablePermits", 0, "permittedCalls", 50, "rejectedCalls", 9))
                .config(Map.of("limitForPeriod", 50));
        stubs.get(PatternType.RATE_LIMITER, "emails")
                .fields(Map.of("availablePermits", 42, "permittedCalls", 8, "rejectedCalls", 0))
                .config(Map.of("limitForPeriod", 50));
        page = new DashboardView(chromium.driver());
        page.open("http://127.0.0.1:" + port + "/ops/resilience");
    }

    @AfterEach
    void lightDesktopAfterAPageWithoutErrors() {
        chromium.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        chromium.colorScheme(false);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void rendersEveryPatternsSectionFromTheEndpointsJson() {
        List<String> titles = chromium.driver().findElements(By.cssSelector("section.pattern h2")).stream()
                .map(WebElement::getText).toList();
        assertThat(titles).containsExactly("Circuit breakers 7", "Bulkheads 2", "Retries 1", "Timeouts 1", "Rate limiters 2");

        WebElement bulkhead = card("bulkheads", "payments");
        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> !bulkhead.findElements(By.cssSelector(".events li")).isEmpty());
        assertThat(bulkhead.getDomAttribute("data-state")).isEqualTo("FULL");
        assertThat(metric(bulkhead, "activeCalls")).isEqualTo("25 / 25");
        assertThat(metric(bulkhead, "queuedCalls")).isEqualTo("4 / 10");
        assertThat(metric(card("bulkheads", "reports"), "queuedCalls")).isEqualTo("no queue");
        assertThat(bulkhead.findElement(By.cssSelector(".events li")).getText()).contains("REJECTED", "reason QUEUE_FULL");
        assertThat(metric(card("retries", "inventory"), "successfulWithoutRetry")).isEqualTo("1,204");
        assertThat(metric(card("retries", "inventory"), "failedWithRetry")).isEqualTo("5 of 3 attempts");
        assertThat(metric(card("timeouts", "search"), "duration")).isEqualTo("2s");
        assertThat(metric(card("timeouts", "search"), "timedOutCalls")).isEqualTo("12");
        assertThat(card("rateLimiters", "partner-api").getDomAttribute("data-state")).isEqualTo("EXHAUSTED");
        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric(card("rateLimiters", "partner-api"), "availablePermits").equals("0 / 50"));
        assertThat(card("rateLimiters", "emails").getDomAttribute("data-state")).isNull();
    }

    @Test
    void resetsABulkheadFromItsCard() {
        card("bulkheads", "payments").findElement(By.cssSelector("button[data-action=reset]")).click();

        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric(card("bulkheads", "payments"), "rejectedCalls").equals("0"));
        assertThat(stubs.get(PatternType.BULKHEAD, "payments").fields()).containsEntry("rejectedCalls", 0);
        assertThat(card("bulkheads", "payments").findElements(By.cssSelector("button[data-action]"))).hasSize(1);
    }

    @Test
    @Order(1) // first, so that the screenshot shows the events of one setup only
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
            WebElement card = card("circuitBreakers", name);
            colours.put(card.getDomAttribute("data-state"), card.getCssValue("border-left-color"));
        }
        assertThat(colours).containsOnlyKeys("CLOSED", "HALF_OPEN", "OPEN", "FORCED_OPEN", "DISABLED");
        assertThat(colours.values()).doesNotHaveDuplicates();
        WebElement inventoryCard = card("circuitBreakers", "inventory");
        assertThat(inventoryCard.findElements(By.cssSelector("svg.spark polyline"))).isNotEmpty();
        assertThat(inventoryCard.findElement(By.className("spark-label")).getText()).startsWith("Failure rate since");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("dashboard.png"));
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
        assertThat(card("circuitBreakers", "payments").getRect().getWidth()).isLessThanOrEqualTo(390);
        // one poll since the page opened: the lone sample still shows as a tick
        assertThat(card("circuitBreakers", "inventory").findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);
        assertThat(css("body", "background-color")).isEqualTo("rgba(13, 17, 23, 1)");
        assertThat(css("h1", "color")).isEqualTo("rgba(230, 237, 243, 1)");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-phone-dark.png"));
    }

    private WebElement card(String section, String name) {
        return page.waitUntil(DashboardView.REFRESH_BOUND, browser -> browser.findElement(
                By.cssSelector("section[data-section=" + section + "]")).findElement(DashboardView.cardOf(name)));
    }

    private static String metric(WebElement card, String key) {
        return card.findElement(By.cssSelector("dd[data-metric=" + key + "]")).getText();
    }

    private String css(String selector, String property) {
        return chromium.driver().findElement(By.cssSelector(selector)).getCssValue(property);
    }
}
