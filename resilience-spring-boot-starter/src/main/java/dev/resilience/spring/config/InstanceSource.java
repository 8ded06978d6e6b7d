package dev.resilience.spring.config;

import dev.resilience.registry.InstanceId;

/**
 * Where the instances of one name take their configuration from, in place of
 * {@code resilience.<pattern>.instances.<name>}: a feature that creates keyed instances itself (the outbound
 * HTTP client's per-host instances, say) gives each key its own configuration. Registered with
 * {@link PatternConfigs#registerInstanceSource(String, InstanceSource)}.
 *
 * <p>Implementations must be thread safe and cheap: the registries call them once per instance they create
 * (not per call), under the registry's creation lock.
 *
 * @param <C> the core configuration type
 */
public interface InstanceSource<C> {

    /**
     * The configuration of one instance of the name.
     *
     * @param id the instance, keyed or not
     * @return its configuration, never null
     */
    C configFor(InstanceId id);

    /**
     * The bound on keyed instances of the name (least recently used evicted beyond it).
     *
     * @return at least 1
     */
    int maxKeys();
}
