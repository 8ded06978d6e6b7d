package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerState;
import dev.resilience.registry.InstanceRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sample's security: the dashboard and the endpoint's writes need OPERATOR and a CSRF token; the
 * shop, {@code /chaos}, health, Prometheus and the endpoint's reads stay open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "sample.operator.password=s3cret-for-tests" })
@AutoConfigureRestTestClient
@AutoConfigureMetrics
class SecurityTests {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\">");

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static final String ACTION = "/actuator/resilience/circuitbreakers/catalog";

    @Autowired
    private RestTestClient client;

    @Autowired
    private InstanceRegistry<CircuitBreaker> breakers;

    @AfterEach
    void closeTheBreaker() {
        breakers.get("catalog").reset();
    }

    @Test
    void leavesTheShopChaosHealthPrometheusAndEndpointReadsOpen() {
        client.get().uri("/price/{sku}", "A-1").exchange().expectStatus().isOk();
        client.post().uri("/chaos").contentType(MediaType.APPLICATION_JSON).body("{\"failureRate\":0,\"latencyMs\":0}")
                .exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/resilience").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.circuitBreakers.catalog.state").isEqualTo("CLOSED");
    }

    @Test
    void refusesTheDashboardToAnonymousRequests() {
        client.get().uri("/resilience/dashboard").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/resilience/dashboard/settings.json").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/resilience/dashboard/assets/dashboard.js").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void sendsAnAnonymousBrowserToTheLoginForm() {
        client.get().uri("/resilience/dashboard").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void refusesAnAnonymousActionEvenWithAValidCsrfToken() {
        EntityExchangeResult<String> login = client.get().uri("/login").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher token = FORM_TOKEN.matcher(login.getResponseBody());
        assertThat(token.find()).isTrue();

        client.post().uri(ACTION).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.COOKIE, session(login)).header("X-CSRF-TOKEN", token.group(1))
                .body("{\"action\":\"force-open\"}").exchange()
                .expectStatus().isUnauthorized();

        assertThat(breakers.get("catalog").state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void refusesAnOperatorsActionWithoutTheCsrfToken() {
        client.post().uri(ACTION).headers(headers -> headers.setBasicAuth("operator", "s3cret-for-tests"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"force-open\"}").exchange()
                .expectStatus().isForbidden();

        assertThat(breakers.get("catalog").state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void takesAnOperatorsActionWithTheTokenTheDashboardPageCarries() {
        EntityExchangeResult<String> page = client.get().uri("/resilience/dashboard")
                .headers(headers -> headers.setBasicAuth("operator", "s3cret-for-tests")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher meta = META.matcher(page.getResponseBody());
        assertThat(meta.find()).isTrue();
        String headerName = meta.group(2);
        assertThat(meta.find()).isTrue();
        String token = meta.group(2);
        Breakers.failUntilOpen(breakers.get("catalog"));

        client.post().uri(ACTION).headers(headers -> headers.setBasicAuth("operator", "s3cret-for-tests"))
                .header(HttpHeaders.COOKIE, session(page)).header(headerName, token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"reset\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");

        assertThat(headerName).isEqualTo("X-CSRF-TOKEN");
        assertThat(breakers.get("catalog").state()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void refusesAWrongPassword() {
        client.get().uri("/resilience/dashboard").headers(headers -> headers.setBasicAuth("operator", "guess"))
                .exchange().expectStatus().isUnauthorized();
    }

    /** The session cookie the response set, where the CSRF token is kept. */
    private static String session(EntityExchangeResult<?> result) {
        return result.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
