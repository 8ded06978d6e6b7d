package dev.resilience.spring.config;

import dev.resilience.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.ClassUtils;

/**
 * Resolves the exception class names written in configuration ({@code record-exceptions},
 * {@code ignore-exceptions}, ...) once, when a configuration is built. Stateless, thread safe.
 */
public final class ExceptionClasses {

    private ExceptionClasses() {
    }

    /**
     * Loads every name as a {@link Throwable} subclass.
     *
     * @param property the kebab-case property the names come from, for the error message
     * @param names fully-qualified class names (nested classes as {@code Outer$Inner} or {@code Outer.Inner})
     * @param classLoader where to load them from
     * @return the classes, in order
     * @throws InvalidConfigurationException naming the property and the first name that is not a
     *     {@code Throwable} class on the classpath
     */
    public static List<Class<? extends Throwable>> resolve(String property, List<String> names, ClassLoader classLoader) {
        List<Class<? extends Throwable>> classes = new ArrayList<>(names.size());
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim();
            Class<?> type;
            try {
                type = ClassUtils.forName(name, classLoader);
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                throw new InvalidConfigurationException(property, raw,
                        "must be the fully-qualified name of an exception class on the classpath");
            }
            if (!Throwable.class.isAssignableFrom(type)) {
                throw new InvalidConfigurationException(property, raw,
                        "must name a subclass of java.lang.Throwable, but " + type.getName() + " is not one");
            }
            classes.add(type.asSubclass(Throwable.class));
        }
        return classes;
    }
}
