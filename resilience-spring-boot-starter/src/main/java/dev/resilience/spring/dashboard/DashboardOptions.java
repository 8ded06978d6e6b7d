package dev.resilience.spring.dashboard;

import dev.resilience.spring.config.InvalidPropertyException;
import dev.resilience.spring.config.ResilienceProperties;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validated {@code resilience.dashboard.*} settings the page is served with.
 *
 * @param path where the page is served, below the servlet context path: starts with {@code /}, does not
 *     end with one, plain path segments only
 * @param refreshInterval how often the page polls the endpoint, at least {@link #MIN_REFRESH_INTERVAL}
 */
public record DashboardOptions(String path, Duration refreshInterval) {

    /** The shortest polling interval accepted; shorter ones would only load the application. */
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofMillis(100);

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /**
     * Validates the settings.
     *
     * @throws InvalidPropertyException naming {@code resilience.dashboard.path} or
     *     {@code resilience.dashboard.refresh-interval} and the rejected value
     */
    public DashboardOptions {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new InvalidPropertyException("resilience.dashboard.path", path,
                    "must start with '/', not end with '/', and hold only letters, digits and . _ ~ - between slashes",
                    null, null);
        }
        if (refreshInterval == null || refreshInterval.compareTo(MIN_REFRESH_INTERVAL) < 0) {
            throw new InvalidPropertyException("resilience.dashboard.refresh-interval", refreshInterval,
                    "must be at least " + MIN_REFRESH_INTERVAL.toMillis() + "ms", null, null);
        }
    }

    /**
     * The options of the bound properties.
     *
     * @param dashboard {@code resilience.dashboard}
     * @return the validated options
     * @throws InvalidPropertyException if a value is invalid
     */
    public static DashboardOptions of(ResilienceProperties.Dashboard dashboard) {
        Objects.requireNonNull(dashboard, "dashboard");
        return new DashboardOptions(dashboard.getPath(), dashboard.getRefreshInterval());
    }
}
