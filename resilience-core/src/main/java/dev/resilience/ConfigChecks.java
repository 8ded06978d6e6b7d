package dev.resilience;

import java.time.Duration;

/**
 * The value checks every configuration builder in core shares, so that the same rule always gives the
 * same message. Each throws {@link InvalidConfigurationException} naming the property and the value.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    /**
     * Requires {@code value >= min}.
     *
     * @param property the property in kebab case
     * @param value the value
     * @param min the smallest valid value
     * @return the value
     */
    public static int atLeast(String property, int value, int min) {
        if (value < min) {
            throw new InvalidConfigurationException(property, value, "must be at least " + min);
        }
        return value;
    }

    /**
     * Requires a percentage in (0, 100].
     *
     * @param property the property in kebab case
     * @param value the value
     * @return the value
     */
    public static float percentage(String property, float value) {
        if (!(value > 0 && value <= 100)) {
            throw new InvalidConfigurationException(property, value, "must be a percentage in (0, 100]");
        }
        return value;
    }

    /**
     * Requires a finite number of at least {@code min}.
     *
     * @param property the property in kebab case
     * @param value the value
     * @param min the smallest valid value
     * @return the value
     */
    public static double atLeast(String property, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new InvalidConfigurationException(property, value, "must be a finite number of at least " + min);
        }
        return value;
    }

    /**
     * Requires a non-null duration of zero or more.
     *
     * @param property the property in kebab case
     * @param value the value
     * @return the value
     */
    public static Duration notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidConfigurationException(property, value, "must be a duration of zero or more");
        }
        return value;
    }

    /**
     * Requires a non-null duration greater than zero.
     *
     * @param property the property in kebab case
     * @param value the value
     * @return the value
     */
    public static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationException(property, value, "must be a duration greater than zero");
        }
        return value;
    }
}
