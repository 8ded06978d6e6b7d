package dev.resilience.spring.aop;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for layers that observe {@code CompletionStage} outcomes. */
public final class Futures {

    private Futures() {
    }

    /**
     * The failure a future completed with, without the {@link CompletionException} or
     * {@link ExecutionException} wrappers that stage composition adds, so that it can be classified by
     * type (record, ignore, retry, fallback rules).
     *
     * @param failure what a future completed with
     * @return the innermost cause behind the wrappers, or {@code failure} itself
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
