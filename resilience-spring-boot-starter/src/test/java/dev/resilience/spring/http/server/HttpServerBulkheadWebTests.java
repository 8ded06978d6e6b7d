package dev.resilience.spring.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.registry.InstanceRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HttpServerWebTest
class HttpServerBulkheadWebTests {

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private HttpServerTestApplication.Gate gate;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private Bulkhead bulkhead(String endpoint) {
        return bulkheads.get(HttpServerInstances.NAME, endpoint);
    }

    /** The client may read a response before the server has finished the request and released its slot. */
    private void awaitNoActiveCalls(String endpoint) {
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(bulkhead(endpoint).snapshot().activeCalls()).isZero());
    }

    @Test
    void refusesWith503WhileEverySlotIsHeldAndAdmitsAgainOnceReleased() throws Exception {
        gate.arm(2);
        CompletableFuture<HttpResponse<String>> first = http.getAsync("/held/1");
        CompletableFuture<HttpResponse<String>> second = http.getAsync("/held/2");
        gate.awaitEntered();

        HttpResponse<String> refused = http.get("/held/3");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:resilience:problem:bulkhead-full");
        assertThat(JsonPath.<Integer>read(refused.body(), "$.status")).isEqualTo(503);
        assertThat(JsonPath.<String>read(refused.body(), "$.bulkhead")).isEqualTo("http-server[GET /held/{id}]");
        assertThat(JsonPath.<Integer>read(refused.body(), "$.retryAfterSeconds")).isEqualTo(2);
        assertThat(JsonPath.<String>read(refused.body(), "$.instance")).isEqualTo("/held/3");
        assertThat(gate.reached).hasValue(2);
        assertThat(bulkhead("GET /held/{id}").snapshot().activeCalls()).isEqualTo(2);

        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        awaitNoActiveCalls("GET /held/{id}");
        assertThat(http.get("/held/4").statusCode()).isEqualTo(200);
    }

    @Test
    void anAsyncRequestHoldsItsSlotUntilItCompletes() throws Exception {
        gate.arm(1);
        CompletableFuture<HttpResponse<String>> pending = http.getAsync("/async-held/1");
        gate.awaitEntered();

        HttpResponse<String> refused = http.get("/async-held/2");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(bulkhead("GET /async-held/{id}").snapshot().activeCalls()).isEqualTo(1);
        gate.open();
        HttpResponse<String> completed = pending.get(10, TimeUnit.SECONDS);
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).isEqualTo("async done");
        awaitNoActiveCalls("GET /async-held/{id}");
        assertThat(http.get("/async-held/3").statusCode()).isEqualTo(200);
        awaitNoActiveCalls("GET /async-held/{id}");
    }

    @Test
    void aFailingRequestGivesItsSlotBack() throws Exception {
        assertThat(http.get("/failing/1").statusCode()).isEqualTo(500);
        awaitNoActiveCalls("GET /failing/{id}");
        assertThat(http.get("/failing/2").statusCode()).isEqualTo(500);

        awaitNoActiveCalls("GET /failing/{id}");
        assertThat(bulkhead("GET /failing/{id}").snapshot().rejectedCalls()).isZero();
    }
}
