package dev.resilience.benchmarks;

import dev.resilience.benchmarks.memory.HeapFootprint;
import dev.resilience.benchmarks.report.Measurement;
import dev.resilience.benchmarks.report.Report;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole measurement: every benchmark of this module at each thread count (default 1 and 2) with JMH's
 * GC profiler, then the heap footprint, then the report. Iterations, forks and warm-up come from the
 * benchmark classes' annotations (see {@link dev.resilience.benchmarks.core.Configs} and BENCHMARKS.md).
 *
 * <p>System properties, for partial runs: {@code bench.include} (a regex on benchmark names, default all),
 * {@code bench.threads} (comma-separated, default {@code 1,2}), {@code bench.footprint} ({@code false} skips
 * the heap measurement), {@code bench.quick} ({@code true}: 1 warm-up and 2 measured iterations of 200 ms,
 * to check the wiring, not to measure), {@code bench.out} (directory for the JSON results and the report,
 * default the directory of the jar).
 */
final class Suite {

    private Suite() {
    }

    static void run() throws RunnerException, IOException {
        String include = System.getProperty("bench.include", "");
        Path outDir = outputDirectory();
        Files.createDirectories(outDir);
        Map<Integer, Map<String, Measurement>> byThreads = new TreeMap<>();
        Map<Integer, List<String>> notes = new TreeMap<>();
        for (String threads : System.getProperty("bench.threads", "1,2").split(",")) {
            int count = Integer.parseInt(threads.strip());
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include("dev\\.resilience\\.benchmarks\\..*" + include)
                    .threads(count)
                    .addProfiler(GCProfiler.class)
                    .addProfiler(CpuTimeProfiler.class)
                    .resultFormat(ResultFormatType.JSON)
                    .result(outDir.resolve("jmh-" + count + "t.json").toString());
            if (Boolean.getBoolean("bench.quick")) {
                options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(2).measurementTime(TimeValue.milliseconds(200));
            }
            Collection<RunResult> runs = new Runner(options.build()).run();
            byThreads.put(count, measurements(runs));
            notes.put(count, refusals(runs));
        }
        List<HeapFootprint.Row> footprint = Boolean.parseBoolean(System.getProperty("bench.footprint", "true"))
                ? footprint(outDir) : List.of();
        String report = new Report(byThreads, notes, footprint).render(header());
        Path file = outDir.resolve("benchmark-report.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Report written to " + file.toAbsolutePath());
    }

    /** Runs {@link HeapFootprint} in a JVM of its own: a clean heap, and the flags JOL needs. */
    private static List<HeapFootprint.Row> footprint(Path outDir) throws IOException {
        Path rows = outDir.resolve("heap-footprint.tsv");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-Djol.magicFieldOffset=true",
                "-Djdk.attach.allowAttachSelf=true", "-cp", System.getProperty("java.class.path"),
                HeapFootprint.class.getName(), rows.toString())
                .inheritIO()
                .start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("heap footprint failed with exit code " + exit);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the heap footprint", e);
        }
        return HeapFootprint.read(rows);
    }

    private static Map<String, Measurement> measurements(Iterable<RunResult> runs) {
        Map<String, Measurement> byName = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String full = run.getParams().getBenchmark();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Result<?> primary = run.getPrimaryResult();
            Optional<Result> alloc = secondary(run, "gc.alloc.rate.norm");
            Optional<Result> cpu = secondary(run, "cpu.time.norm");
            byName.put(name, new Measurement(primary.getScore(), primary.getScoreError(),
                    alloc.map(Result::getScore).orElse(Double.NaN),
                    alloc.map(Result::getScoreError).orElse(Double.NaN),
                    cpu.map(Result::getScore).orElse(Double.NaN),
                    cpu.map(Result::getScoreError).orElse(Double.NaN)));
        }
        return byName;
    }

    /** Flags every benchmark whose limiter refused calls although its limit could not be reached. */
    private static List<String> refusals(Iterable<RunResult> runs) {
        List<String> found = new ArrayList<>();
        for (RunResult run : runs) {
            secondary(run, "refused")
                    .filter(refused -> refused.getScore() > 0)
                    .ifPresent(refused -> found.add(String.format(java.util.Locale.ROOT,
                            "%s refused %.0f calls in the measured iterations although its limit was never reached",
                            run.getParams().getBenchmark().replace("dev.resilience.benchmarks.", ""),
                            refused.getScore())));
        }
        return found;
    }

    @SuppressWarnings("rawtypes")
    private static Optional<Result> secondary(RunResult run, String suffix) {
        return run.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(suffix))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static Path outputDirectory() {
        String configured = System.getProperty("bench.out");
        if (configured != null) {
            return Paths.get(configured);
        }
        try {
            Path jar = Paths.get(Suite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(jar) ? jar : jar.getParent();
        } catch (Exception e) {
            return Paths.get(".");
        }
    }

    private static String header() {
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark report: resilience vs Resilience4j 2.4.0");
        lines.add("");
        lines.add("- date: " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        lines.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs"
                + cpuModel().map(model -> " (" + model + ")").orElse(""));
        lines.add(String.format(java.util.Locale.ROOT, "- load average at the end of the run: %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add("- JMH 1.37, mode AverageTime, profilers: gc, CpuTimeProfiler; forks, warm-up and iterations as annotated on each class");
        lines.add("- errors are JMH's 99.9% confidence half-widths (wide with 5 iterations: Student's t is 8.6)");
        lines.add("");
        return String.join("\n", lines);
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
