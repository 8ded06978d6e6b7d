package dev.resilience.spring.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HttpServerWebTest
@Tag("concurrency")
class HttpServerConcurrencyTests {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 5;
    private static final int SLOTS = 3;

    @LocalServerPort
    private int port;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    @Autowired
    private HttpServerTestApplication.InFlight inFlight;

    /**
     * Many clients at once on an endpoint with three slots: the controller never runs more than three
     * requests at once, every request is either served or refused with 503, the refusals counted by the
     * bulkhead are exactly the 503s, and once all are answered every slot is free again (each permit was
     * released exactly once; a double release would fail the bulkhead's count).
     */
    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void concurrentRequestsNeverExceedTheSlotsAndReleaseEachPermitOnce(ThreadKind kind) {
        Bulkhead bulkhead = bulkheads.get(HttpServerInstances.NAME, "GET /counted/{id}");
        long rejectedBefore = bulkhead.snapshot().rejectedCalls();
        inFlight.most.set(0);
        inFlight.reached.set(0);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Http http = new Http(port);

        Concurrently.run(kind, THREADS, Duration.ofSeconds(60), index -> {
            for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                int status = http.get("/counted/" + index + "-" + i).statusCode();
                assertThat(status).isIn(200, 503);
                (status == 200 ? served : refused).incrementAndGet();
            }
        });

        assertThat(served.get() + refused.get()).isEqualTo(THREADS * REQUESTS_PER_THREAD);
        assertThat(served.get()).isPositive().isEqualTo(inFlight.reached.get());
        assertThat(inFlight.most.get()).isBetween(1, SLOTS);
        assertThat(bulkhead.snapshot().rejectedCalls() - rejectedBefore).isEqualTo(refused.get());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(bulkhead.snapshot().activeCalls()).isZero());
    }
}
