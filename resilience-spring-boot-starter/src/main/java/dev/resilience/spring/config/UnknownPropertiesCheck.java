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
 * checked by that pattern's own {@link PatternProperties}, bound with unknown fields rejected; so are the
 * {@link #OWN_SECTIONS}, by their own properties classes.
 *
 * <p>The report is Spring Boot's own for unbound properties: it names each key, its value and origin.
 */
public final class UnknownPropertiesCheck implements InitializingBean {

    /** The sections SPEC §4 reserves for patterns, each checked by its own properties class. */
    public static final Set<String> PATTERN_SECTIONS = Set.of("circuitbreaker", "bulkhead", "retry", "timeout", "ratelimiter");

    /**
     * Sections outside the patterns that their own properties class binds with unknown fields rejected
     * ({@code resilience.http.server} where that feature applies, in a Spring MVC application;
     * {@code resilience.http.client} always, {@link HttpClientProperties}).
     */
    public static final Set<String> OWN_SECTIONS = Set.of("resilience.http.server", HttpClientProperties.PREFIX);

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("resilience");

    private static final List<ConfigurationPropertyName> OWN_ROOTS = OWN_SECTIONS.stream()
            .map(ConfigurationPropertyName::of).toList();

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
        return OWN_ROOTS.stream().anyMatch(root -> root.equals(name) || root.isAncestorOf(name));
    }

    private static boolean inPatternSection(ConfigurationPropertyName name) {
        return ROOT.isAncestorOf(name) && name.getNumberOfElements() > 1
                && PATTERN_SECTIONS.contains(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
    }
}
