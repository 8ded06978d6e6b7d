package dev.resilience.benchmarks.core;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Calls a limiter refused although its limit cannot be reached in a run: JMH reports the count per
 * iteration as the secondary result {@code refused}, and the report flags every benchmark where it is not
 * zero. Counting, instead of letting the exception fail the run, keeps the measurement and makes the
 * refusals visible. One instance per benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Refusals {

    /** Refused calls in this iteration; JMH reads and resets public fields of an {@code @AuxCounters} state. */
    public long refused;
}
