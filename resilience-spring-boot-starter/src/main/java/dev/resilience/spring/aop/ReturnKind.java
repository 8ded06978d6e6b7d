package dev.resilience.spring.aop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * How a protected method delivers its outcome, decided once per method from its declared return type;
 * it selects which {@link Layer} method its pipeline calls.
 */
public enum ReturnKind {

    /** A plain value or {@code void}: the outcome is known when the method returns or throws. */
    PLAIN,

    /**
     * {@code CompletionStage} or {@code CompletableFuture}: the outcome is known when the stage completes.
     * The pipeline never throws; rejections and failures arrive through the returned future.
     */
    COMPLETION_STAGE,

    /**
     * Reactor's {@code Mono}: the outcome is known when the publisher terminates; each subscription is one
     * call. The pipeline never throws; rejections and failures are error signals.
     */
    MONO,

    /** Reactor's {@code Flux}: as {@link #MONO}, for any number of elements. */
    FLUX;

    private static final String REACTIVE_STREAMS_PUBLISHER = "org.reactivestreams.Publisher";
    // compared by name, so that checking a return type never loads Reactor
    private static final String MONO_CLASS = "reactor.core.publisher.Mono";
    private static final String FLUX_CLASS = "reactor.core.publisher.Flux";

    /**
     * The kind of a return type.
     *
     * @param returnType the declared return type
     * @return its kind
     * @throws IllegalArgumentException with the reason, for a type no pipeline supports: a reactive
     *     publisher other than exactly {@code Mono} or {@code Flux}, or a {@code CompletionStage} subtype other than {@code CompletableFuture} (the
     *     pipeline returns a {@code CompletableFuture}, which such a method could not return)
     */
    static ReturnKind of(Class<?> returnType) {
        if (CompletionStage.class.isAssignableFrom(returnType)) {
            if (returnType != CompletionStage.class && returnType != CompletableFuture.class) {
                throw new IllegalArgumentException("returns " + returnType.getSimpleName()
                        + "; an asynchronous method must be declared to return CompletionStage or CompletableFuture");
            }
            return COMPLETION_STAGE;
        }
        if (returnType.getName().equals(MONO_CLASS)) {
            return MONO;
        }
        if (returnType.getName().equals(FLUX_CLASS)) {
            return FLUX;
        }
        if (Flow.Publisher.class.isAssignableFrom(returnType) || isNamedOrExtends(returnType, REACTIVE_STREAMS_PUBLISHER)) {
            throw new IllegalArgumentException("returns " + returnType.getSimpleName()
                    + "; the reactive return types supported are Reactor's Mono and Flux, declared as such");
        }
        return PLAIN;
    }

    /** By name, so that Reactive Streams need not be on the classpath. */
    private static boolean isNamedOrExtends(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(name)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (isNamedOrExtends(implemented, name)) {
                return true;
            }
        }
        return isNamedOrExtends(type.getSuperclass(), name);
    }
}
