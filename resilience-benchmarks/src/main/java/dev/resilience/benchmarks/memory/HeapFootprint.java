package dev.resilience.benchmarks.memory;

import dev.resilience.benchmarks.core.Configs;
import dev.resilience.circuitbreaker.CircuitBreaker;
import dev.resilience.circuitbreaker.CircuitBreakerConfig;
import dev.resilience.registry.InstanceRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Function;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of circuit breakers, measured two independent ways.
 *
 * <ul>
 * <li><b>JOL graph difference.</b> {@link GraphLayout} adds up the shallow size of every object reachable
 *     from its roots, each object once. The graph of 1 + n breakers minus the graph of 1 breaker, divided by
 *     n, is what one more breaker retains: objects shared by all breakers (the configuration, the clock,
 *     classes' static data) are in both graphs and cancel out. Exact for this JVM's object layout.</li>
 * <li><b>Used-heap delta.</b> Used heap after {@code System.gc()} before and after creating n breakers
 *     (kept reachable), divided by n. Independent of JOL, but only as exact as a full GC's accounting.</li>
 * </ul>
 *
 * Every breaker has made one successful call before it is measured (a breaker in use, not a fresh one).
 * Striped counters ({@code LongAdder}) grow cells only under contention, so one more row measures a breaker
 * that two threads have hammered at once. The keyed rows fill a registry with 100,000 names (or keys) and
 * report the used-heap delta of the whole registry: breakers, keys, names and map entries.
 */
public final class HeapFootprint {

    private static final int PER_INSTANCE = 10_000;
    private static final int KEYS = 100_000;
    private static final int CONTENDED_CALLS = 2_000_000;

    private HeapFootprint() {
    }

    /**
     * One measured row.
     *
     * @param what what was measured
     * @param jolBytes bytes per instance by JOL graph difference, or NaN if not measured that way
     * @param heapBytes bytes per instance by used-heap delta, or NaN if not measured that way
     * @param count instances measured
     */
    public record Row(String what, double jolBytes, double heapBytes, int count) {
    }

    /**
     * Prints the measurements as a Markdown table, and with an argument also writes them to that file, one
     * tab-separated row per line, for {@link #read(Path)}. Run it in a JVM of its own with
     * {@code -Djol.magicFieldOffset=true} (JOL reads fields of hidden lambda classes) and a heap of at least
     * 2 GiB.
     *
     * @param args optionally, the file for the rows
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<Row> rows = measure();
        System.out.print(toMarkdown(rows));
        if (args.length > 0) {
            List<String> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(row.what() + "\t" + row.jolBytes() + "\t" + row.heapBytes() + "\t" + row.count());
            }
            Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads rows written by {@link #main(String[])}.
     *
     * @param file the file
     * @return the rows
     * @throws IOException if the file cannot be read
     */
    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            rows.add(new Row(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                    Integer.parseInt(fields[3])));
        }
        return rows;
    }

    /** @return every row, ours first in each pair */
    public static List<Row> measure() {
        CircuitBreakerConfig ours = Configs.ours(true);
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig r4j = Configs.r4j(true, false);
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig r4jLockFree = Configs.r4j(true, true);
        IntFunction<Object> oursBreaker = i -> used(CircuitBreaker.of("cb-" + i, ours));
        IntFunction<Object> r4jBreaker = i -> used(io.github.resilience4j.circuitbreaker.CircuitBreaker.of("cb-" + i, r4j));
        IntFunction<Object> r4jLockFreeBreaker =
                i -> used(io.github.resilience4j.circuitbreaker.CircuitBreaker.of("cb-" + i, r4jLockFree));

        List<Row> rows = new ArrayList<>();
        rows.add(perInstance("ours: one circuit breaker, count window 100", oursBreaker));
        rows.add(perInstance("Resilience4j: one circuit breaker, count window 100 (SYNCHRONIZED, default)", r4jBreaker));
        rows.add(perInstance("Resilience4j: one circuit breaker, count window 100 (LOCK_FREE)", r4jLockFreeBreaker));
        rows.add(contended("ours: one circuit breaker after 2 threads called it at once",
                name -> CircuitBreaker.of(name, ours)));
        rows.add(contended("Resilience4j: one circuit breaker after 2 threads called it at once (SYNCHRONIZED)",
                name -> io.github.resilience4j.circuitbreaker.CircuitBreaker.of(name, r4j)));
        rows.add(keyedOurs(ours));
        rows.add(keyedR4j(r4j));
        return rows;
    }

    private static Object used(CircuitBreaker breaker) {
        breaker.run(HeapFootprint::nothing);
        return breaker;
    }

    private static Object used(io.github.resilience4j.circuitbreaker.CircuitBreaker breaker) {
        breaker.executeRunnable(HeapFootprint::nothing);
        return breaker;
    }

    private static void nothing() {
    }

    private static Row perInstance(String what, IntFunction<Object> make) {
        Object[] one = {make.apply(-1)};
        Object[] many = new Object[PER_INSTANCE + 1];
        many[0] = one[0];
        for (int i = 1; i < many.length; i++) {
            many[i] = make.apply(i);
        }
        double jol = (double) (GraphLayout.parseInstance(many).totalSize()
                - GraphLayout.parseInstance(one).totalSize()) / PER_INSTANCE;
        many = null;

        Object[] kept = new Object[PER_INSTANCE];
        long before = usedHeapAfterGc();
        for (int i = 0; i < kept.length; i++) {
            kept[i] = make.apply(i);
        }
        long after = usedHeapAfterGc();
        Reference.reachabilityFence(kept);
        Reference.reachabilityFence(one);
        return new Row(what, jol, (double) (after - before) / PER_INSTANCE, PER_INSTANCE);
    }

    /**
     * What one breaker retains after two threads called it at once: the graph of a quiet breaker and the
     * hammered one minus the graph of the quiet one (shared objects cancel out, as in {@link #perInstance};
     * the two have different names, so that no name string is shared). Whether the two threads really
     * overlap, and so how many counter cells grow, depends on the scheduler: this is an upper-bound probe.
     */
    private static Row contended(String what, Function<String, Object> make) {
        Object hammered = make.apply("hammered");
        hammer(hammered);
        Object quiet = make.apply("quiet");
        used(quiet);
        double jol = GraphLayout.parseInstance(quiet, hammered).totalSize()
                - GraphLayout.parseInstance(quiet).totalSize();
        return new Row(what, jol, Double.NaN, 1);
    }

    private static void used(Object breaker) {
        if (breaker instanceof CircuitBreaker ours) {
            used(ours);
        } else {
            used((io.github.resilience4j.circuitbreaker.CircuitBreaker) breaker);
        }
    }

    private static void hammer(Object breaker) {
        Runnable calls = breaker instanceof CircuitBreaker ours
                ? () -> {
                    for (int i = 0; i < CONTENDED_CALLS; i++) {
                        ours.run(HeapFootprint::nothing);
                    }
                }
                : () -> {
                    io.github.resilience4j.circuitbreaker.CircuitBreaker r4j =
                            (io.github.resilience4j.circuitbreaker.CircuitBreaker) breaker;
                    for (int i = 0; i < CONTENDED_CALLS; i++) {
                        r4j.executeRunnable(HeapFootprint::nothing);
                    }
                };
        Thread first = new Thread(calls);
        Thread second = new Thread(calls);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Row keyedOurs(CircuitBreakerConfig config) {
        long before = usedHeapAfterGc();
        InstanceRegistry<CircuitBreaker> registry = new InstanceRegistry<>(
                id -> CircuitBreaker.of(id.displayName(), config), name -> KEYS);
        for (int i = 0; i < KEYS; i++) {
            used(registry.get("backend", "host-" + i));
        }
        long after = usedHeapAfterGc();
        if (registry.all().size() != KEYS) {
            throw new IllegalStateException("expected " + KEYS + " keyed breakers, found " + registry.all().size());
        }
        Reference.reachabilityFence(registry);
        return new Row("ours: 100,000 keyed breakers in an InstanceRegistry (name[key], max-keys 100000)",
                Double.NaN, (double) (after - before) / KEYS, KEYS);
    }

    private static Row keyedR4j(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig config) {
        long before = usedHeapAfterGc();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        for (int i = 0; i < KEYS; i++) {
            used(registry.circuitBreaker("backend[host-" + i + "]"));
        }
        long after = usedHeapAfterGc();
        if (registry.getAllCircuitBreakers().size() != KEYS) {
            throw new IllegalStateException("expected " + KEYS + " breakers");
        }
        Reference.reachabilityFence(registry);
        return new Row("Resilience4j: 100,000 breakers in a CircuitBreakerRegistry (one name each)",
                Double.NaN, (double) (after - before) / KEYS, KEYS);
    }

    /**
     * Used heap after full collections, once two collections in a row agree within 64 KiB.
     *
     * @return used heap in bytes
     */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /**
     * Renders rows as a Markdown table.
     *
     * @param rows the rows
     * @return the table
     */
    public static String toMarkdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| what | bytes each (JOL graph difference) | bytes each (used-heap delta) | total (used-heap delta) |\n");
        out.append("|---|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.what())
                    .append(" | ").append(format(row.jolBytes()))
                    .append(" | ").append(format(row.heapBytes()))
                    .append(" | ").append(Double.isNaN(row.heapBytes()) ? "" : String.format(Locale.ROOT, "%.1f MB",
                            row.heapBytes() * row.count() / 1_000_000.0))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String format(double bytes) {
        return Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, "%,.0f", bytes);
    }
}
