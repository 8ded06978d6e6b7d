package dev.resilience.spring.healthcheck;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The health checks of every circuit breaker with a {@code health-check} section: one
 * {@link HealthCheckPoller} per breaker name, started with the application context (after every bean
 * exists, so the health contributors are registered) and stopped when it closes. A contributor that is not
 * registered at start fails startup, naming the yml path and the value.
 *
 * <p>Probes do their work on one daemon thread pool this bean owns ({@code resilience-health-check-N}):
 * URL checks are sent with {@link HttpClient#sendAsync} on it, contributor checks run their (possibly
 * blocking) {@code health()} on it. It exists only when some breaker has a health check, and is shut
 * down on {@link #stop()}. Thread safe.
 */
public final class HealthChecks implements SmartLifecycle {

    private final List<HealthCheckSpec> specs;
    private final InstanceRegistry<CircuitBreaker> registry;
    private final Scheduler scheduler;
    private final TimeSource timeSource;
    private final Supplier<ContributorProbes> contributors;
    /** Replaced as a whole on start, so the endpoint reads it without a lock. */
    private volatile Map<String, HealthCheckPoller> pollers = Map.of();
    private ExecutorService executor;
    private volatile boolean running;

    /**
     * @param specs the validated sections (see {@link HealthCheckSpecs#read})
     * @param registry the circuit breakers
     * @param scheduler runs the checks' timers
     * @param timeSource gives the {@code since} times
     * @param contributors makes contributor probes; returns {@code null} when Spring Boot's health support is absent
     */
    public HealthChecks(List<HealthCheckSpec> specs, InstanceRegistry<CircuitBreaker> registry, Scheduler scheduler,
            TimeSource timeSource, Supplier<ContributorProbes> contributors) {
        this.specs = List.copyOf(specs);
        this.registry = registry;
        this.scheduler = scheduler;
        this.timeSource = timeSource;
        this.contributors = contributors;
    }

    /**
     * Builds a probe per section and schedules each first check.
     *
     * @throws InvalidPropertyException if a contributor is not registered, or contributors are not supported
     */
    @Override
    public synchronized void start() {
        if (running || specs.isEmpty()) {
            running = true;
            return;
        }
        executor = Executors.newCachedThreadPool(daemonThreads());
        Map<String, HealthCheckPoller> created = new LinkedHashMap<>();
        try {
            for (HealthCheckSpec spec : specs) {
                HealthProbe probe = spec.url() != null ? urlProbe(spec) : contributorProbe(spec);
                created.put(spec.breaker(), new HealthCheckPoller(spec, probe, registry, scheduler, timeSource));
            }
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
        pollers = Map.copyOf(created);
        created.values().forEach(HealthCheckPoller::start);
        running = true;
    }

    /** One client per URL, so that each connects within its own timeout; redirects are not followed (a 3xx is unhealthy). */
    private HealthProbe urlProbe(HealthCheckSpec spec) {
        HttpClient client = HttpClient.newBuilder().executor(executor).connectTimeout(spec.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new UrlHealthProbe(spec.url(), spec.timeout(), client);
    }

    private HealthProbe contributorProbe(HealthCheckSpec spec) {
        ContributorProbes probes = contributors.get();
        if (probes == null) {
            throw new InvalidPropertyException(spec.path() + ".contributor", spec.contributor(),
                    "needs Spring Boot's health support (spring-boot-health, brought by spring-boot-starter-actuator)",
                    null, null);
        }
        try {
            return probes.probe(spec.contributor(), executor);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException(spec.path() + ".contributor", spec.contributor(), e.getMessage(), null, e);
        }
    }

    /** Cancels every pending check and shuts the probes' threads down; checks in flight end without effect. */
    @Override
    public synchronized void stop() {
        pollers.values().forEach(HealthCheckPoller::stop);
        if (executor != null) {
            executor.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The health-check status of a breaker, for the endpoint.
     *
     * @param breakerName the breaker's name, without a key
     * @return its status, or empty if it has no health check (or polling has not started)
     */
    public Optional<HealthCheckStatus> status(String breakerName) {
        HealthCheckPoller poller = pollers.get(breakerName);
        return poller == null ? Optional.empty() : Optional.of(poller.status());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "resilience-health-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
