package dev.resilience.spring.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Prometheus' {@code promtool}: the one named by {@code -Dpromtool.binary}, else the first on the
 * {@code PATH}. Tests that need it are skipped (an assumption) with a message saying what to install.
 */
final class Promtool {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /** @return promtool, or a skipped test when it is not installed */
    static Promtool required() {
        Optional<Path> binary = find();
        assumeTrue(binary.isPresent(), "promtool not found on the PATH (or -Dpromtool.binary): install Prometheus'"
                + " tools, e.g. `apt-get install -y prometheus` on Debian/Ubuntu (.ci/run does), to run this test");
        return new Promtool(binary.get());
    }

    private static Optional<Path> find() {
        String configured = System.getProperty("promtool.binary");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Runs promtool and waits for it, at most a minute.
     *
     * @param args the arguments, such as {@code check rules file.yml}
     * @return the exit code and the merged stdout and stderr
     */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("promtool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * What promtool said.
     *
     * @param exitCode 0 on success
     * @param output stdout and stderr
     */
    record Result(int exitCode, String output) {
    }
}
