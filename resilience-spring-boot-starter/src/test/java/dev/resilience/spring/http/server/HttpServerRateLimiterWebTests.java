package dev.resilience.spring.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceId;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HttpServerWebTest
class HttpServerRateLimiterWebTests {

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<RateLimiter> limiters;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private ManualClock clock;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private HttpServerTestApplication.Gate gate;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static InstanceId endpoint(String id) {
        return new InstanceId(HttpServerInstances.NAME, id);
    }

    @Test
    void requestsToOneRouteTemplateShareOneInstancePerPattern() throws Exception {
        assertThat(http.get("/orders/1").statusCode()).isEqualTo(200);
        assertThat(http.get("/orders/2").body()).isEqualTo("order 2");

        assertThat(limiters.find(endpoint("GET /orders/{id}"))).get()
                .satisfies(limiter -> assertThat(limiter.snapshot().permittedCalls()).isEqualTo(2));
        assertThat(bulkheads.find(endpoint("GET /orders/{id}"))).isPresent();
        assertThat(limiters.all().keySet()).noneMatch(id -> id.displayName().contains("/orders/1"));
        String overview = http.get("/actuator/resilience").body();
        assertThat(JsonPath.<Integer>read(overview, "$.rateLimiters['http-server[GET /orders/{id}]'].permittedCalls")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(overview, "$.bulkheads['http-server[GET /orders/{id}]'].maxConcurrentCalls")).isEqualTo(100);
    }

    /**
     * Every test moves the shared clock by whole multiples of the 10s periods of its limiters, so a test
     * starting with this is at the start of a period nobody has used yet.
     */
    private void freshPeriod() {
        clock.advance(Duration.ofSeconds(10));
    }

    @Test
    void refusesOverTheLimitWith429RetryAfterAndAProblemBodyBeforeTheController() throws Exception {
        freshPeriod();
        gate.arm(0);
        assertThat(http.get("/limited/a").statusCode()).isEqualTo(200);
        assertThat(http.get("/limited/b").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMillis(2500));

        HttpResponse<String> refused = http.get("/limited/c");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("8");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        String body = refused.body();
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("urn:resilience:problem:rate-limited");
        assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo("Rate limit exceeded");
        assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(429);
        assertThat(JsonPath.<String>read(body, "$.detail")).contains("GET /limited/{id}");
        assertThat(JsonPath.<String>read(body, "$.instance")).isEqualTo("/limited/c");
        assertThat(JsonPath.<String>read(body, "$.endpoint")).isEqualTo("GET /limited/{id}");
        assertThat(JsonPath.<Integer>read(body, "$.retryAfterSeconds")).isEqualTo(8);
        assertThat(JsonPath.<String>read(body, "$.rateLimiter")).isEqualTo("http-server[GET /limited/{id}]");
        assertThat(gate.reached).hasValue(2);

        clock.advance(Duration.ofMillis(7500));
        assertThat(http.get("/limited/d").statusCode()).isEqualTo(200);
    }

    @Test
    void endpointOverrideAppliesAboveTheSettingsForEveryEndpoint() throws Exception {
        http.get("/orders/override-check");
        http.get("/limited/override-check");

        assertThat(limiters.get(HttpServerInstances.NAME, "GET /orders/{id}").config().limitForPeriod()).isEqualTo(1000);
        assertThat(limiters.get(HttpServerInstances.NAME, "GET /limited/{id}").config().limitForPeriod()).isEqualTo(2);
        assertThat(limiters.get(HttpServerInstances.NAME, "GET /limited/{id}").config().limitRefreshPeriod())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(bulkheads.get(HttpServerInstances.NAME, "GET /limited/{id}").config().maxConcurrentCalls()).isEqualTo(100);
    }

    @Test
    void rejectedCallsShowInMetricsWithTheEndpointAsKey() throws Exception {
        freshPeriod();
        gate.arm(0);
        gate.open();
        for (int i = 0; i < 4; i++) {
            http.get("/both/metrics-" + i);
        }
        double rejected = meters.get("resilience.ratelimiter.calls")
                .tags("name", HttpServerInstances.NAME, "key", "GET /both/{id}", "kind", "rejected").functionCounter().count();
        assertThat(rejected).isGreaterThanOrEqualTo(3);
    }

    @Test
    void excludedPathsAreNeitherLimitedNorGivenInstances() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/excluded/" + i).statusCode()).isEqualTo(200);
        }
        http.get("/actuator/resilience");

        assertThat(limiters.all().keySet()).noneMatch(id -> id.displayName().contains("/excluded/")
                || id.displayName().contains("/actuator"));
        assertThat(bulkheads.all().keySet()).noneMatch(id -> id.displayName().contains("/excluded/"));
    }

    @Test
    void requestsNoHandlerMatchedCreateNoInstance() throws Exception {
        assertThat(http.get("/no-such-route/42").statusCode()).isEqualTo(404);

        assertThat(limiters.all().keySet()).noneMatch(id -> id.displayName().contains("no-such-route"));
        assertThat(bulkheads.all().keySet()).noneMatch(id -> id.displayName().contains("no-such-route"));
    }

    @Test
    void theRateLimiterRefusesBeforeTheBulkheadIsAsked() throws Exception {
        freshPeriod();
        gate.arm(1);
        CompletableFuture<HttpResponse<String>> holding = http.getAsync("/both/holder");
        gate.awaitEntered();

        HttpResponse<String> refused = http.get("/both/second");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(bulkheads.get(HttpServerInstances.NAME, "GET /both/{id}").snapshot().rejectedCalls()).isZero();
        gate.open();
        assertThat(holding.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
}
