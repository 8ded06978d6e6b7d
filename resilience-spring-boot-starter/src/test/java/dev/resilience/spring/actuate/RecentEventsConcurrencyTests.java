package dev.resilience.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.event.ResilienceEvent;
import dev.resilience.spring.actuate.RecentEventsTests.Tick;
import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class RecentEventsConcurrencyTests {

    private static final int WRITERS = 6;
    private static final int READERS = 2;
    private static final int EVENTS_PER_WRITER = 20_000;

    static List<ThreadKind> kinds() {
        return ThreadKind.available();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readersSeeEachEventOnceNewestFirstWhileWritersRace(ThreadKind kind) {
        RecentEvents events = new RecentEvents();
        AtomicInteger writersDone = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();

        Concurrently.run(kind, WRITERS + READERS, Duration.ofSeconds(30), index -> {
            if (index < WRITERS) {
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    events.add(new Tick(index, i));
                }
                writersDone.incrementAndGet();
            } else {
                do {
                    assertConsistent(events.newestFirst());
                    reads.incrementAndGet();
                } while (writersDone.get() < WRITERS);
            }
        });

        List<ResilienceEvent> last = events.newestFirst();
        assertThat(last).hasSize(RecentEvents.CAPACITY);
        assertConsistent(last);
        // the kept events are the newest: per writer, a run that ends with its last event
        Map<Integer, List<Integer>> byWriter = new HashMap<>();
        last.forEach(event -> byWriter.computeIfAbsent(((Tick) event).writer(), w -> new ArrayList<>())
                .add(((Tick) event).sequence()));
        byWriter.values().forEach(sequences -> {
            assertThat(sequences.get(0)).isEqualTo(EVENTS_PER_WRITER - 1);
            assertThat(sequences.get(sequences.size() - 1)).isEqualTo(EVENTS_PER_WRITER - sequences.size());
        });
        assertThat(reads.get()).isPositive();
    }

    private static void assertConsistent(List<ResilienceEvent> snapshot) {
        assertThat(snapshot.size()).isLessThanOrEqualTo(RecentEvents.CAPACITY);
        Set<Tick> seen = new HashSet<>();
        Map<Integer, Integer> previousByWriter = new HashMap<>();
        for (ResilienceEvent event : snapshot) {
            Tick tick = (Tick) event;
            assertThat(seen.add(tick)).as("seen once: %s", tick).isTrue();
            Integer previous = previousByWriter.put(tick.writer(), tick.sequence());
            if (previous != null) {
                assertThat(tick.sequence()).as("newest first within writer %d", tick.writer()).isLessThan(previous);
            }
        }
    }
}
