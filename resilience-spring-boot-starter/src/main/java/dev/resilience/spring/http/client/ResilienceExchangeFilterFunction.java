package dev.resilience.spring.http.client;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.retry.Retry;
import dev.resilience.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * The {@code WebClient} counterpart of {@link ResilienceClientHttpRequestInterceptor}, with the same
 * keys, classification, retry rules and {@code Retry-After} handling, and never blocking a thread: the
 * bulkhead slot is taken with {@link Bulkhead#acquirePermitAsync()}, and the wait before a retry is a task
 * on the library's {@link Scheduler} (a {@link dev.resilience.time.ManualClock} in tests). A failed response
 * that is retried has its body released; the last one is returned, so {@code retrieve()} handles its status
 * as usual. Rejections arrive as {@link dev.resilience.CircuitBreakerOpenException} and
 * {@link dev.resilience.BulkheadFullException} errors. Cancelling the exchange gives the slot and the
 * breaker permit back without recording an outcome, and cancels a pending retry wait.
 *
 * <p>Thread safe and stateless; each exchange allocates its own small Reactor pipeline.
 */
public final class ResilienceExchangeFilterFunction implements ExchangeFilterFunction {

    /** The request attribute under which {@code WebClient} records the URI template of a request. */
    static final String URI_TEMPLATE_ATTRIBUTE = "org.springframework.web.reactive.function.client.WebClient.uriTemplate";

    private final HttpClientInstances instances;
    private final Scheduler scheduler;

    /**
     * Creates the filter.
     *
     * @param instances the per-key instances
     * @param scheduler where retry waits are scheduled
     */
    public ResilienceExchangeFilterFunction(HttpClientInstances instances, Scheduler scheduler) {
        this.instances = instances;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            String key = instances.keyOf(request.url(), request.attributes().get(URI_TEMPLATE_ATTRIBUTE));
            Exchange exchange = new Exchange(instances.breaker(key), instances.bulkhead(key), request, next);
            if (!instances.retries(request.method().name())) {
                return exchange.attempt();
            }
            return retrying(exchange, instances.retry(key).start());
        });
    }

    /**
     * One attempt and, depending on its one signal, the next. The signal is materialized so that the mono
     * returned for it (which holds the later attempts) is never handled again by this attempt's operators.
     */
    private Mono<ClientResponse> retrying(Exchange exchange, Retry.Context retry) {
        return exchange.attempt().materialize().flatMap(signal -> {
            if (signal.isOnNext()) {
                return afterResponse(exchange, retry, signal.get());
            }
            if (signal.isOnError()) {
                Throwable error = signal.getThrowable();
                long delay = retry.onFailure(error);
                if (delay < 0) {
                    return Mono.error(error);
                }
                return waitFor(delay).then(Mono.defer(() -> retrying(exchange, retry)));
            }
            return Mono.empty();
        });
    }

    private Mono<ClientResponse> afterResponse(Exchange exchange, Retry.Context retry, ClientResponse response) {
        int status = response.statusCode().value();
        if (!exchange.breaker.config().failureStatusCodes().contains(status)) {
            retry.onSuccess();
            return Mono.just(response);
        }
        FailureStatusException failure = new FailureStatusException(exchange.breaker.name(), status);
        long delay = retry.onFailure(failure, exchange.retryAfterNanos(status, response.headers().asHttpHeaders()));
        if (delay < 0) {
            return Mono.just(response);
        }
        return response.releaseBody().then(waitFor(delay)).then(Mono.defer(() -> retrying(exchange, retry)));
    }

    private Mono<Void> waitFor(long delayNanos) {
        if (delayNanos == 0) {
            return Mono.empty();
        }
        return Mono.create(sink -> {
            Scheduler.Cancellable task = scheduler.schedule(sink::success, delayNanos);
            sink.onCancel(task::cancel);
        });
    }

    /** The instances and request of one exchange. */
    private static final class Exchange {

        final CircuitBreaker breaker;
        private final Bulkhead bulkhead;
        private final ClientRequest request;
        private final ExchangeFunction next;

        Exchange(CircuitBreaker breaker, Bulkhead bulkhead, ClientRequest request, ExchangeFunction next) {
            this.breaker = breaker;
            this.bulkhead = bulkhead;
            this.request = request;
            this.next = next;
        }

        long retryAfterNanos(int status, HttpHeaders headers) {
            return RetryAfter.nanos(status, headers.getFirst(HttpHeaders.RETRY_AFTER), breaker.timeSource());
        }

        /** Breaker permit, then bulkhead slot, then the exchange; outcomes recorded once, slot given back once. */
        Mono<ClientResponse> attempt() {
            return Mono.defer(() -> {
                CircuitBreaker.Permit permit = breaker.acquirePermit();
                long start = breaker.timeSource().nanoTime();
                CompletableFuture<Bulkhead.Permit> slot = bulkhead.acquirePermitAsync().toCompletableFuture();
                // set by whichever of outcome, error or cancellation comes first, so each is reported once
                AtomicBoolean over = new AtomicBoolean();
                return Mono.fromFuture(slot)
                        .doOnError(rejected -> {
                            if (over.compareAndSet(false, true)) {
                                permit.onError(start, rejected);
                            }
                        })
                        .flatMap(held -> next.exchange(request)
                                .doOnNext(response -> {
                                    if (over.compareAndSet(false, true)) {
                                        held.release();
                                        int status = response.statusCode().value();
                                        permit.onStatus(start, status, retryAfterNanos(status, response.headers().asHttpHeaders()));
                                    }
                                })
                                .doOnError(error -> {
                                    if (over.compareAndSet(false, true)) {
                                        held.release();
                                        permit.onError(start, error);
                                    }
                                }))
                        .doOnCancel(() -> {
                            if (over.compareAndSet(false, true)) {
                                // a slot handed over before the cancel is ours to give back
                                if (!slot.cancel(false) && !slot.isCompletedExceptionally()) {
                                    slot.join().release();
                                }
                                permit.release();
                            }
                        });
            });
        }
    }
}
