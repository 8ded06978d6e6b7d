package dev.resilience;

/**
 * Base of every exception this library throws when it refuses or cuts short a call. Unchecked.
 *
 * <p>Rejections are cheap: unless the instance's configuration asks for writable stack traces, no
 * stack trace is filled in. Suppression stays enabled (it costs nothing until used) so that a retry
 * sequence can attach its earlier failures to the rejection that ends it (SPEC ruling 8), and a timeout
 * can attach the late failure of the call it cut short.
 */
public abstract class ResilienceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * Creates the exception.
     *
     * @param name the name of the instance that refused the call
     * @param message the message
     * @param writableStackTrace whether to capture the stack trace
     */
    protected ResilienceException(String name, String message, boolean writableStackTrace) {
        super(message, null, true, writableStackTrace);
        this.name = name;
    }

    /**
     * The instance that refused the call, as shown in the endpoint ({@code name} or {@code name[key]}).
     *
     * @return the instance name
     */
    public String getName() {
        return name;
    }
}
