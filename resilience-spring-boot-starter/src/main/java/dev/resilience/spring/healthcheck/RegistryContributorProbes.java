package dev.resilience.spring.healthcheck;

import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;

/**
 * {@link ContributorProbes} over Spring Boot's health contributor registry (or any
 * {@link HealthContributors}). A path is resolved once to validate it, and again on every check, so a
 * contributor unregistered later makes the check unhealthy rather than failing. Thread safe, as the
 * registry is.
 */
public final class RegistryContributorProbes implements ContributorProbes {

    private final HealthContributors registry;

    /** @param registry the registered contributors, usually the {@code HealthContributorRegistry} bean */
    public RegistryContributorProbes(HealthContributors registry) {
        this.registry = registry;
    }

    @Override
    public HealthProbe probe(String path, Executor executor) {
        if (resolve(registry, path) == null) {
            List<String> registered = registry.stream().map(HealthContributors.Entry::name).sorted().toList();
            throw new IllegalArgumentException("must name a registered health contributor (a composite's member as"
                    + " 'name/member'); registered: " + registered);
        }
        return new ContributorHealthProbe(path, registry, executor);
    }

    /**
     * @param contributors where to start
     * @param path names joined by {@code /}
     * @return the contributor at {@code path}, or {@code null}
     */
    static HealthContributor resolve(HealthContributors contributors, String path) {
        HealthContributors current = contributors;
        HealthContributor found = null;
        for (String name : path.split("/", -1)) {
            if (current == null) {
                return null;
            }
            found = current.getContributor(name);
            if (found == null) {
                return null;
            }
            current = found instanceof CompositeHealthContributor composite ? composite : null;
        }
        return found;
    }
}
