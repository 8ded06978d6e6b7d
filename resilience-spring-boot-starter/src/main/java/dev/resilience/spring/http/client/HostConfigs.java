package dev.resilience.spring.http.client;

import dev.resilience.registry.InstanceId;
import dev.resilience.spring.config.HttpClientProperties;
import dev.resilience.spring.config.InstanceSource;
import dev.resilience.spring.config.LayeredPatternConfigs;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The configurations of one pattern's {@value HttpClientInstances#NAME} instances: every host shares the
 * configuration of {@code resilience.http.client.<pattern>}; a host listed under
 * {@code resilience.http.client.hosts} has its own, that section layered over the shared one. Everything
 * is computed (and validated) when this object is created, so an invalid host section fails startup even
 * before that host is called. Immutable, thread safe.
 *
 * @param <C> the core configuration type
 */
public final class HostConfigs<C> implements InstanceSource<C> {

    private final C shared;
    private final Map<String, C> byHost;
    private final int maxKeys;

    /**
     * Computes the shared configuration and each listed host's.
     *
     * @param configs the pattern's layering (defaults and presets of {@code resilience.<pattern>})
     * @param section the pattern's section name under {@code resilience.http.client}, e.g. {@code circuitbreaker}
     * @param hosts the hosts listed under {@code resilience.http.client.hosts}
     * @param maxKeys the bound on hosts (or host-and-path keys) with an instance of their own, given the
     *     shared configuration
     * @throws dev.resilience.spring.config.InvalidPropertyException naming the yml path of an invalid value
     */
    public HostConfigs(LayeredPatternConfigs<?, C> configs, String section, Collection<String> hosts,
            ToIntFunction<C> maxKeys) {
        String sharedPath = HttpClientProperties.PREFIX + "." + section;
        this.shared = configs.configForSections(sharedPath);
        this.byHost = hosts.stream().collect(Collectors.toUnmodifiableMap(host -> host.toLowerCase(Locale.ROOT),
                host -> configs.configForSections(sharedPath,
                        HttpClientProperties.PREFIX + ".hosts[" + host + "]." + section)));
        this.maxKeys = maxKeys.applyAsInt(shared);
    }

    /**
     * The shared configuration, also that of the un-keyed instance.
     *
     * @return the configuration of {@code resilience.http.client.<pattern>}
     */
    public C shared() {
        return shared;
    }

    @Override
    public C configFor(InstanceId id) {
        return id.key() == null ? shared : byHost.getOrDefault(RequestKeys.hostOf(id.key()), shared);
    }

    @Override
    public int maxKeys() {
        return maxKeys;
    }
}
