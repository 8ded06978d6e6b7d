package dev.resilience;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a failure belongs to a set of exception classes: it matches when its class is a
 * subclass of (or equal to) one included class and of no excluded class; exclusion wins. Used for
 * {@code retry-exceptions}/{@code ignore-exceptions} and for a fallback's {@code applyOn}/{@code skipOn}.
 *
 * <p>Thread safe and immutable. The answer for each exception class is computed once and cached, so a
 * test on the hot path is one lookup in a concurrent map (no lock, no allocation once the class has
 * been seen). A {@link ConcurrentHashMap} owned by the filter is used rather than a {@link ClassValue},
 * whose entries live on the exception class (often a JDK class) and would keep the filter reachable
 * for as long as that class lives.
 */
public final class ExceptionFilter {

    private final List<Class<? extends Throwable>> included;
    private final List<Class<? extends Throwable>> excluded;
    private final ConcurrentHashMap<Class<?>, Boolean> answers = new ConcurrentHashMap<>();

    private ExceptionFilter(List<Class<? extends Throwable>> included, List<Class<? extends Throwable>> excluded) {
        this.included = included;
        this.excluded = excluded;
    }

    /**
     * Creates a filter.
     *
     * @param included the classes that match, with their subclasses
     * @param excluded the classes that never match, with their subclasses; they win over {@code included}
     * @return the filter
     */
    public static ExceptionFilter of(Collection<Class<? extends Throwable>> included,
            Collection<Class<? extends Throwable>> excluded) {
        return new ExceptionFilter(List.copyOf(included), List.copyOf(excluded));
    }

    /**
     * Whether a failure matches.
     *
     * @param failure the failure; {@code null} never matches
     * @return {@code true} if its class is included and not excluded
     */
    public boolean test(Throwable failure) {
        return failure != null && matches(failure.getClass());
    }

    /**
     * Whether an exception class matches.
     *
     * @param type the exception class
     * @return {@code true} if it is included and not excluded
     */
    public boolean matches(Class<? extends Throwable> type) {
        Boolean known = answers.get(Objects.requireNonNull(type, "type"));
        if (known != null) {
            return known;
        }
        boolean answer = !anyAssignable(excluded, type) && anyAssignable(included, type);
        answers.putIfAbsent(type, answer);
        return answer;
    }

    /** @return the included classes */
    public List<Class<? extends Throwable>> included() {
        return included;
    }

    /** @return the excluded classes */
    public List<Class<? extends Throwable>> excluded() {
        return excluded;
    }

    private static boolean anyAssignable(List<Class<? extends Throwable>> classes, Class<?> type) {
        for (Class<? extends Throwable> each : classes) {
            if (each.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ExceptionFilter[included=" + included + ", excluded=" + excluded + "]";
    }
}
