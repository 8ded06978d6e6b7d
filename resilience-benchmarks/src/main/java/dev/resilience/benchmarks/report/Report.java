package dev.resilience.benchmarks.report;

import dev.resilience.benchmarks.memory.HeapFootprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders one suite run as Markdown: core and Spring tables per thread count, the heap footprint, and
 * whether each of the targets is met. All ratios compare figures of the same run.
 */
public final class Report {

    /** Below this many bytes per operation, an allocation counts as zero (any real object is 16 bytes). */
    static final double ZERO_BYTES = 0.5;

    private final Map<Integer, Map<String, Measurement>> byThreads;
    private final Map<Integer, List<String>> notes;
    private final List<HeapFootprint.Row> footprint;
    private final List<String> targets = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    /**
     * @param byThreads thread count to (benchmark name to measurement)
     * @param notes thread count to warnings about that run (refused calls)
     * @param footprint the heap rows, empty if not measured
     */
    public Report(Map<Integer, Map<String, Measurement>> byThreads, Map<Integer, List<String>> notes,
            List<HeapFootprint.Row> footprint) {
        this.byThreads = byThreads;
        this.notes = notes;
        this.footprint = footprint;
    }

    /**
     * @param header text to put first (environment, settings)
     * @return the whole report
     */
    public String render(String header) {
        out.append(header).append('\n');
        byThreads.forEach((threads, results) -> {
            out.append("## Core level, ").append(threads).append(threads == 1 ? " thread" : " threads").append("\n\n");
            coreTable(threads, results);
            for (String note : notes.getOrDefault(threads, List.of())) {
                out.append("**Warning:** ").append(note).append(".\n\n");
            }
            blocksTable(results);
            out.append("## Spring level, ").append(threads).append(threads == 1 ? " thread" : " threads").append("\n\n");
            springTable(threads, results);
        });
        if (!footprint.isEmpty()) {
            out.append("## Retained heap\n\n").append(HeapFootprint.toMarkdown(footprint)).append('\n');
            footprintTargets();
        }
        out.append("## Targets\n\n| target | figure | met (wall clock) | met (CPU time) |\n|---|---|---|---|\n");
        targets.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private void coreTable(int threads, Map<String, Measurement> results) {
        out.append("ns/op: wall-clock time per call and thread (lower is better). CPU ns/op: CPU time the JVM used ")
                .append("per call, all threads together (not inflated by time spent descheduled). speed-up = R4j / ours ")
                .append("(at 2 threads, of wall-clock time: the throughput ratio). overhead = call - baseline. ")
                .append("B/op: bytes allocated per call.\n\n")
                .append("| pattern | baseline ns/op | ours ns/op | R4j ns/op | speed-up | overhead ours/R4j ")
                .append("| ours CPU ns/op | R4j CPU ns/op | CPU speed-up | ours B/op | R4j B/op |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison row : Comparisons.core()) {
            Measurement ours = results.get(row.ours());
            Measurement r4j = results.get(row.r4j());
            Measurement base = results.get(row.baseline());
            if (ours == null && r4j == null) {
                continue;
            }
            out.append("| ").append(row.pattern())
                    .append(" | ").append(base == null ? "" : time(base))
                    .append(" | ").append(ours == null ? "missing" : time(ours))
                    .append(" | ").append(r4j == null ? "" : time(r4j));
            if (ours != null && r4j != null && base != null) {
                Measurement oursOverhead = ours.minus(base);
                Measurement r4jOverhead = r4j.minus(base);
                double[] speedUp = Measurement.ratio(r4j.nanosPerOp(), r4j.error(), ours.nanosPerOp(), ours.error());
                double[] overhead = Measurement.ratio(oursOverhead.nanosPerOp(), oursOverhead.error(),
                        r4jOverhead.nanosPerOp(), r4jOverhead.error());
                double[] cpuSpeedUp = Measurement.ratio(r4j.cpuPerOp(), r4j.cpuError(), ours.cpuPerOp(), ours.cpuError());
                out.append(" | ").append(ratio(speedUp)).append(" | ").append(ratio(overhead))
                        .append(" | ").append(cpu(ours)).append(" | ").append(cpu(r4j))
                        .append(" | ").append(ratio(cpuSpeedUp));
                speedTarget(row, threads, speedUp, cpuSpeedUp);
            } else {
                out.append(" | | | ").append(ours == null ? "" : cpu(ours)).append(" | ")
                        .append(r4j == null ? "" : cpu(r4j)).append(" | ");
            }
            out.append(" | ").append(ours == null ? "" : bytes(ours))
                    .append(" | ").append(r4j == null ? "" : bytes(r4j)).append(" |\n");
            zeroAllocationTarget(row, threads, ours);
        }
        out.append('\n');
    }

    private void blocksTable(Map<String, Measurement> results) {
        String prefix = "BuildingBlocksBenchmark.";
        if (results.keySet().stream().noneMatch(name -> name.startsWith(prefix))) {
            return;
        }
        out.append("Building blocks (what the paths above are made of):\n\n| operation | ns/op | B/op |\n|---|---:|---:|\n");
        results.forEach((name, m) -> {
            if (name.startsWith(prefix)) {
                out.append("| ").append(name.substring(prefix.length())).append(" | ").append(time(m))
                        .append(" | ").append(bytes(m)).append(" |\n");
            }
        });
        out.append('\n');
    }

    private void springTable(int threads, Map<String, Measurement> results) {
        out.append("overhead = annotated call - the same bean's unannotated call (both through the proxy).\n\n")
                .append("| pattern | library | annotated ns/op | plain ns/op | overhead ns | overhead CPU ns ")
                .append("| annotated B/op | plain B/op |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison row : Comparisons.spring()) {
            Measurement[] overheads = new Measurement[2];
            String[] names = {row.ours(), row.r4j()};
            for (int side = 0; side < 2; side++) {
                Measurement annotated = results.get(names[side]);
                Measurement plain = results.get(Comparisons.plainOf(names[side]));
                out.append("| ").append(row.pattern()).append(" | ").append(side == 0 ? "ours" : "Resilience4j");
                if (annotated == null || plain == null) {
                    out.append(" | missing | | | | | |\n");
                    continue;
                }
                overheads[side] = annotated.minus(plain);
                out.append(" | ").append(time(annotated)).append(" | ").append(time(plain))
                        .append(" | ").append(time(overheads[side])).append(" | ").append(cpu(overheads[side]))
                        .append(" | ").append(bytes(annotated)).append(" | ").append(bytes(plain)).append(" |\n");
            }
            if (overheads[0] != null && overheads[1] != null) {
                double[] ratio = Measurement.ratio(overheads[0].nanosPerOp(), overheads[0].error(),
                        overheads[1].nanosPerOp(), overheads[1].error());
                double[] cpuRatio = Measurement.ratio(overheads[0].cpuPerOp(), overheads[0].cpuError(),
                        overheads[1].cpuPerOp(), overheads[1].cpuError());
                out.append("\nOverhead ours / Resilience4j: ").append(ratio(ratio)).append(" (CPU time: ")
                        .append(ratio(cpuRatio)).append(")\n");
                targets.add(String.format(Locale.ROOT, "| Spring level, %d thread(s): overhead per annotated call "
                        + "at most half of R4j's | %s (CPU time: %s) | %s | %s |", threads, ratio(ratio), ratio(cpuRatio),
                        met(ratio[0] <= 0.5), met(cpuRatio[0] <= 0.5)));
            }
        }
        out.append('\n');
    }

    private void speedTarget(Comparison row, int threads, double[] speedUp, double[] cpuSpeedUp) {
        if (!row.speedTarget()) {
            return;
        }
        if (threads == 1) {
            double[] timeRatio = inverse(speedUp);
            double[] cpuRatio = inverse(cpuSpeedUp);
            targets.add(String.format(Locale.ROOT, "| %s, 1 thread: at most half of R4j's time "
                    + "| time ours/R4j %s (CPU time: %s) | %s | %s |", row.pattern(), ratio(timeRatio), ratio(cpuRatio),
                    met(timeRatio[0] <= 0.5), met(cpuRatio[0] <= 0.5)));
        } else {
            targets.add(String.format(Locale.ROOT, "| %s, %d threads: at least twice R4j's throughput "
                    + "| ×%s (per CPU time: ×%s) | %s | %s |", row.pattern(), threads, ratio(speedUp), ratio(cpuSpeedUp),
                    met(speedUp[0] >= 2), met(cpuSpeedUp[0] >= 2)));
        }
    }

    private static double[] inverse(double[] ratio) {
        return new double[] {1 / ratio[0], ratio[1] / (ratio[0] * ratio[0])};
    }

    private void zeroAllocationTarget(Comparison row, int threads, Measurement ours) {
        if (!row.zeroAllocationTarget() || ours == null || row.pattern().contains("LOCK_FREE")) {
            return;
        }
        targets.add(String.format(Locale.ROOT, "| %s, %d thread(s): zero bytes per call | %s B/op | %s | |",
                row.pattern(), threads, bytes(ours), met(ours.bytesPerOp() < ZERO_BYTES)));
    }

    private void footprintTargets() {
        HeapFootprint.Row ours = footprint.get(0);
        HeapFootprint.Row r4j = footprint.get(1);
        double ratio = ours.jolBytes() / r4j.jolBytes();
        targets.add(String.format(Locale.ROOT, "| retained heap per breaker (count window 100) at most half of R4j's "
                + "| %,.0f B vs %,.0f B = %.2f | %s | |", ours.jolBytes(), r4j.jolBytes(), ratio, met(ratio <= 0.5)));
        for (HeapFootprint.Row row : footprint) {
            if (row.what().startsWith("ours: 100,000")) {
                double megabytes = row.heapBytes() * row.count() / 1_000_000.0;
                targets.add(String.format(Locale.ROOT, "| 100,000 keyed breakers of ours within 100 MB | %.1f MB | %s | |",
                        megabytes, met(megabytes <= 100)));
            }
        }
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String time(Measurement m) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", m.nanosPerOp(), m.error());
    }

    private static String cpu(Measurement m) {
        return Double.isNaN(m.cpuPerOp()) ? "" : String.format(Locale.ROOT, "%.1f ± %.1f", m.cpuPerOp(), m.cpuError());
    }

    private static String bytes(Measurement m) {
        if (Double.isNaN(m.bytesPerOp())) {
            return "";
        }
        return m.bytesPerOp() < ZERO_BYTES ? String.format(Locale.ROOT, "%.3f", Math.max(0, m.bytesPerOp()))
                : String.format(Locale.ROOT, "%.0f", m.bytesPerOp());
    }

    private static String ratio(double[] ratio) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio[0], ratio[1]);
    }
}
