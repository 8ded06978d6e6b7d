package dev.resilience.spring.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Fails startup on a {@code resilience.*} key that nothing reads, outside the pattern sections: a typo
 * such as {@code resilience.circuit-breaker.instances...} or {@code resilience.health.down-on-opn}
 * would otherwise be ignored silently. Keys inside a pattern section ({@link #PATTERN_SECTIONS}) are
 * checked by that pattern's own {@link PatternProperties}, bound with unknown fields rejected; so are keys
 * under {@code resilience.http.client} ({@link HttpClientProperties}).
 *
 * <p>The report is Spring Boot's own for unbound properties: it names each key, its value and origin.
 */
public final class UnknownPropertiesCheck implements InitializingBean {

    /** The sections SPEC §4 reserves for patterns, each checked by its own properties class. */
    public static final Set<String> PATTERN_SECTIONS = Set.of("circuitbreaker", "bulkhead", "retry", "timeout", "ratelimiter");

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("resilience");

    /** Sections outside the patterns that have their own properties class, bound with unknown keys rejected. */
    private static final List<ConfigurationPropertyName> OWN_SECTIONS = List.of(
            ConfigurationPropertyName.of(HttpClientProperties.PREFIX));

    private final Environment environment;

    /**
     * Creates the check; it runs when the bean is initialized.
     *
     * @param environment the application's environment
     */
    public UnknownPropertiesCheck(Environment environment) {
        this.environment = environment;
    }

    /**
     * Binds {@code resilience.*} outside the pattern sections, rejecting unbound keys.
     *
     * @throws org.springframework.boot.context.properties.bind.BindException naming the unknown keys
     */
    @Override
    public void afterPropertiesSet() {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            sources.add(source.filter(name -> !inPatternSection(name) && !inOwnSection(name)));
        }
        new Binder(sources).bind(ROOT, Bindable.of(ResilienceProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
    }

    private static boolean inOwnSection(ConfigurationPropertyName name) {
        for (ConfigurationPropertyName section : OWN_SECTIONS) {
            if (section.equals(name) || section.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPatternSection(ConfigurationPropertyName name) {
        return ROOT.isAncestorOf(name) && name.getNumberOfElements() > 1
                && PATTERN_SECTIONS.contains(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
    }
}
