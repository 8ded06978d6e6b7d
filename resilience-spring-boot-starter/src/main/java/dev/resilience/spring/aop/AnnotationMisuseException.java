package dev.resilience.spring.aop;

/**
 * A resilience annotation that cannot work where it is written: on a method the proxy cannot intercept,
 * with a key expression that does not parse or names an unknown parameter, on an unsupported return
 * type, or with pattern-specific attributes that do not fit (a missing fallback method, say). Thrown
 * while the application context starts, so that the context fails instead of the first call. The message
 * names the class, the method and what is wrong.
 */
public class AnnotationMisuseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the class and method
     */
    public AnnotationMisuseException(String message) {
        super(message);
    }
}
