package dev.resilience.spring.context;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.util.ClassUtils;

/**
 * {@link ContextPropagator} over Micrometer's context-propagation: captures every {@code ThreadLocalAccessor}
 * of the global {@link ContextRegistry} (Spring Security and Micrometer Observation register theirs through
 * {@code ServiceLoader}; the whole SLF4J MDC is added here when no MDC accessor is registered). Restoring
 * clears the thread locals the capture did not hold ({@code clearMissing}), so a pooled thread never lends
 * its own leftovers to a call. Loaded only when the library is present. Thread safe.
 */
final class MicrometerContextPropagator implements ContextPropagator {

    private final ContextSnapshotFactory snapshots;

    private MicrometerContextPropagator(ContextSnapshotFactory snapshots) {
        this.snapshots = snapshots;
    }

    static MicrometerContextPropagator create(ClassLoader classLoader) {
        ContextRegistry registry = ContextRegistry.getInstance();
        if (ClassUtils.isPresent("org.slf4j.MDC", classLoader)
                && !hasAccessor(registry, Slf4jThreadLocalAccessor.KEY)) {
            registry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
        }
        return new MicrometerContextPropagator(
                ContextSnapshotFactory.builder().contextRegistry(registry).clearMissing(true).build());
    }

    private static boolean hasAccessor(ContextRegistry registry, Object key) {
        for (ThreadLocalAccessor<?> accessor : registry.getThreadLocalAccessors()) {
            if (key.equals(accessor.key())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Captured capture() {
        return new Snapshot(snapshots.captureAll());
    }

    /** One capture; the snapshot is immutable and may be restored on several threads at once. */
    private record Snapshot(ContextSnapshot snapshot) implements Captured {

        @Override
        public Scope restore() {
            return snapshot.setThreadLocals()::close;
        }
    }
}
