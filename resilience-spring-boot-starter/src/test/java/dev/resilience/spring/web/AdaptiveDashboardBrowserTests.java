package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.DashboardView;
import dev.resilience.spring.testsupport.HeadlessChromium;
import dev.resilience.spring.testsupport.RequiresChromium;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard shows an adaptive bulkhead's active calls against the limit in effect, not the maximum. */
@RequiresChromium
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=resilience",
        "resilience.dashboard.enabled=true",
        "resilience.bulkhead.instances.inventory.max-concurrent-calls=10",
        "resilience.bulkhead.instances.inventory.adaptive.enabled=true",
        "resilience.bulkhead.instances.inventory.adaptive.latency-threshold=100ms",
        "resilience.bulkhead.instances.inventory.adaptive.backoff-ratio=0.5" })
class AdaptiveDashboardBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private ManualClock clock;

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

    @Test
    void showsActiveCallsAgainstTheAdaptedLimit() {
        Bulkhead inventory = bulkheads.get("inventory");
        Bulkhead.Permit slow = inventory.acquirePermit();
        clock.advance(Duration.ofMillis(100));
        slow.release();
        assertThat(inventory.concurrencyLimit()).isEqualTo(5);

        DashboardView page = new DashboardView(chromium.driver());
        page.open("http://127.0.0.1:" + port + "/resilience/dashboard");

        page.waitUntil(DashboardView.REFRESH_BOUND, browser -> page.metric("inventory", "activeCalls").startsWith("0 / 5"));
        assertThat(page.metric("inventory", "activeCalls")).contains("adaptive, max 10");
        assertThat(chromium.consoleErrors()).isEmpty();
    }
}
