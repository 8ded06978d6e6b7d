package dev.resilience.spring.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * Where the page finds the {@code resilience} Actuator endpoint and whether it may use its write
 * operations; or why it cannot reach it.
 *
 * @param path the endpoint's path below the servlet context path (such as {@code /actuator/resilience}),
 *     or {@code null} when the page cannot reach it
 * @param writable whether {@code POST} (reset, force-open, disable) is mapped, that is,
 *     {@code management.endpoint.resilience.access} allows writes
 * @param problem why the endpoint cannot be reached, for the page to show; {@code null} when it can
 */
public record EndpointAccess(@Nullable String path, boolean writable, @Nullable String problem) {

    /**
     * A reachable endpoint.
     *
     * @param path its path below the servlet context path
     * @param writable whether its write operation is mapped
     * @return the access
     */
    public static EndpointAccess at(String path, boolean writable) {
        return new EndpointAccess(path, writable, null);
    }

    /**
     * An endpoint the page cannot reach.
     *
     * @param problem what is wrong and which property fixes it
     * @return the access
     */
    public static EndpointAccess unavailable(String problem) {
        return new EndpointAccess(null, false, problem);
    }
}
