package dev.resilience.spring.config;

/**
 * The keys every pattern's instance settings share. A pattern's settings class (for example
 * {@link CircuitBreakerSettings}) extends it with its own keys; the same class is bound under
 * {@code defaults}, {@code presets.<preset>} and {@code instances.<name>}.
 *
 * <p>Mutable JavaBean, not thread safe: the starter binds configuration layers onto a fresh object per
 * instance name, on one thread, and maps it to an immutable core configuration.
 */
public abstract class InstanceSettings {

    /**
     * The preset whose values apply above defaults and below the instance's own keys: a built-in one
     * (internal-service, database, upstream-http, external-api) or one declared under presets. Under
     * defaults it picks the preset of every instance that names none; a preset cannot name another preset.
     */
    private String preset;

    /** @return the chosen preset, or {@code null} */
    public String getPreset() {
        return preset;
    }

    /** @param preset the preset name */
    public void setPreset(String preset) {
        this.preset = preset;
    }
}
