package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentEventsTests {

    @Test
    void startsEmpty() {
        assertThat(new RecentEvents().newestFirst()).isEmpty();
    }

    @Test
    void listsEventsNewestFirst() {
        RecentEvents events = new RecentEvents();
        IntStream.range(0, 3).forEach(i -> events.add(new Tick(0, i)));

        assertThat(events.newestFirst()).extracting(event -> ((Tick) event).sequence()).containsExactly(2, 1, 0);
    }

    @Test
    void keepsOnlyTheLatestHundred() {
        RecentEvents events = new RecentEvents();
        IntStream.range(0, 250).forEach(i -> events.add(new Tick(0, i)));

        assertThat(events.newestFirst()).hasSize(RecentEvents.CAPACITY)
                .extracting(event -> ((Tick) event).sequence())
                .containsExactlyElementsOf(IntStream.iterate(249, i -> i - 1).limit(100).boxed().toList());
    }

    /** A test event: which writer made it and its number among that writer's events. */
    record Tick(int writer, int sequence) implements ResilienceEvent {
        @Override
        public EventType type() {
            return EventType.FAILURE;
        }

        @Override
        public String instanceName() {
            return "ticks";
        }

        @Override
        public long epochMillis() {
            return 0;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("writer", writer, "sequence", sequence);
        }
    }
}
