package dev.resilience.registry;

import java.util.Objects;

/**
 * Identifies one instance of a pattern: its name and, for keyed instances, its key. Shown as
 * {@code name} or {@code name[key]}.
 *
 * @param name the instance name
 * @param key the key, or {@code null} for the un-keyed instance
 */
public record InstanceId(String name, String key) {

    /**
     * Validates the parts.
     *
     * @param name the instance name, not blank
     * @param key the key, or {@code null}
     */
    public InstanceId {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("instance name must not be blank");
        }
    }

    /**
     * The un-keyed instance of a name.
     *
     * @param name the instance name
     * @return the id
     */
    public static InstanceId of(String name) {
        return new InstanceId(name, null);
    }

    /**
     * Reads the display form back: {@code name} or {@code name[key]}.
     *
     * @param displayName the display form
     * @return the id
     */
    public static InstanceId parse(String displayName) {
        int open = displayName.indexOf('[');
        if (open > 0 && displayName.endsWith("]")) {
            return new InstanceId(displayName.substring(0, open), displayName.substring(open + 1, displayName.length() - 1));
        }
        return of(displayName);
    }

    /**
     * Whether this is a keyed instance.
     *
     * @return {@code true} if a key is set
     */
    public boolean keyed() {
        return key != null;
    }

    /**
     * The display form used in the endpoint, in events and in exceptions.
     *
     * @return {@code name} or {@code name[key]}
     */
    public String displayName() {
        return key == null ? name : name + "[" + key + "]";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
