package dev.resilience.spring.config;

import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Applies refreshed {@code resilience.*} values to the live instances when Spring Cloud Context reports an
 * environment change ({@code /actuator/refresh}, {@code ContextRefresher.refresh()}, a config-server
 * push) whose keys touch {@code resilience.}: it binds {@code resilience.*} afresh from the environment
 * (it does not depend on Spring Cloud having rebound the properties beans first) and hands over to
 * {@link LiveReconfiguration#refresh}. Loaded only when Spring Cloud Context is on the classpath.
 * Thread safe.
 */
public final class EnvironmentRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

    private final LiveReconfiguration live;
    private final Environment environment;

    /**
     * Creates the listener.
     *
     * @param live applies the values
     * @param environment the application's environment, read afresh on every change
     */
    public EnvironmentRefreshListener(LiveReconfiguration live, Environment environment) {
        this.live = Objects.requireNonNull(live, "live");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().anyMatch(EnvironmentRefreshListener::isResilienceKey)) {
            live.refresh(Binder.get(environment));
        }
    }

    /** {@code resilience.x} as written in yml, or {@code RESILIENCE_X} as an environment variable. */
    private static boolean isResilienceKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.startsWith("resilience.") || lower.startsWith("resilience_");
    }
}
