package dev.resilience.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.BulkheadFullException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.TimeoutExceededException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerClassificationTests {

    /** A result carrying an HTTP status, as a {@code ResponseEntity} would. */
    record Response(int status) {
    }

    /** An exception carrying an HTTP status, as a {@code RestClientResponseException} would. */
    static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status) {
            super("status " + status);
            this.status = status;
        }
    }

    /** A rate limiter rejection from a subclass, to check that subclasses are ignored too. */
    static final class CustomRateLimitExceeded extends RateLimitExceededException {
        private static final long serialVersionUID = 1L;

        CustomRateLimitExceeded() {
            super("inner", Duration.ofSeconds(1), false);
        }
    }

    private static final StatusResolver HTTP = value -> {
        if (value instanceof Response response) {
            return response.status();
        }
        if (value instanceof HttpError error) {
            return error.status;
        }
        return -1;
    };

    private static BreakerFixture breaker(CircuitBreakerConfig.Builder config) {
        return new BreakerFixture(config.slidingWindowSize(100).minimumNumberOfCalls(100).statusResolver(HTTP));
    }

    private static CircuitBreakerConfig.Builder defaults() {
        return CircuitBreakerConfig.builder();
    }

    @Test
    void everyExceptionIsAFailureByDefault() {
        BreakerFixture f = breaker(defaults());
        f.throwing(new IllegalStateException());
        f.throwing(new TimeoutExceededException("inner", Duration.ofSeconds(1), false));

        assertThat(f.breaker.snapshot().failedCalls()).isEqualTo(2);
    }

    @Test
    void withRecordExceptionsOnlyThoseAndTheirSubclassesAreFailures() {
        BreakerFixture f = breaker(defaults().recordExceptions(List.of(IOException.class)));
        f.throwing(new IOException());
        f.throwing(new FileNotFoundException());
        f.throwing(new IllegalStateException());
        f.throwing(new UncheckedIOException(new IOException()));

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.failedCalls()).isEqualTo(2);
        assertThat(snapshot.bufferedCalls()).isEqualTo(4);
        assertThat(snapshot.successfulCalls()).isEqualTo(2);
    }

    @Test
    void ignoredExceptionsAreNotRecordedAndWinOverRecordExceptions() {
        BreakerFixture f = breaker(defaults()
                .recordExceptions(List.of(IOException.class))
                .ignoreExceptions(List.of(FileNotFoundException.class)));
        f.throwing(new FileNotFoundException());
        f.throwing(new IOException());

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.bufferedCalls()).isEqualTo(1);
        assertThat(snapshot.failedCalls()).isEqualTo(1);
        assertThat(snapshot.ignoredCalls()).isEqualTo(1);
        assertThat(f.eventsOf(CircuitBreakerEvent.Ignored.class))
                .extracting(CircuitBreakerEvent.Ignored::exception)
                .containsExactly(FileNotFoundException.class.getName());
    }

    @Test
    void bulkheadAndRateLimiterRejectionsAreAlwaysIgnored() {
        BreakerFixture f = breaker(defaults());
        f.throwing(new BulkheadFullException("inner", BulkheadFullException.Reason.QUEUE_FULL, false));
        f.throwing(new RateLimitExceededException("inner", Duration.ofSeconds(1), false));
        f.throwing(new CustomRateLimitExceeded());

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.bufferedCalls()).isZero();
        assertThat(snapshot.ignoredCalls()).isEqualTo(3);
    }

    @Test
    void aResultWithAFailureStatusIsAFailureAndOtherStatusesAreSuccesses() {
        BreakerFixture f = breaker(defaults());
        f.returning(new Response(503));
        f.returning(new Response(429));
        f.returning(new Response(404));
        f.returning(new Response(200));
        f.returning(null);
        f.returning("plain value");

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.failedCalls()).isEqualTo(2);
        assertThat(snapshot.successfulCalls()).isEqualTo(4);
        assertThat(f.eventsOf(CircuitBreakerEvent.Failure.class))
                .extracting(CircuitBreakerEvent.Failure::status, CircuitBreakerEvent.Failure::exception)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(503, null),
                        org.assertj.core.groups.Tuple.tuple(429, null));
    }

    @Test
    void anExceptionCarryingAStatusIsClassifiedByTheStatusWhateverTheRecordList() {
        BreakerFixture f = breaker(defaults().recordExceptions(List.of(IOException.class)));
        f.throwing(new HttpError(404));
        f.throwing(new HttpError(500));

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.successfulCalls()).as("404 is a success").isEqualTo(1);
        assertThat(snapshot.failedCalls()).as("500 is a failure though not in record-exceptions").isEqualTo(1);
        assertThat(f.eventsOf(CircuitBreakerEvent.Failure.class).get(0).status()).isEqualTo(500);
    }

    @Test
    void ignoreExceptionsWinOverStatusCodes() {
        BreakerFixture f = breaker(defaults().ignoreExceptions(List.of(HttpError.class)));
        f.throwing(new HttpError(500));

        assertThat(f.breaker.snapshot().ignoredCalls()).isEqualTo(1);
        assertThat(f.breaker.snapshot().bufferedCalls()).isZero();
    }

    @Test
    void aUsersStatusListReplacesTheDefaultList() {
        BreakerFixture f = breaker(defaults().failureStatusCodes(StatusCodeSet.parse(List.of("404", "418-420"))));
        f.returning(new Response(500));
        f.throwing(new HttpError(503));
        f.returning(new Response(404));
        f.throwing(new HttpError(419));

        CircuitBreakerSnapshot snapshot = f.breaker.snapshot();
        assertThat(snapshot.successfulCalls()).isEqualTo(2);
        assertThat(snapshot.failedCalls()).isEqualTo(2);
    }

    @Test
    void withoutAStatusResolverResultsAreSuccesses() {
        BreakerFixture f = new BreakerFixture(defaults());
        f.returning(new Response(500));

        assertThat(f.breaker.snapshot().successfulCalls()).isEqualTo(1);
    }
}
