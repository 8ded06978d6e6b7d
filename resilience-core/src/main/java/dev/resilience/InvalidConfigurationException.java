package dev.resilience;

/**
 * Thrown by every core configuration builder for a value that makes no sense. It names the property
 * in kebab case, as it is written under {@code application.yml} (for example
 * {@code failure-rate-threshold}), so that the Spring starter can prefix the full path.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final transient Object value;
    private final String requirement;

    /**
     * Creates the exception.
     *
     * @param property the property name in kebab case, relative to an instance's configuration
     * @param value the rejected value
     * @param requirement what a valid value looks like, e.g. {@code "must be in (0, 100]"}
     */
    public InvalidConfigurationException(String property, Object value, String requirement) {
        super(property + " = " + value + ": " + requirement);
        this.property = property;
        this.value = value;
        this.requirement = requirement;
    }

    /**
     * The property in kebab case, relative to an instance's configuration.
     *
     * @return the property name
     */
    public String getProperty() {
        return property;
    }

    /**
     * The rejected value.
     *
     * @return the value
     */
    public Object getValue() {
        return value;
    }

    /**
     * What a valid value looks like.
     *
     * @return the requirement
     */
    public String getRequirement() {
        return requirement;
    }
}
