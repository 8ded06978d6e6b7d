package dev.resilience.fallback;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fallback methods of one protected method, and the choice among them for each failure: the candidate
 * whose exception parameter is the most specific supertype of the failure's class, or the one without an
 * exception parameter if none is. The choice is made once per failure class and cached in a map owned by
 * this object (a lookup allocates nothing once the class has been seen; unlike a {@link ClassValue} the
 * cache does not pin this object to long-lived exception classes).
 */
final class MethodFallback implements FallbackInvoker {

    private static final Object NO_CANDIDATE = new Object();

    private final FallbackCandidate[] candidates;
    private final ConcurrentHashMap<Class<?>, Object> choices = new ConcurrentHashMap<>();

    MethodFallback(List<FallbackCandidate> candidates) {
        this.candidates = candidates.toArray(new FallbackCandidate[0]);
    }

    @Override
    public Object invoke(Object target, Object[] arguments, Throwable failure) throws Throwable {
        FallbackCandidate candidate = candidateFor(failure.getClass());
        if (candidate == null) {
            throw failure;
        }
        return candidate.invoke(target, arguments, failure);
    }

    /**
     * The candidate that answers for a failure class.
     *
     * @param failureType the failure's class
     * @return the candidate, or {@code null} if every candidate takes an exception type the failure is not
     */
    FallbackCandidate candidateFor(Class<?> failureType) {
        Object known = choices.get(failureType);
        if (known == null) {
            FallbackCandidate chosen = choose(failureType);
            known = chosen == null ? NO_CANDIDATE : chosen;
            choices.putIfAbsent(failureType, known);
        }
        return known == NO_CANDIDATE ? null : (FallbackCandidate) known;
    }

    private FallbackCandidate choose(Class<?> failureType) {
        FallbackCandidate best = null;
        for (FallbackCandidate candidate : candidates) {
            if (candidate.accepts(failureType) && (best == null || candidate.moreSpecificThan(best))) {
                best = candidate;
            }
        }
        return best;
    }
}
