package dev.resilience.spring.aop;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * The protected methods of one bean class, keyed by their most specific declaration. Immutable.
 */
final class ClassProtection {

    static final ClassProtection NONE = new ClassProtection(Map.of());

    private final Map<Method, MethodProtection> methods;

    ClassProtection(Map<Method, MethodProtection> methods) {
        this.methods = Map.copyOf(methods);
    }

    boolean isEmpty() {
        return methods.isEmpty();
    }

    /**
     * The protection of a method.
     *
     * @param specificMethod the method's most specific declaration for this class (see
     *     {@code AopUtils.getMostSpecificMethod})
     * @return its protection, or {@code null} if it carries no annotation
     */
    MethodProtection find(Method specificMethod) {
        return methods.get(specificMethod);
    }

    /** @return the protected methods, as calls name them */
    Set<Method> methods() {
        return methods.keySet();
    }
}
