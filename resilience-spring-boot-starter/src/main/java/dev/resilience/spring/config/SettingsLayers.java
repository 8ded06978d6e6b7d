package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

/**
 * Binds configuration layers, lowest first, onto one settings object: a later layer overrides only the
 * keys it sets. Remembers which layer set each key last, so that an invalid value is reported at the
 * yml path the user wrote it under. Not thread safe: one object per computation.
 *
 * @param <S> the settings type
 */
final class SettingsLayers<S extends InstanceSettings> {

    private static final ConfigurationPropertyName VALUES_ROOT = ConfigurationPropertyName.of("layer");

    private final Binder environment;
    private final S settings;
    private final Map<String, Origin> origins = new HashMap<>();

    SettingsLayers(Binder environment, S settings) {
        this.environment = environment;
        this.settings = settings;
    }

    S settings() {
        return settings;
    }

    /**
     * Binds the keys the environment holds under {@code root} (for example
     * {@code resilience.circuitbreaker.instances.payments}). Type and unknown-key errors were already
     * reported when the {@link PatternProperties} bean was bound.
     */
    void bindEnvironment(ConfigurationPropertyName root) {
        environment.bind(root, Bindable.ofInstance(settings), new Recorder(root, true, null));
    }

    /**
     * Binds values given in code: a built-in preset or an annotation's attributes. An unknown key or a
     * value that does not convert is reported at {@code subjectPath.<key>}, naming {@code description}.
     */
    void bindValues(Map<String, ?> values, String description, String subjectPath) {
        Map<String, Object> source = new LinkedHashMap<>();
        values.forEach((key, value) -> source.put(VALUES_ROOT + "." + key, value));
        Binder binder = new Binder(new MapConfigurationPropertySource(source));
        BindHandler handler = new NoUnboundElementsBindHandler(new Recorder(VALUES_ROOT, false, description));
        try {
            binder.bind(VALUES_ROOT, Bindable.ofInstance(settings), handler);
        } catch (BindException e) {
            throw invalidValue(e, description, subjectPath);
        }
    }

    /**
     * Turns a core validation failure into one that names the full path of the layer that set the
     * property last, or {@code subjectPath.<property>} when no yml layer set it (a built-in value, or one
     * that only clashes with another key).
     */
    InvalidPropertyException invalid(InvalidConfigurationException e, String subjectPath) {
        Origin origin = origins.get(e.getProperty());
        if (origin == null) {
            return new InvalidPropertyException(subjectPath + "." + e.getProperty(), e.getValue(), e.getRequirement(), null, e);
        }
        String path = origin.path() != null ? origin.path() : subjectPath + "." + e.getProperty();
        Object value = e.getValue() instanceof String || origin.written() == null ? e.getValue() : origin.written();
        return new InvalidPropertyException(path, value, e.getRequirement(), origin.detail(), e);
    }

    private static InvalidPropertyException invalidValue(BindException e, String description, String subjectPath) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            ConfigurationProperty property = unbound.getUnboundProperties().iterator().next();
            return new InvalidPropertyException(subjectPath + "." + relative(VALUES_ROOT, property.getName()),
                    property.getValue(), "is not a known property", description, e);
        }
        ConfigurationProperty property = e.getProperty();
        String key = relative(VALUES_ROOT, property != null ? property.getName() : e.getName());
        Throwable reason = NestedExceptionUtils.getMostSpecificCause(e);
        return new InvalidPropertyException(subjectPath + "." + key, property != null ? property.getValue() : null,
                "cannot be converted to " + e.getTarget().getType() + ": " + reason.getMessage(), description, e);
    }

    private static String relative(ConfigurationPropertyName root, ConfigurationPropertyName name) {
        StringBuilder relative = new StringBuilder();
        for (int i = root.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
            if (!relative.isEmpty()) {
                relative.append('.');
            }
            relative.append(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
        }
        return relative.toString();
    }

    /**
     * Where a key's value came from: its yml path (null for values given in code), a description of the
     * source, and the value as written (null unless it was one scalar), shown rather than the typed value
     * ("-1s", not "PT-1S").
     */
    private record Origin(String path, String detail, Object written) {
    }

    /** Records, for every key bound under the root, the layer that set it. */
    private final class Recorder extends AbstractBindHandler {

        private final ConfigurationPropertyName root;
        private final boolean fromEnvironment;
        private final String description;

        Recorder(ConfigurationPropertyName root, boolean fromEnvironment, String description) {
            this.root = root;
            this.fromEnvironment = fromEnvironment;
            this.description = description;
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            if (root.isAncestorOf(name)) {
                ConfigurationProperty property = context.getConfigurationProperty();
                String detail = description != null ? description
                        : property != null && property.getOrigin() != null ? property.getOrigin().toString() : null;
                Object written = property != null && property.getName().equals(name) ? property.getValue() : null;
                origins.put(relative(root, name), new Origin(fromEnvironment ? name.toString() : null, detail, written));
            }
            return super.onSuccess(name, target, context, result);
        }

        /**
         * A section written with no keys ({@code payments: {}} or {@code payments:} in yml) is one empty
         * property at the root; it declares the name and sets nothing, so it binds as "no change".
         */
        @Override
        public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
                throws Exception {
            if (name.equals(root) && isEmptySection(context)) {
                return settings;
            }
            return super.onFailure(name, target, context, error);
        }

        private boolean isEmptySection(BindContext context) {
            for (ConfigurationPropertySource source : context.getSources()) {
                ConfigurationProperty property = source.getConfigurationProperty(root);
                if (property != null) {
                    return "".equals(property.getValue());
                }
            }
            return false;
        }
    }
}
