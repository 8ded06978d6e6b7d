package dev.resilience.spring.dashboard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.env.Environment;

/**
 * Finds the {@code resilience} endpoint the way Actuator mapped it, so the page follows
 * {@code management.endpoints.web.base-path}, {@code management.endpoints.web.path-mapping.resilience},
 * the exposure settings and {@code management.endpoint.resilience.access} instead of assuming
 * {@code /actuator/resilience}. Writes count as allowed when Actuator mapped the endpoint's write
 * operation, which it does only when the access settings allow it.
 *
 * <p>Thread safe; every call reads Actuator's mapping afresh (it is built once, so this is cheap).
 */
public final class EndpointLocator {

    private static final EndpointId RESILIENCE = EndpointId.of("resilience");

    private final ObjectProvider<PathMappedEndpoints> endpoints;
    private final Environment environment;

    /**
     * Creates the locator.
     *
     * @param endpoints Actuator's mapped web endpoints (absent when Actuator's web support is off)
     * @param environment the application's environment, for {@code management.server.port}
     */
    public EndpointLocator(ObjectProvider<PathMappedEndpoints> endpoints, Environment environment) {
        this.endpoints = endpoints;
        this.environment = environment;
    }

    /** @return where the endpoint is and whether it takes writes, or why the page cannot use it */
    public EndpointAccess locate() {
        ManagementPortType port = ManagementPortType.get(environment);
        if (port == ManagementPortType.DIFFERENT) {
            return EndpointAccess.unavailable("Actuator runs on its own port (management.server.port); the dashboard"
                    + " reads the resilience endpoint on the application's port, so leave management.server.port unset.");
        }
        if (port == ManagementPortType.DISABLED) {
            return EndpointAccess.unavailable("Actuator's HTTP endpoints are off (management.server.port=-1).");
        }
        PathMappedEndpoints mapped = endpoints.getIfAvailable();
        PathMappedEndpoint endpoint = mapped == null ? null : mapped.getEndpoint(RESILIENCE);
        if (!(endpoint instanceof ExposableWebEndpoint web)) {
            return EndpointAccess.unavailable("The resilience endpoint is not available over HTTP: add 'resilience' to"
                    + " management.endpoints.web.exposure.include, and do not set management.endpoint.resilience.access=none.");
        }
        boolean writable = web.getOperations().stream().anyMatch(operation -> operation.getType() == OperationType.WRITE);
        return EndpointAccess.at(mapped.getPath(RESILIENCE), writable);
    }
}
