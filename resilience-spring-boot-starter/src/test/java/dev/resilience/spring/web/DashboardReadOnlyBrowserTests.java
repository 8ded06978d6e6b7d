package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.Breakers;
import dev.resilience.spring.testsupport.DashboardView;
import dev.resilience.spring.testsupport.HeadlessChromium;
import dev.resilience.spring.testsupport.RequiresChromium;
import dev.resilience.time.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard in a real browser when the endpoint is read-only (its default access): live, no buttons. */
@RequiresChromium
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=resilience",
        "resilience.dashboard.enabled=true" })
class DashboardReadOnlyBrowserTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

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
    void showsTheStateLiveButNoButtons() {
        CircuitBreaker breaker = breakers.get("readonly.payments");
        DashboardView page = new DashboardView(chromium.driver());
        page.open("http://127.0.0.1:" + port + "/resilience/dashboard");
        page.waitForState("readonly.payments", "CLOSED", DashboardView.REFRESH_BOUND);

        Breakers.open(breaker, clock);

        page.waitForState("readonly.payments", "OPEN", DashboardView.REFRESH_BOUND);
        assertThat(page.buttons()).isEmpty();
        assertThat(page.card("readonly.payments").findElements(By.className("actions"))).isEmpty();
        assertThat(chromium.driver().findElement(By.id("mode")).getText()).isEqualTo("read-only");
    }
}
