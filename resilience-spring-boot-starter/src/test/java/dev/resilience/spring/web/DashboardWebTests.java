package dev.resilience.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The dashboard's routes over HTTP, in an application with a context path and its own Actuator base path:
 * the page, its settings and its assets, all below the context path.
 */
@SpringBootTest(classes = ObservabilityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.context-path=/shop",
        "management.endpoints.web.base-path=/manage",
        "management.endpoints.web.exposure.include=resilience",
        "management.endpoint.resilience.access=unrestricted",
        "resilience.dashboard.enabled=true",
        "resilience.dashboard.refresh-interval=1500ms" })
@AutoConfigureRestTestClient
class DashboardWebTests {

    @Autowired
    private RestTestClient client;

    @Test
    void servesThePageUncachedUnderAStrictContentSecurityPolicy() {
        client.get().uri("/resilience/dashboard").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                        + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("src=\"/shop/resilience/dashboard/assets/dashboard.js\"")
                        .contains("data-settings=\"/shop/resilience/dashboard/settings.json\"")
                        .doesNotContain("_csrf"));
    }

    @Test
    void tellsThePageWhereTheEndpointIsAndThatItTakesWrites() {
        client.get().uri("/resilience/dashboard/settings.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.endpoint").isEqualTo("/shop/manage/resilience")
                .jsonPath("$.writable").isEqualTo(true)
                .jsonPath("$.refreshMillis").isEqualTo(1500)
                .jsonPath("$.problem").doesNotExist();
    }

    @Test
    void servesTheScriptModulesAndTheStylesheet() {
        client.get().uri("/resilience/dashboard/assets/dashboard.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"))
                .expectBody(String.class).value(js -> assertThat(js).contains("settings"));
        client.get().uri("/resilience/dashboard/assets/dashboard.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void servesNothingElseFromTheJar() {
        client.get().uri("/resilience/dashboard/assets/missing.js").exchange().expectStatus().isNotFound();
        client.get().uri("/resilience/dashboard/assets/../page.html").exchange().expectStatus().is4xxClientError();
        client.get().uri("/resilience/dashboard/assets/%2e%2e/page.html").exchange().expectStatus().is4xxClientError();
        client.get().uri("/resilience/dashboard/page.html").exchange().expectStatus().isNotFound();
    }
}
