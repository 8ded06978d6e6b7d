package dev.resilience.spring.healthcheck;

import dev.resilience.spring.config.CircuitBreakerProperties;
import dev.resilience.spring.config.CircuitBreakerSettings;
import dev.resilience.spring.config.HealthCheckSettings;
import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.YmlPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Reads and validates the {@code health-check} sections of {@code resilience.circuitbreaker}. A section is
 * read only under {@code instances.<name>}: a health signal belongs to one named breaker, so one under
 * {@code defaults} or a preset fails startup. Every failure is an {@link InvalidPropertyException} naming
 * the yml path, the value as written and where it was written. Stateless.
 */
public final class HealthCheckSpecs {

    private static final String PREFIX = "resilience.circuitbreaker";
    private static final List<String> KEYS = List.of("contributor", "url", "interval", "timeout",
            "unhealthy-threshold", "healthy-threshold");

    private HealthCheckSpecs() {
    }

    /**
     * @param properties what the user wrote under {@code resilience.circuitbreaker}
     * @param environment the environment, for values as written and their origins
     * @return one spec per instance with a {@code health-check} section, in declaration order
     * @throws InvalidPropertyException for the first invalid section
     */
    public static List<HealthCheckSpec> read(CircuitBreakerProperties properties, Environment environment) {
        Written written = new Written(environment);
        rejectOutsideInstances(properties.getDefaults(), PREFIX + ".defaults", written);
        properties.getPresets().forEach((preset, settings) ->
                rejectOutsideInstances(settings, PREFIX + ".presets" + YmlPaths.element(preset), written));
        List<HealthCheckSpec> specs = new ArrayList<>();
        for (Map.Entry<String, CircuitBreakerSettings> instance : properties.getInstances().entrySet()) {
            HealthCheckSettings settings = instance.getValue().getHealthCheck();
            if (settings != null) {
                String path = PREFIX + ".instances" + YmlPaths.element(instance.getKey()) + ".health-check";
                specs.add(validate(instance.getKey(), path, settings, written));
            }
        }
        return List.copyOf(specs);
    }

    private static void rejectOutsideInstances(CircuitBreakerSettings settings, String sectionPath, Written written) {
        if (settings.getHealthCheck() == null) {
            return;
        }
        String path = sectionPath + ".health-check";
        String key = KEYS.stream().filter(k -> written.property(path + "." + k) != null).findFirst().orElse(null);
        String reported = key == null ? path : path + "." + key;
        throw written.invalid(reported, null,
                "is only read under " + PREFIX + ".instances.<name>: a health check belongs to one named circuit breaker");
    }

    private static HealthCheckSpec validate(String breaker, String path, HealthCheckSettings settings, Written written) {
        String contributor = settings.getContributor();
        String url = settings.getUrl();
        if ((contributor == null) == (url == null)) {
            String requirement = "needs exactly one of " + path + ".contributor and " + path + ".url";
            throw contributor == null ? written.invalid(path, written.keys(path), requirement)
                    : written.invalid(path + ".url", url, requirement);
        }
        if (contributor != null && !validContributorPath(contributor)) {
            throw written.invalid(path + ".contributor", contributor,
                    "must be a health contributor's name, or names joined by '/' for a composite's member");
        }
        URI uri = url == null ? null : uri(path + ".url", url, written);
        positive(path + ".interval", settings.getInterval(), written);
        positive(path + ".timeout", settings.getTimeout(), written);
        atLeastOne(path + ".unhealthy-threshold", settings.getUnhealthyThreshold(), written);
        atLeastOne(path + ".healthy-threshold", settings.getHealthyThreshold(), written);
        return new HealthCheckSpec(breaker, path, contributor, uri, settings.getInterval(), settings.getTimeout(),
                settings.getUnhealthyThreshold(), settings.getHealthyThreshold());
    }

    private static boolean validContributorPath(String contributor) {
        for (String name : contributor.split("/", -1)) {
            if (name.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static URI uri(String path, String url, Written written) {
        String requirement = "must be an absolute http or https URL with a host, e.g. http://localhost:8081/health";
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw written.invalid(path, url, requirement);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw written.invalid(path, url, requirement);
        }
    }

    private static void positive(String path, Duration value, Written written) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw written.invalid(path, value, "must be greater than zero");
        }
    }

    private static void atLeastOne(String path, int value, Written written) {
        if (value < 1) {
            throw written.invalid(path, value, "must be at least 1");
        }
    }

    /** The yml path element of a map key; a name not in lower-case kebab form goes in brackets. */

    /** Looks values up as the user wrote them ("-1s", not "PT-1S"), with their origins. */
    private static final class Written {

        private final Iterable<ConfigurationPropertySource> sources;

        Written(Environment environment) {
            this.sources = ConfigurationPropertySources.get(environment);
        }

        ConfigurationProperty property(String path) {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(path);
            for (ConfigurationPropertySource source : sources) {
                ConfigurationProperty property = source.getConfigurationProperty(name);
                if (property != null) {
                    return property;
                }
            }
            return null;
        }

        /** @return the keys written in a section, with their values, e.g. {@code {interval=5s}} */
        Map<String, Object> keys(String sectionPath) {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (String key : KEYS) {
                ConfigurationProperty property = property(sectionPath + "." + key);
                if (property != null) {
                    keys.put(key, property.getValue());
                }
            }
            return keys;
        }

        InvalidPropertyException invalid(String path, Object value, String requirement) {
            ConfigurationProperty property = property(path);
            Object shown = property != null ? property.getValue() : value;
            String origin = property != null && property.getOrigin() != null ? property.getOrigin().toString() : null;
            return new InvalidPropertyException(path, shown, requirement, origin, null);
        }
    }
}
