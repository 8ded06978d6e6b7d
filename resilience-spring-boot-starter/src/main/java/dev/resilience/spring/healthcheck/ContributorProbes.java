package dev.resilience.spring.healthcheck;

import java.util.concurrent.Executor;

/**
 * Makes probes that follow Spring Boot health contributors. Holds no health type in its signature, so
 * {@link HealthChecks} loads without {@code spring-boot-health}; the implementation,
 * {@link RegistryContributorProbes}, is defined only when it is on the classpath. Thread safe.
 */
public interface ContributorProbes {

    /**
     * A probe of the contributor at {@code path}: a registered contributor's name, or names joined by
     * {@code /} for a member of a composite ({@code db/primary}).
     *
     * @param path the contributor's path
     * @param executor where the contributor's (possibly blocking) check runs
     * @return the probe
     * @throws IllegalArgumentException if no contributor is registered at {@code path} now; the message
     *     lists the registered names
     */
    HealthProbe probe(String path, Executor executor);
}
