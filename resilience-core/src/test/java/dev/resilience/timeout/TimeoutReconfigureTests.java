package dev.resilience.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.TimeoutExceededException;
import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TimeoutReconfigureTests {

    private final ManualClock clock = new ManualClock();

    private static TimeoutConfig config(Duration duration) {
        return TimeoutConfig.builder().duration(duration).cancelRunning(false).build();
    }

    @Test
    void aCallInFlightKeepsItsDeadlineAndLaterCallsUseTheNewDuration() {
        Timeout timeout = Timeout.of("slow", config(Duration.ofSeconds(1)), clock, clock);
        Timeout.Call inFlight = timeout.start();

        timeout.reconfigure(config(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(inFlight::onSuccess).isInstanceOf(TimeoutExceededException.class);
        Timeout.Call later = timeout.start();
        clock.advance(Duration.ofSeconds(4));
        later.onSuccess();
        assertThat(timeout.snapshot().timedOutCalls()).isEqualTo(1);
        assertThat(timeout.snapshot().successfulCalls()).isEqualTo(1);
        assertThat(timeout.snapshot().duration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAsynchronousCallInFlightKeepsItsDeadline() {
        Timeout timeout = Timeout.of("slow", config(Duration.ofSeconds(1)), clock, clock);
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<String> inFlight = timeout.callAsync(() -> never);

        timeout.reconfigure(config(Duration.ofSeconds(5)));
        CompletableFuture<String> later = timeout.callAsync(CompletableFuture::new);
        clock.advance(Duration.ofSeconds(1));

        assertThat(inFlight).isCompletedExceptionally();
        assertThat(later).isNotDone();
        clock.advance(Duration.ofSeconds(4));
        assertThat(later).isCompletedExceptionally();
    }

    @Test
    void publishesWhoChangedWhat() {
        Timeout timeout = Timeout.of("slow", config(Duration.ofSeconds(1)), clock, clock);
        List<ResilienceEvent> events = new ArrayList<>();
        timeout.events().subscribeAny(EnumSet.of(EventType.CONFIG_CHANGED), events::add);

        TimeoutConfig old = timeout.reconfigure(config(Duration.ofMillis(250)), "ops");

        assertThat(old.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(events).singleElement().isInstanceOfSatisfying(ConfigChangedEvent.class, event -> {
            assertThat(event.principal()).isEqualTo("ops");
            assertThat(event.oldValues()).isEqualTo(Map.of("duration", "PT1S"));
            assertThat(event.newValues()).isEqualTo(Map.of("duration", "PT0.25S"));
        });
    }
}
