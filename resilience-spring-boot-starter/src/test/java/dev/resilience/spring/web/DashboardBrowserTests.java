package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.spring.testsupport.DashboardView;
import dev.resilience.spring.testsupport.HeadlessChromium;
import dev.resilience.spring.testsupport.RequiresChromium;
import dev.resilience.time.ManualClock;
import dev.resilience.timeout.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real (headless) browser against a running application whose endpoint takes writes:
 * instances driven through their registries on a manual clock show up within the refresh interval (the
 * default, 2 s), and the buttons change them on the server.
 */
@RequiresChromium
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=resilience",
        "management.endpoint.resilience.access=unrestricted",
        "resilience.dashboard.enabled=true" })
class DashboardBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @Autowired
    private ManualClock clock;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private InstanceRegistry<RateLimiter> rateLimiters;

    @Autowired
    private InstanceRegistry<Retry> retries;

    @Autowired
    private InstanceRegistry<Timeout> timeouts;

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
    void openDashboard() {
        breakers.get("browser.payments");
        page = new DashboardView(chromium.driver());
        page.open("http://127.0.0.1:" + port + "/resilience/dashboard");
    }

    @AfterEach
    void closeEveryBreakerAfterAPageWithoutErrors() {
        breakers.all().values().forEach(CircuitBreaker::reset);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void showsTheBreakerOpenWithinTheRefreshIntervalAndClosedAfterResetIsPressed() {
        CircuitBreaker breaker = breakers.get("browser.payments");
        page.waitForState("browser.payments", "CLOSED", DashboardView.REFRESH_BOUND);

        Breakers.open(breaker, clock);

        page.waitForState("browser.payments", "OPEN", DashboardView.REFRESH_BOUND);
        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> page.metric("browser.payments", "failureRate").equals("100 % / 50 %"));
        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> "STATE_TRANSITION".equals(latestEvent("browser.payments").getDomAttribute("data-type")));
        assertThat(latestEvent("browser.payments").getText()).contains("CLOSED → OPEN");

        page.press("browser.payments", "reset");

        page.waitForState("browser.payments", "CLOSED", DashboardView.REFRESH_BOUND);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(page.metric("browser.payments", "failureRate")).isEqualTo("– / 50 %");
    }

    @Test
    void forceOpenAndDisableButtonsChangeTheBreakerOnTheServer() {
        CircuitBreaker breaker = breakers.get("browser.payments");

        page.press("browser.payments", "force-open");
        page.waitForState("browser.payments", "FORCED_OPEN", DashboardView.REFRESH_BOUND);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.FORCED_OPEN);

        page.press("browser.payments", "disable");
        page.waitForState("browser.payments", "DISABLED", DashboardView.REFRESH_BOUND);
        assertThat(breaker.state()).isEqualTo(CircuitBreakerState.DISABLED);
    }

    @Test
    void showsKeyedInstancesAsTheirOwnCardsAndActsOnTheRightOne() {
        CircuitBreaker north = breakers.get("browser.stock", "north");
        CircuitBreaker south = breakers.get("browser.stock", "south");
        Breakers.open(north, clock);
        Breakers.open(south, clock);
        page.waitForState("browser.stock[north]", "OPEN", DashboardView.REFRESH_BOUND);
        page.waitForState("browser.stock[south]", "OPEN", DashboardView.REFRESH_BOUND);

        page.press("browser.stock[south]", "reset");

        page.waitForState("browser.stock[south]", "CLOSED", DashboardView.REFRESH_BOUND);
        assertThat(south.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(north.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(page.card("browser.stock[north]").getDomAttribute("data-state")).isEqualTo("OPEN");
    }

    @Test
    void filtersTheCardsByName() {
        breakers.get("browser.inventory");
        page.card("browser.inventory");

        chromium.driver().findElement(By.id("filter")).sendKeys("INVENT");

        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> !page.card("browser.payments").isDisplayed());
        assertThat(page.card("browser.inventory").isDisplayed()).isTrue();
    }

    @Test
    void showsANameAsTextEvenWhenItLooksLikeMarkup() {
        String name = "browser.<img src=x onerror=alert(1)>";
        breakers.get(name);

        WebElement title = page.card(name).findElement(By.className("card-name"));

        assertThat(title.getText()).isEqualTo(name);
        assertThat(page.card(name).findElements(By.tagName("img"))).isEmpty();
    }

    @Test
    void showsRealInstancesOfTheOtherPatternsAndResetsARateLimiter() {
        RateLimiter limiter = rateLimiters.get("browser.search");
        limiter.acquirePermit();
        limiter.acquirePermit();
        retries.get("browser.recommendations");
        timeouts.get("browser.slow");
        try (Bulkhead.Permit permit = bulkheads.get("browser.reports").acquirePermit()) {
            page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric("bulkheads", "browser.reports", "activeCalls").equals("1 / 25"));
            page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric("rateLimiters", "browser.search", "availablePermits").equals("48 / 50"));
            assertThat(metric("rateLimiters", "browser.search", "permittedCalls")).isEqualTo("2");
            assertThat(metric("retries", "browser.recommendations", "failedWithRetry")).startsWith("0");
            assertThat(metric("timeouts", "browser.slow", "duration")).isEqualTo("1s");
        }

        section("rateLimiters").findElement(DashboardView.cardOf("browser.search")).findElement(By.cssSelector("button[data-action=reset]")).click();

        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric("rateLimiters", "browser.search", "permittedCalls").equals("0"));
        assertThat(limiter.snapshot().permittedCalls()).isZero();
        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> metric("bulkheads", "browser.reports", "activeCalls").equals("0 / 25"));
    }

    private WebElement section(String section) {
        return chromium.driver().findElement(By.cssSelector("section[data-section=" + section + "]"));
    }

    private String metric(String section, String name, String key) {
        return section(section).findElement(DashboardView.cardOf(name)).findElement(By.cssSelector("dd[data-metric=" + key + "]")).getText();
    }

    private WebElement latestEvent(String name) {
        return page.card(name).findElement(By.cssSelector(".events li"));
    }
}
