package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.testsupport.DashboardView;
import dev.resilience.spring.testsupport.HeadlessChromium;
import dev.resilience.spring.testsupport.RequiresChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sample's dashboard in a real (headless) browser, with Spring Security's login form and CSRF
 * protection on: the operator signs in, the downstream starts failing ({@code POST /chaos}) until the
 * catalog breaker opens, the card shows it, and the operator resets it with the page's token.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "sample.operator.password=s3cret-for-tests" })
@AutoConfigureRestTestClient
class DashboardSecurityBrowserTests {

    private static final int MAX_CALLS = 50;

    private static HeadlessChromium chromium;

    @LocalServerPort
    private int port;

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

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

    @AfterEach
    void healTheDownstream() {
        chaos(0.0);
        breakers.get("catalog").reset();
    }

    @Test
    void theOperatorSignsInSeesTheBreakerOpenAndResetsItWithCsrfProtectionOn() {
        WebDriver browser = chromium.driver();
        DashboardView page = new DashboardView(browser);
        CircuitBreaker catalog = breakers.get("catalog");

        browser.get("http://127.0.0.1:" + port + "/resilience/dashboard");
        page.waitUntil(DashboardView.LOAD_BOUND, driver -> driver.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.name("username")).sendKeys("operator");
        browser.findElement(By.name("password")).sendKeys("s3cret-for-tests");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        page.awaitLive();
        assertThat(browser.findElement(By.cssSelector("meta[name=_csrf]")).getDomAttribute("content")).isNotBlank();
        page.waitForState("catalog", "CLOSED", DashboardView.REFRESH_BOUND);

        chaos(1.0);
        for (int call = 0; call < MAX_CALLS && catalog.state() == CircuitBreakerState.CLOSED; call++) {
            client.get().uri("/price/{sku}", "A-" + call).exchange().expectStatus().is5xxServerError();
        }
        assertThat(catalog.state()).isEqualTo(CircuitBreakerState.OPEN);
        page.waitForState("catalog", "OPEN", DashboardView.REFRESH_BOUND);
        page.press("catalog", "reset");

        page.waitForState("catalog", "CLOSED", DashboardView.REFRESH_BOUND);
        assertThat(catalog.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(page.card("catalog").findElements(By.className("card-error"))).noneMatch(WebElement::isDisplayed);
    }

    private void chaos(double failureRate) {
        client.post().uri("/chaos").contentType(MediaType.APPLICATION_JSON)
                .body("{\"failureRate\":" + failureRate + ",\"latencyMs\":0}").exchange()
                .expectStatus().isOk();
    }
}
