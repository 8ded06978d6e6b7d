package dev.resilience.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when some {@code resilience.circuitbreaker.**.health-check.*} key is written (under
 * {@code instances.<name>}, or misplaced under {@code defaults} or a preset, so that validation can
 * report it). Without one, the health-check beans stay away: no bean, no thread. Reads the property names
 * of the iterable sources once, at startup.
 */
final class OnHealthCheckCondition extends SpringBootCondition {

    private static final ConfigurationPropertyName SECTION = ConfigurationPropertyName.of("resilience.circuitbreaker");
    private static final String KEY = "health-check";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && iterable.stream().anyMatch(OnHealthCheckCondition::isHealthCheckKey)) {
                return ConditionOutcome.match("a resilience.circuitbreaker health-check key is set");
            }
        }
        return ConditionOutcome.noMatch("no resilience.circuitbreaker health-check key is set");
    }

    private static boolean isHealthCheckKey(ConfigurationPropertyName name) {
        if (!SECTION.isAncestorOf(name)) {
            return false;
        }
        for (int i = SECTION.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
            if (KEY.equals(name.getElement(i, ConfigurationPropertyName.Form.DASHED))) {
                return true;
            }
        }
        return false;
    }
}
