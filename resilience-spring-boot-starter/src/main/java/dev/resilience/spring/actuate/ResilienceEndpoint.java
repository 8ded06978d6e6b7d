package dev.resilience.spring.actuate;

import dev.resilience.spring.config.LiveConfigValues;
import java.security.Principal;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code resilience} Actuator endpoint: every instance of every pattern, one instance with its
 * configuration and recent events, and operator actions. Read-only by default;
 * {@code management.endpoint.resilience.access=unrestricted} enables the actions.
 *
 * <ul>
 * <li>{@code GET /actuator/resilience}: the five sections {@code circuitBreakers}, {@code bulkheads},
 *     {@code retries}, {@code timeouts}, {@code rateLimiters}, always present, each instance by display
 *     name with its fields;</li>
 * <li>{@code GET /actuator/resilience/{type}/{name}}: one instance with {@code config} and
 *     {@code events}; 404 for an unknown type or name;</li>
 * <li>{@code POST /actuator/resilience/{type}/{name}} with {@code {"action": "..."}}: applies the action
 *     and answers the instance after it; 404 for an unknown type or name, 400 with
 *     {@code {"error": "..."}} naming the valid actions for an unknown or missing action.</li>
 * </ul>
 *
 * <p>Thread safe: every answer reads the registries afresh.
 */
@Endpoint(id = "resilience", defaultAccess = Access.READ_ONLY)
public class ResilienceEndpoint {

    private static final String CONFIGURE = "configure";

    private final Map<PatternType, PatternSection<?>> sections = new EnumMap<>(PatternType.class);

    /**
     * Creates the endpoint.
     *
     * @param sections the patterns that have a view and a registry; the others show as empty sections
     */
    public ResilienceEndpoint(Collection<? extends PatternSection<?>> sections) {
        sections.forEach(section -> this.sections.put(section.type(), section));
    }

    /**
     * Every instance of every pattern.
     *
     * @return section name to (display name to fields); all five sections, {@code {}} when empty
     */
    @ReadOperation
    public Map<String, Map<String, Object>> patterns() {
        Map<String, Map<String, Object>> patterns = new LinkedHashMap<>();
        for (PatternType type : PatternType.values()) {
            PatternSection<?> section = sections.get(type);
            patterns.put(type.section(), section == null ? Map.of() : section.instances());
        }
        return patterns;
    }

    /**
     * One instance.
     *
     * @param type the path segment of the pattern, such as {@code circuitbreakers}
     * @param name the display name, {@code name} or {@code name[key]}
     * @return its fields with {@code config} and {@code events}, or {@code null} (404) if unknown
     */
    @ReadOperation
    public @Nullable Map<String, Object> instance(@Selector String type, @Selector String name) {
        return section(type).flatMap(section -> section.describe(name)).orElse(null);
    }

    /**
     * Applies an operator action to one instance. {@code configure} (with {@code "config": {...}}, camelCase
     * keys of the instance's {@code config}) changes the live instance's settings, keeping its state, for
     * every pattern; it answers 400 for a key that cannot be changed live ({@code maxKeys}, exception lists)
     * and for an invalid value (with the reason, naming property and value; nothing changes then).
     *
     * @param type the path segment of the pattern
     * @param name the display name
     * @param action the action, such as {@code reset} or {@code configure}
     * @param config the new values, for {@code configure}: {@code "key=value,key=value"} with the camelCase
     *     keys of the instance's {@code config} (kebab-case yml names are accepted too). A string, because
     *     Actuator's web layer reads a write operation's body as a map of strings: a nested JSON object is
     *     refused before the operation is called
     * @param securityContext who asks (its principal is logged and recorded with a configuration change)
     * @return 200 with the instance after the action, 404 if unknown, 400 with {@code {"error": ...}} if
     *     the action is unknown or missing, or a configuration is refused
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> apply(@Selector String type, @Selector String name,
            @Nullable String action, @Nullable String config, SecurityContext securityContext) {
        Optional<PatternSection<?>> found = section(type);
        if (found.isEmpty() || !found.get().contains(name)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        PatternSection<?> section = found.get();
        if (CONFIGURE.equals(action)) {
            try {
                return configure(section, name, config, securityContext);
            } catch (IllegalArgumentException malformed) {
                return badRequest(malformed.getMessage());
            }
        }
        if (action == null || !section.actions().contains(action)) {
            String error = (action == null ? "missing action" : "unknown action '" + action + "'")
                    + " for " + type + "; valid actions: " + String.join(", ", section.actions()) + ", " + CONFIGURE;
            return badRequest(error);
        }
        return section.apply(name, action)
                .map(description -> new WebEndpointResponse<>(description))
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    private static WebEndpointResponse<Map<String, Object>> configure(PatternSection<?> section, String name,
            @Nullable String config, SecurityContext securityContext) {
        Map<String, Object> values = config == null ? Map.of() : LiveConfigValues.parse(config);
        if (values.isEmpty()) {
            return badRequest("configure needs \"config\": \"key=value,...\" with the settings to change");
        }
        Principal principal = securityContext.getPrincipal();
        String who = principal != null ? principal.getName() : "anonymous";
        try {
            return section.reconfigure(name, values, who)
                    .map(description -> new WebEndpointResponse<>(description))
                    .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
        } catch (UnsupportedOperationException | IllegalArgumentException refused) {
            // InvalidConfigurationException is an IllegalArgumentException: its message has property and value
            return badRequest(refused.getMessage());
        }
    }

    private static WebEndpointResponse<Map<String, Object>> badRequest(String error) {
        return new WebEndpointResponse<>(Map.of("error", error), WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    private Optional<PatternSection<?>> section(String segment) {
        return PatternType.ofSegment(segment).map(sections::get);
    }
}
