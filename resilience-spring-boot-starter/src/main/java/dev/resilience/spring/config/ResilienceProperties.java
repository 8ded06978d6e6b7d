package dev.resilience.spring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The root of {@code resilience.*} in {@code application.yml}: {@code enabled}, {@code health},
 * {@code events} and {@code dashboard}. Each
 * pattern's section ({@code resilience.circuitbreaker}, ...) is its own {@link PatternProperties}
 * subclass, such as {@link CircuitBreakerProperties}; {@link UnknownPropertiesCheck} rejects keys that
 * belong to neither.
 */
@ConfigurationProperties(prefix = "resilience")
public class ResilienceProperties {

    /** Whether the annotations take effect; false turns every annotation into a no-op. */
    private boolean enabled = true;

    private final Health health = new Health();

    private final Events events = new Events();

    private final Dashboard dashboard = new Dashboard();

    /** @return whether the annotations take effect */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the annotations take effect */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the health contributor settings */
    public Health getHealth() {
        return health;
    }

    /** @return the event settings: Spring application events and the endpoint's recent events */
    public Events getEvents() {
        return events;
    }

    /** @return the settings of the live dashboard page */
    public Dashboard getDashboard() {
        return dashboard;
    }

    /** Settings of the {@code resilience} health contributor. */
    public static class Health {

        /** Whether an OPEN (or FORCED_OPEN) circuit breaker turns the health status DOWN; otherwise it only shows in the details. */
        private boolean downOnOpen;

        /** @return whether an open breaker makes the status DOWN */
        public boolean isDownOnOpen() {
            return downOnOpen;
        }

        /** @param downOnOpen whether an open breaker makes the status DOWN */
        public void setDownOnOpen(boolean downOnOpen) {
            this.downOnOpen = downOnOpen;
        }
    }

    /**
     * Settings of events: whether they are published as Spring application events, and what the
     * {@code resilience} Actuator endpoint keeps per instance (at most 100).
     */
    public static class Events {

        /**
         * Whether state transitions, rejections, retries, exhausted retries and timeouts are published as
         * Spring application events (the core event objects themselves, for event listener methods).
         */
        private boolean publish = true;

        /**
         * Whether successful calls are kept among the recent events too. Off by default: then nobody
         * subscribes to successes, and a successful call allocates no event object.
         */
        private boolean includeSuccesses;

        /**
         * Whether events about failures (failures, ignored failures, retries, exhausted retries) carry the
         * exception's message next to its class name: in the endpoint's events, the event objects given to
         * listeners and the log lines. Off by default, because messages can hold user data.
         */
        private boolean includeMessages;

        /** @return whether events are published as Spring application events */
        public boolean isPublish() {
            return publish;
        }

        /** @param publish whether events are published as Spring application events */
        public void setPublish(boolean publish) {
            this.publish = publish;
        }

        /** @return whether successful calls are kept among the recent events */
        public boolean isIncludeSuccesses() {
            return includeSuccesses;
        }

        /** @param includeSuccesses whether successful calls are kept among the recent events */
        public void setIncludeSuccesses(boolean includeSuccesses) {
            this.includeSuccesses = includeSuccesses;
        }

        /** @return whether failure events carry exception messages */
        public boolean isIncludeMessages() {
            return includeMessages;
        }

        /** @param includeMessages whether failure events carry exception messages */
        public void setIncludeMessages(boolean includeMessages) {
            this.includeMessages = includeMessages;
        }
    }

    /**
     * Settings of the live dashboard, a page the application serves itself that shows every instance of
     * the {@code resilience} Actuator endpoint and polls it. Off by default, so that nothing new is
     * exposed unasked; it needs Spring MVC and Actuator, and shows data only when the endpoint is exposed
     * over HTTP on the application's own port.
     */
    public static class Dashboard {

        /**
         * Whether the application serves the live dashboard page at 'path'. It reads the resilience
         * Actuator endpoint (which must be exposed over HTTP) and shows reset, force-open and disable
         * buttons only when management.endpoint.resilience.access allows writes.
         */
        private boolean enabled;

        /** Path of the dashboard page, below the servlet context path; its scripts and styles are served below it. */
        private String path = "/resilience/dashboard";

        /** How often the page polls the resilience endpoint. */
        private Duration refreshInterval = Duration.ofSeconds(2);

        /** @return whether the dashboard page is served */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the dashboard page is served */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the path of the page, starting with {@code /} */
        public String getPath() {
            return path;
        }

        /** @param path the path of the page, starting with {@code /} */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return how often the page polls the endpoint */
        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        /** @param refreshInterval how often the page polls the endpoint */
        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }
    }
}
