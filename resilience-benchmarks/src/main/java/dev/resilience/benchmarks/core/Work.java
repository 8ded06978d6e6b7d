package dev.resilience.benchmarks.core;

import java.util.function.Supplier;

/**
 * The protected call of every core benchmark: it returns a string held in a field, so the call itself costs
 * a nanosecond or two and what a benchmark measures is the protection around it. The field is not final and
 * the result goes back to JMH, so the JIT can neither fold the call to a constant nor drop it.
 */
public final class Work implements Supplier<String> {

    private String value = "ok";

    /** @return the same string every time */
    @Override
    public String get() {
        return value;
    }

    @Override
    public String toString() {
        return "Work[" + value + "]";
    }
}
