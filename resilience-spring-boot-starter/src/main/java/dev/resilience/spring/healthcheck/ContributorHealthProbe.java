package dev.resilience.spring.healthcheck;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Follows one Spring Boot health contributor. The contributor's {@code health()} may block (a database
 * ping), so it runs on the given executor, never on the scheduler's thread. DOWN and OUT_OF_SERVICE are
 * unhealthy (the statuses Boot maps to HTTP 503); UP, UNKNOWN and custom statuses are healthy. A composite
 * is unhealthy when any of its members is; an indicator that throws is unhealthy. While one evaluation
 * runs (even past the check's timeout) no other starts: the check is unhealthy at once. Thread safe.
 */
final class ContributorHealthProbe implements HealthProbe {

    private final String path;
    private final HealthContributors registry;
    private final Executor executor;
    private final AtomicBoolean evaluating = new AtomicBoolean();

    ContributorHealthProbe(String path, HealthContributors registry, Executor executor) {
        this.path = path;
        this.registry = registry;
        this.executor = executor;
    }

    @Override
    public String source() {
        return "contributor " + path;
    }

    @Override
    public CompletableFuture<Result> check() {
        // A health() that hangs outlives the check's timeout; never start another one beside it, so a hanging
        // contributor holds one thread, not one more per interval.
        if (!evaluating.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(
                    Result.unhealthy("the previous check of '" + path + "' is still running"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return evaluate();
                } finally {
                    evaluating.set(false);
                }
            }, executor);
        } catch (RuntimeException rejected) {
            evaluating.set(false);
            throw rejected;
        }
    }

    private Result evaluate() {
        HealthContributor contributor = RegistryContributorProbes.resolve(registry, path);
        if (contributor == null) {
            return Result.unhealthy("contributor '" + path + "' is not registered");
        }
        try {
            return evaluate(contributor, path);
        } catch (RuntimeException e) {
            return Result.unhealthy("health check threw " + e.getClass().getSimpleName());
        }
    }

    private static Result evaluate(HealthContributor contributor, String name) {
        if (contributor instanceof HealthIndicator indicator) {
            Status status = indicator.health(false).getStatus();
            boolean down = Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status);
            String detail = "status " + status.getCode();
            return down ? Result.unhealthy(detail + " of " + name) : Result.healthy(detail);
        }
        for (HealthContributors.Entry member : (CompositeHealthContributor) contributor) {
            Result result = evaluate(member.contributor(), name + "/" + member.name());
            if (!result.healthy()) {
                return result;
            }
        }
        return Result.healthy("all members healthy");
    }
}
