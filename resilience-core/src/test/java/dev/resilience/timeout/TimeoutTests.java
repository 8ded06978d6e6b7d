package dev.resilience.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.resilience.TimeoutExceededException;
import dev.resilience.event.EventType;
import dev.resilience.time.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutTests {

    private final ManualClock clock = new ManualClock();

    private Timeout timeout(String name, Duration duration) {
        return Timeout.of(name, TimeoutConfig.builder().duration(duration).build(), clock, clock);
    }

    private Timeout timeout(Duration duration, boolean cancelRunning) {
        return Timeout.of("slow", TimeoutConfig.builder().duration(duration).cancelRunning(cancelRunning).build(),
                clock, clock);
    }

    /** Runs the call on a new thread; the future holds what the call returned or threw. */
    private static CompletableFuture<Object> onAnotherThread(Supplier<Object> call) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(call.get());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    @AfterEach
    void leavesTheTestThreadUninterrupted() {
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aCallThatFinishesInTimeReturnsItsResultAndCancelsItsTimer() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));

        String result = timeout.get(() -> {
            assertThat(clock.pendingTasks()).isEqualTo(1);
            clock.advance(Duration.ofMillis(999));
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(clock.pendingTasks()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 1, 0, 0));
    }

    @Test
    void aBlockedCallIsInterruptedAtTheDeadlineAndItsCallerGetsTimeoutExceeded() throws Exception {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interruptClearedAfterwards = new AtomicBoolean();
        CompletableFuture<Object> outcome = onAnotherThread(() -> {
            try {
                return timeout.call(() -> {
                    never.await();
                    return "unreachable";
                });
            } catch (Exception e) {
                interruptClearedAfterwards.set(!Thread.currentThread().isInterrupted());
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.pendingTasks() == 1);

        clock.advance(Duration.ofSeconds(1));

        assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingRootCause()
                .isInstanceOf(TimeoutExceededException.class);
        TimeoutExceededException exceeded = (TimeoutExceededException) outcome.handle((v, e) -> e.getCause()).get();
        assertThat(exceeded.getName()).isEqualTo("slow");
        assertThat(exceeded.getTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(exceeded.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(exceeded.getStackTrace()).isEmpty();
        assertThat(interruptClearedAfterwards).isTrue();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 1));
    }

    @Test
    void aCallPastTheDeadlineSeesTheInterruptAndItsLateResultIsDiscarded() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        AtomicBoolean sawInterrupt = new AtomicBoolean();

        assertThatThrownBy(() -> timeout.get(() -> {
            clock.advance(Duration.ofSeconds(1));
            sawInterrupt.set(Thread.currentThread().isInterrupted());
            return "late";
        })).isInstanceOf(TimeoutExceededException.class);

        assertThat(sawInterrupt).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not outlive the call").isFalse();
    }

    @Test
    void aMethodThatIgnoresInterruptsCannotBeStoppedItsCallerGetsTheExceptionWhenItReturns() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        AtomicBoolean release = new AtomicBoolean();
        CompletableFuture<Object> outcome = onAnotherThread(() -> timeout.get(() -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return "late";
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.pendingTasks() == 1);

        clock.advance(Duration.ofSeconds(5));

        assertThat(outcome).isNotDone();
        assertThat(timeout.snapshot().timedOutCalls()).as("counted at the deadline").isEqualTo(1);
        release.set(true);
        assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(TimeoutExceededException.class);
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 1));
    }

    @Test
    void anExceptionBeforeTheDeadlineReachesTheCallerAsIs() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        IOException failure = new IOException("refused");

        assertThatThrownBy(() -> timeout.call(() -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 1, 0));
    }

    @Test
    void anExceptionAfterTheDeadlineBecomesTimeoutExceededWithTheLateFailureSuppressed() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        IllegalStateException late = new IllegalStateException("late");

        assertThatThrownBy(() -> timeout.run(() -> {
            clock.advance(Duration.ofSeconds(2));
            throw late;
        })).isInstanceOfSatisfying(TimeoutExceededException.class,
                e -> assertThat(e.getSuppressed()).containsExactly(late));

        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 1));
    }

    @Test
    void withoutCancelRunningNothingIsScheduledAndNothingInterrupted() {
        Timeout timeout = timeout(Duration.ofSeconds(1), false);
        AtomicBoolean sawInterrupt = new AtomicBoolean();

        assertThatThrownBy(() -> timeout.get(() -> {
            assertThat(clock.pendingTasks()).isZero();
            clock.advance(Duration.ofSeconds(1));
            sawInterrupt.set(Thread.currentThread().isInterrupted());
            return "late";
        })).isInstanceOf(TimeoutExceededException.class);
        assertThat(timeout.get(() -> {
            clock.advance(Duration.ofMillis(999));
            return "ok";
        })).isEqualTo("ok");

        assertThat(sawInterrupt).isFalse();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 1, 0, 1));
    }

    @Test
    void anInterruptFromElsewhereBeforeTheDeadlineIsLeftAlone() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));

        assertThatThrownBy(() -> timeout.run(() -> {
            Thread.currentThread().interrupt();
            clock.advance(Duration.ofSeconds(1));
        })).isInstanceOf(TimeoutExceededException.class);

        assertThat(Thread.interrupted()).as("the interrupt that was there before the deadline").isTrue();
    }

    @Test
    void aNestedTimeoutNeverGetsMoreTimeThanTheEnclosingOneHasLeft() {
        Timeout outer = timeout("outer", Duration.ofSeconds(1));
        Timeout inner = timeout("inner", Duration.ofSeconds(5));
        AtomicReference<TimeoutExceededException> innerFailure = new AtomicReference<>();

        assertThatThrownBy(() -> outer.get(() -> {
            clock.advance(Duration.ofMillis(600));
            try {
                inner.get(() -> {
                    clock.advance(Duration.ofMillis(400));
                    return "late";
                });
            } catch (TimeoutExceededException e) {
                innerFailure.set(e);
            }
            return "outer";
        })).isInstanceOfSatisfying(TimeoutExceededException.class, e -> assertThat(e.getName()).isEqualTo("outer"));

        assertThat(innerFailure.get().getName()).isEqualTo("inner");
        assertThat(innerFailure.get().getTimeout()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aNestedTimeoutShorterThanWhatIsLeftKeepsItsOwnDuration() {
        Timeout outer = timeout("outer", Duration.ofSeconds(1));
        Timeout inner = timeout("inner", Duration.ofMillis(100));

        assertThat(outer.get(() -> {
            assertThatThrownBy(() -> inner.run(() -> clock.advance(Duration.ofMillis(100))))
                    .isInstanceOfSatisfying(TimeoutExceededException.class,
                            e -> assertThat(e.getTimeout()).isEqualTo(Duration.ofMillis(100)));
            return "outer survives";
        })).isEqualTo("outer survives");
    }

    @Test
    void anEnclosingTimeoutsInterruptSurvivesTheNestedOnesCleanupAndNothingOutlivesTheOuterCall() {
        Timeout outer = timeout("outer", Duration.ofSeconds(1));
        Timeout inner = timeout("inner", Duration.ofMillis(500));
        AtomicBoolean interruptedAfterInner = new AtomicBoolean();

        assertThatThrownBy(() -> outer.run(() -> {
            assertThatThrownBy(() -> inner.run(() -> clock.advance(Duration.ofSeconds(2))))
                    .isInstanceOf(TimeoutExceededException.class);
            interruptedAfterInner.set(Thread.currentThread().isInterrupted());
        })).isInstanceOfSatisfying(TimeoutExceededException.class, e -> assertThat(e.getName()).isEqualTo("outer"));

        assertThat(interruptedAfterInner).as("the outer call is still being cancelled").isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aNestedTimeoutFailsAtOnceWhenTheEnclosingOneHasNoTimeLeft() {
        Timeout outer = timeout(Duration.ofSeconds(1), false);
        Timeout inner = timeout("inner", Duration.ofSeconds(5));
        AtomicBoolean innerRan = new AtomicBoolean();

        assertThatThrownBy(() -> outer.run(() -> {
            clock.advance(Duration.ofSeconds(1));
            inner.run(() -> innerRan.set(true));
        })).isInstanceOf(TimeoutExceededException.class);

        assertThat(innerRan).isFalse();
        assertThat(inner.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(5), 0, 0, 1));
    }

    @Test
    void theEnclosingDeadlineIsForgottenWhenTheOuterCallEnds() {
        Timeout outer = timeout("outer", Duration.ofSeconds(1));
        Timeout inner = timeout("inner", Duration.ofSeconds(5));
        outer.run(() -> inner.run(() -> clock.advance(Duration.ofMillis(10))));

        assertThatThrownBy(() -> inner.run(() -> clock.advance(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(TimeoutExceededException.class,
                        e -> assertThat(e.getTimeout()).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void eventsDescribeEachOutcome() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        List<TimeoutEvent> events = new CopyOnWriteArrayList<>();
        timeout.events().subscribe(events::add);

        timeout.run(() -> clock.advance(Duration.ofMillis(250)));
        assertThatThrownBy(() -> timeout.run(() -> {
            clock.advance(Duration.ofMillis(40));
            throw new IllegalArgumentException("bad");
        }));
        assertThatThrownBy(() -> timeout.run(() -> clock.advance(Duration.ofSeconds(3))));

        assertThat(events).extracting(TimeoutEvent::type)
                .containsExactly(EventType.SUCCESS, EventType.FAILURE, EventType.TIMED_OUT);
        assertThat(events.get(0).details()).isEqualTo(Map.of("durationMs", 250L));
        assertThat(events.get(1).details()).containsExactly(Map.entry("durationMs", 40L),
                Map.entry("exception", "java.lang.IllegalArgumentException"));
        assertThat(events.get(2).details()).isEqualTo(Map.of("timeoutMs", 1000L));
        assertThat(events).allSatisfy(e -> assertThat(e.instanceName()).isEqualTo("slow"));
    }

    @Test
    void statisticsAreDisjointAndResetClearsThem() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        timeout.run(() -> { });
        assertThatThrownBy(() -> timeout.run(() -> {
            throw new IllegalStateException();
        }));
        assertThatThrownBy(() -> timeout.run(() -> {
            clock.advance(Duration.ofSeconds(1));
            throw new IllegalStateException();
        }));

        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 1, 1, 1));
        assertThat(timeout.snapshot().calls()).isEqualTo(3);
        timeout.reset();
        assertThat(timeout.snapshot()).isEqualTo(new TimeoutSnapshot(Duration.ofSeconds(1), 0, 0, 0));
    }

    @Test
    void aCallTakesExactlyOneOutcome() {
        Timeout timeout = timeout("slow", Duration.ofSeconds(1));
        Timeout.Call call = timeout.start();
        call.onSuccess();

        assertThatThrownBy(call::onSuccess).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> call.onError(new IOException())).isInstanceOf(IllegalStateException.class);
        assertThat(timeout.snapshot().calls()).isEqualTo(1);
    }

    @Test
    void writableStackTraceIsHonoured() {
        Timeout timeout = Timeout.of("slow", TimeoutConfig.builder().writableStackTrace(true).build(), clock, clock);

        assertThatThrownBy(() -> timeout.run(() -> clock.advance(Duration.ofSeconds(1))))
                .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
    }
}
