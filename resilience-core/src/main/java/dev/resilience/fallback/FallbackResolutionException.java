package dev.resilience.fallback;

/**
 * Thrown when a fallback cannot be set up: the fallback method does not exist, its signature or return
 * type does not fit, or {@code @Fallback} is misused. Found at startup, not at the first call. The message
 * names the class, the protected method, the fallback method's name and the signature(s) expected
 * (SPEC ruling 13).
 */
public class FallbackResolutionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what was expected
     */
    public FallbackResolutionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and what was expected
     * @param cause the underlying failure (for example an inaccessible method)
     */
    public FallbackResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
