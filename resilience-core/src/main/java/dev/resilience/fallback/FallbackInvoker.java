package dev.resilience.fallback;

/** Produces a fallback's answer for one failure: a fallback method, or a {@link FallbackHandler}. */
interface FallbackInvoker {

    /**
     * Answers for a failed call.
     *
     * @param target the object whose method failed (ignored by handlers and static fallback methods)
     * @param arguments the failed call's arguments
     * @param failure the failure, already accepted by applyOn/skipOn
     * @return a value assignable to the protected method's return type (plain values already wrapped in a
     *         completed future for stage-returning methods)
     * @throws Throwable what the fallback threw, or {@code failure} itself if no fallback answers for it
     */
    Object invoke(Object target, Object[] arguments, Throwable failure) throws Throwable;
}
