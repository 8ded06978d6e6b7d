package dev.resilience;

/** Thrown when a bulkhead has no room for a call. */
public class BulkheadFullException extends ResilienceException {

    private static final long serialVersionUID = 1L;

    /** Why the call was refused. */
    public enum Reason {
        /** Every concurrent slot and every queue place was taken. */
        QUEUE_FULL,
        /** The call waited in the queue for {@code max-wait-duration} without getting a slot. */
        QUEUE_TIMEOUT
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param name the bulkhead's name
     * @param reason why the call was refused
     * @param writableStackTrace whether to capture the stack trace
     */
    public BulkheadFullException(String name, Reason reason, boolean writableStackTrace) {
        super(name, "Bulkhead '" + name + "' is full (" + reason + ")", writableStackTrace);
        this.reason = reason;
    }

    /**
     * Why the call was refused.
     *
     * @return the reason
     */
    public Reason getReason() {
        return reason;
    }
}
