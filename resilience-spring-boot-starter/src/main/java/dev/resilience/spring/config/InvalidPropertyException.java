package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;

/**
 * An invalid {@code resilience.*} value. Unlike the core exception it extends, {@link #getProperty()}
 * is the full yml path in kebab case (for example
 * {@code resilience.circuitbreaker.instances.payments.failure-rate-threshold}). Startup fails with it;
 * {@link InvalidPropertyFailureAnalyzer} turns it into Spring Boot's "APPLICATION FAILED TO START" report.
 */
public class InvalidPropertyException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String origin;

    /**
     * Creates the exception.
     *
     * @param path the full property path, kebab case
     * @param value the rejected value
     * @param requirement what a valid value looks like, e.g. {@code "must be a percentage in (0, 100]"}
     * @param origin where the value was set (a file and line, a built-in preset, an annotation), or {@code null}
     * @param cause the core validation failure, or {@code null}
     */
    public InvalidPropertyException(String path, Object value, String requirement, String origin, Throwable cause) {
        super(path, value, requirement);
        this.origin = origin;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Where the value was set, if known.
     *
     * @return a description such as {@code class path resource [application.yml] - 7:33}, or {@code null}
     */
    public String getOrigin() {
        return origin;
    }

    @Override
    public String getMessage() {
        return origin == null ? super.getMessage() : super.getMessage() + " (set in " + origin + ")";
    }
}
