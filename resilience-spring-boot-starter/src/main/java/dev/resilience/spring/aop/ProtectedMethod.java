package dev.resilience.spring.aop;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A method that carries at least one resilience annotation, seen from the bean class it is called on.
 * Immutable.
 */
public final class ProtectedMethod {

    private final Class<?> userClass;
    private final Method method;
    private final ReturnKind returnKind;
    private final String description;

    ProtectedMethod(Class<?> userClass, Method method, ReturnKind returnKind) {
        this.userClass = userClass;
        this.method = method;
        this.returnKind = returnKind;
        this.description = describe(userClass, method);
    }

    static String describe(Class<?> userClass, Method method) {
        return userClass.getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The bean's own class (never a CGLIB proxy class).
     *
     * @return the user class
     */
    public Class<?> userClass() {
        return userClass;
    }

    /**
     * The method as declared for {@link #userClass()} (the most specific declaration, bridges resolved);
     * parameter names are read from it.
     *
     * @return the method
     */
    public Method method() {
        return method;
    }

    /**
     * How the method delivers its outcome.
     *
     * @return the return kind
     */
    public ReturnKind returnKind() {
        return returnKind;
    }

    /**
     * The instance name used when an annotation leaves {@code name} empty.
     *
     * @return {@code SimpleClassName.methodName}
     */
    public String defaultInstanceName() {
        return userClass.getSimpleName() + "." + method.getName();
    }

    /**
     * An exception for a misuse of an annotation on this method, to throw during startup.
     *
     * @param problem what is wrong, starting with the annotation ({@code "@Fallback method 'x' ..."})
     * @return the exception, its message naming the class and the method
     */
    public AnnotationMisuseException misuse(String problem) {
        return new AnnotationMisuseException("Invalid resilience annotation on " + description + ": " + problem);
    }

    static AnnotationMisuseException misuse(Class<?> userClass, Method method, String problem) {
        return new AnnotationMisuseException("Invalid resilience annotation on " + describe(userClass, method) + ": " + problem);
    }

    /** @return {@code SimpleClassName.methodName(ParameterTypes)} */
    @Override
    public String toString() {
        return description;
    }
}
