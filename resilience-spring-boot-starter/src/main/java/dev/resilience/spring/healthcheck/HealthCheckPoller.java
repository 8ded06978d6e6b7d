package dev.resilience.spring.healthcheck;

import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.time.Scheduler;
import dev.resilience.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls one {@link HealthProbe} for one breaker name and passes its conclusion to every live instance of
 * that name ({@code name} and its keyed {@code name[key]}): {@code unhealthy-threshold} unhealthy checks in
 * a row hold them OPEN ({@link CircuitBreaker#holdOpen}), {@code healthy-threshold} healthy ones release
 * them ({@link CircuitBreaker#releaseHold}). The conclusion is passed on after every check while it lasts,
 * so an instance created, reset or released by an operator since the last check follows it again; the
 * breaker makes a transition only when its own hold changes.
 *
 * <p>Scheduling: the first check is scheduled at once on {@link #start()}; each next one {@code interval}
 * after the previous one completed, so checks of one poller never overlap and a slow source is not
 * piled up on. The scheduler's thread only starts a check; the probe's work runs elsewhere. A check that
 * has not completed within {@code timeout} is unhealthy (measured in real time, like the I/O it bounds).
 *
 * <p>Thread safety: the completion of a check runs on whichever thread completed it; the counters, the
 * status and the next task are guarded by one lock, held only for that bookkeeping and the breakers'
 * transitions (ReentrantLock, so a virtual thread holding it does not pin its carrier on JDK 21).
 */
final class HealthCheckPoller {

    private final HealthCheckSpec spec;
    private final HealthProbe probe;
    private final InstanceRegistry<CircuitBreaker> registry;
    private final Scheduler scheduler;
    private final TimeSource timeSource;
    private final ReentrantLock lock = new ReentrantLock();
    private int unhealthyInARow;
    private int healthyInARow;
    private Scheduler.Cancellable next;
    private boolean stopped;
    /** Written under the lock, read by the endpoint without it. */
    private volatile HealthCheckStatus status;

    HealthCheckPoller(HealthCheckSpec spec, HealthProbe probe, InstanceRegistry<CircuitBreaker> registry,
            Scheduler scheduler, TimeSource timeSource) {
        this.spec = spec;
        this.probe = probe;
        this.registry = registry;
        this.scheduler = scheduler;
        this.timeSource = timeSource;
        this.status = new HealthCheckStatus(HealthCheckStatus.UNKNOWN, probe.source(), timeSource.epochMillis(), null);
    }

    /** Schedules the first check, at once. */
    void start() {
        lock.lock();
        try {
            if (!stopped) {
                next = scheduler.schedule(this::check, 0);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the next check; a check in flight completes without effect. Idempotent. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            if (next != null) {
                next.cancel();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the breaker name this poller serves */
    String breaker() {
        return spec.breaker();
    }

    /** @return the current conclusion */
    HealthCheckStatus status() {
        return status;
    }

    private void check() {
        CompletableFuture<HealthProbe.Result> result;
        try {
            result = probe.check();
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(
                    HealthProbe.Result.unhealthy("check failed to start (" + e.getClass().getSimpleName() + ")"));
        }
        result.completeOnTimeout(HealthProbe.Result.unhealthy(noAnswerWithin(spec.timeout())),
                        spec.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((outcome, error) -> completed(outcome != null ? outcome
                        : HealthProbe.Result.unhealthy("check failed (" + error.getClass().getSimpleName() + ")")));
    }

    private void completed(HealthProbe.Result result) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            // the next check first, so that whoever sees this check's effect can count on the next being due
            next = scheduler.schedule(this::check, spec.interval().toNanos());
            conclude(result);
        } finally {
            lock.unlock();
        }
    }

    private void conclude(HealthProbe.Result result) {
        if (result.healthy()) {
            healthyInARow++;
            unhealthyInARow = 0;
        } else {
            unhealthyInARow++;
            healthyInARow = 0;
        }
        boolean down = unhealthyInARow >= spec.unhealthyThreshold();
        boolean up = healthyInARow >= spec.healthyThreshold();
        String current = status.status();
        String concluded = down ? HealthCheckStatus.DOWN : up ? HealthCheckStatus.UP : current;
        long since = concluded.equals(current) ? status.sinceEpochMillis() : timeSource.epochMillis();
        status = new HealthCheckStatus(concluded, probe.source(), since, result.detail());
        // below its threshold a check concludes nothing, so it leaves the breakers alone
        if (down || up) {
            signal(up, probe.source() + ": " + result.detail());
        }
    }

    private void signal(boolean healthy, String text) {
        registry.get(spec.breaker()); // the named instance exists from startup; make sure before the first call
        registry.all().forEach((id, breaker) -> {
            if (id.name().equals(spec.breaker())) {
                if (healthy) {
                    breaker.releaseHold(text);
                } else {
                    breaker.holdOpen(text);
                }
            }
        });
    }

    /**
     * @param timeout the check's timeout
     * @return the detail of a check that timed out, e.g. {@code no answer within 2000 ms}
     */
    static String noAnswerWithin(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }
}
