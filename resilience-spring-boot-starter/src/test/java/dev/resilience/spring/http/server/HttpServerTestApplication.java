package dev.resilience.spring.http.server;

import dev.resilience.time.ManualClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC application whose controllers the HTTP server tests call over a real port: plain routes,
 * routes that hold requests at a {@link Gate} until the test opens it (on the request thread or, for
 * {@code /async-held}, in a pending {@link CompletableFuture}), and a failing route. Time is a
 * {@link ManualClock}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HttpServerTestApplication.Routes.class)
class HttpServerTestApplication {

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    InFlight inFlight() {
        return new InFlight();
    }

    /** Counts the requests running in a controller at once, and the most there ever were. */
    static final class InFlight {

        final AtomicInteger current = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger reached = new AtomicInteger();

        String run() {
            reached.incrementAndGet();
            most.accumulateAndGet(current.incrementAndGet(), Math::max);
            // stays a moment so that requests overlap; the assertions do not depend on how long
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            current.decrementAndGet();
            return "counted";
        }
    }

    /** Holds requests until opened; counts the requests that reached a controller. Re-armed per test. */
    static final class Gate {

        private volatile CountDownLatch entered = new CountDownLatch(0);
        private volatile CountDownLatch open = new CountDownLatch(0);
        private volatile CompletableFuture<String> pending = new CompletableFuture<>();
        final AtomicInteger reached = new AtomicInteger();

        /** Expects {@code requests} requests to enter and holds them until {@link #open()}. */
        void arm(int requests) {
            entered = new CountDownLatch(requests);
            open = new CountDownLatch(1);
            pending = new CompletableFuture<>();
            reached.set(0);
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("requests did not reach the controller");
            }
        }

        void open() {
            open.countDown();
            pending.complete("async done");
        }

        String hold() throws InterruptedException {
            reached.incrementAndGet();
            entered.countDown();
            if (!open.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            return "held";
        }

        CompletableFuture<String> holdAsync() {
            reached.incrementAndGet();
            entered.countDown();
            return pending;
        }
    }

    @RestController
    static class Routes {

        private final Gate gate;
        private final InFlight inFlight;

        Routes(Gate gate, InFlight inFlight) {
            this.gate = gate;
            this.inFlight = inFlight;
        }

        @GetMapping("/orders/{id}")
        String order(@PathVariable String id) {
            return "order " + id;
        }

        @GetMapping("/limited/{id}")
        String limited(@PathVariable String id) {
            gate.reached.incrementAndGet();
            return "limited " + id;
        }

        @GetMapping("/excluded/{id}")
        String excluded(@PathVariable String id) {
            return "excluded " + id;
        }

        @GetMapping("/held/{id}")
        String held(@PathVariable String id) throws InterruptedException {
            return gate.hold();
        }

        @GetMapping("/async-held/{id}")
        CompletableFuture<String> asyncHeld(@PathVariable String id) {
            return gate.holdAsync();
        }

        @GetMapping("/both/{id}")
        String both(@PathVariable String id) throws InterruptedException {
            return gate.hold();
        }

        @GetMapping("/failing/{id}")
        String failing(@PathVariable String id) {
            throw new IllegalStateException("failing " + id);
        }

        @GetMapping("/counted/{id}")
        String counted(@PathVariable String id) {
            return inFlight.run();
        }
    }
}
