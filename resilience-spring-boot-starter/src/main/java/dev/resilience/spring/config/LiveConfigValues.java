package dev.resilience.spring.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.convert.DurationStyle;

/**
 * Sets new values on a core config builder, by the builder's own setter names (which are the camelCase
 * keys of the config's {@code asMap()} and of the endpoint's {@code config} object). Only scalar settings
 * can be changed live: numbers, booleans, durations ({@code "30s"} or ISO-8601 {@code "PT30S"}, or a
 * {@link Duration}) and enums by name. Validation stays with the builder's {@code build()}. Stateless.
 */
public final class LiveConfigValues {

    private LiveConfigValues() {
    }

    /**
     * @param builder a core config builder, such as {@code CircuitBreakerConfig.Builder}
     * @param values camelCase key to new value
     * @param notLive keys that exist but are not applied to a live instance (such as {@code maxKeys})
     * @throws IllegalArgumentException for a key that cannot be changed live or a value of the wrong kind,
     *     naming the key and the changeable keys
     * @throws RuntimeException what a setter throws (an {@code InvalidConfigurationException})
     */
    static void apply(Object builder, Map<String, Object> values, Set<String> notLive) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Method setter = setter(builder, entry.getKey(), notLive);
            Object value = convert(entry.getKey(), entry.getValue(), setter.getParameterTypes()[0]);
            try {
                setter.invoke(builder, value);
            } catch (InvocationTargetException failure) {
                if (failure.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(failure.getCause());
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /**
     * Whether a key can be changed on a live instance.
     *
     * @param builder a core config builder
     * @param key a camelCase key
     * @param notLive keys that exist but are not applied to a live instance
     * @return {@code true} if {@link #apply} accepts the key
     */
    static boolean isLive(Object builder, String key, Set<String> notLive) {
        try {
            setter(builder, key, notLive);
            return true;
        } catch (IllegalArgumentException notChangeable) {
            return false;
        }
    }

    /**
     * Reads {@code "key=value,key=value"}; keys may be camelCase or kebab-case ({@code failure-rate-threshold}).
     *
     * @param text the pairs
     * @return camelCase key to value text, in the order given
     * @throws IllegalArgumentException for a pair without {@code =} or with an empty key
     */
    public static Map<String, Object> parse(String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                throw new IllegalArgumentException("config: expected key=value, got '" + pair.trim() + "'");
            }
            values.put(camelCase(pair.substring(0, equals).trim()), pair.substring(equals + 1).trim());
        }
        return values;
    }

    private static String camelCase(String key) {
        StringBuilder camel = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Method setter(Object builder, String key, Set<String> notLive) {
        if (!notLive.contains(key)) {
            for (Method method : builder.getClass().getMethods()) {
                if (method.getName().equals(key) && method.getParameterCount() == 1
                        && isScalar(method.getParameterTypes()[0])) {
                    return method;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + key + "' cannot be changed live; changeable: " + changeable(builder, notLive));
    }

    private static Set<String> changeable(Object builder, Set<String> notLive) {
        Set<String> keys = new TreeSet<>();
        for (Method method : builder.getClass().getMethods()) {
            if (method.getParameterCount() == 1 && method.getReturnType() == builder.getClass()
                    && isScalar(method.getParameterTypes()[0]) && !notLive.contains(method.getName())) {
                keys.add(method.getName());
            }
        }
        return keys;
    }

    private static boolean isScalar(Class<?> type) {
        return type == int.class || type == float.class || type == double.class || type == boolean.class
                || type == Duration.class || type.isEnum();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object convert(String key, Object value, Class<?> type) {
        try {
            if (value == null) {
                throw new IllegalArgumentException("null");
            }
            String text = value.toString().trim();
            if (type == int.class) {
                return value instanceof Number number && number.doubleValue() == number.intValue()
                        ? number.intValue() : Integer.parseInt(text);
            }
            if (type == float.class) {
                return Float.parseFloat(text);
            }
            if (type == double.class) {
                return Double.parseDouble(text);
            }
            if (type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException(text);
                }
                return Boolean.parseBoolean(text);
            }
            if (type == Duration.class) {
                return value instanceof Duration duration ? duration : DurationStyle.detectAndParse(text);
            }
            return Enum.valueOf((Class<? extends Enum>) type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException wrongKind) {
            throw new IllegalArgumentException("'" + key + "' expects " + describe(type) + ", got '" + value + "'");
        }
    }

    private static String describe(Class<?> type) {
        if (type == Duration.class) {
            return "a duration such as \"30s\" or \"PT30S\"";
        }
        return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
    }
}
