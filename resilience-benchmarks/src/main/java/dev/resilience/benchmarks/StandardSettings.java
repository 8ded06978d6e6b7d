package dev.resilience.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH settings shared by every benchmark class (JMH reads these annotations from superclasses): average
 * time per operation in nanoseconds, one fork with a fixed 1 GiB heap, 3 warm-up and 5 measured iterations
 * of one second each. Short enough that the whole suite runs in about ten minutes on two shared cores;
 * command-line options ({@code -f}, {@code -wi}, {@code -i}, ...) override them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class StandardSettings {
}
