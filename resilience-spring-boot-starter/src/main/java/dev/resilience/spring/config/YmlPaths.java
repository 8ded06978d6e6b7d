package dev.resilience.spring.config;

import java.util.regex.Pattern;

/**
 * How error messages and lookups write the yml path of a map entry, such as an instance or a preset: a name
 * in lower-case kebab form as a plain segment ({@code .payments}), any other in brackets
 * ({@code [Orders.get]}), the form Spring Boot binds back to the same entry. Stateless.
 */
public final class YmlPaths {

    private static final Pattern DASHED_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private YmlPaths() {
    }

    /**
     * @param name a map key, such as an instance name
     * @return {@code "." + name}, or {@code "[" + name + "]"} when the name is not lower-case kebab
     */
    public static String element(String name) {
        return DASHED_NAME.matcher(name).matches() ? "." + name : "[" + name + "]";
    }
}
