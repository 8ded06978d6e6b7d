package dev.resilience.sample;

/** The simulated downstream failed. */
public class DownstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public DownstreamException(String message) {
        super(message);
    }
}
