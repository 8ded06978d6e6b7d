package dev.resilience.sample.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A Prometheus started from its binary (Debian's {@code prometheus} package: {@code /usr/bin/prometheus}),
 * as its own process on a free loopback port, with a generated configuration and a temporary storage
 * directory. It never touches a Prometheus service the package may have started (that one keeps its own
 * port and data).
 */
final class LocalPrometheus implements PrometheusServer {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private static final Duration SHUTDOWN = Duration.ofSeconds(15);

    private final Process process;

    private final URI uri;

    private final Path workDir;

    private final Thread killOnExit;

    private LocalPrometheus(Process process, URI uri, Path workDir) {
        this.process = process;
        this.uri = uri;
        this.workDir = workDir;
        // if the test JVM dies before close(), the server must not outlive it
        this.killOnExit = new Thread(process::destroyForcibly, "kill-prometheus");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** @return the binary named by {@code -Dprometheus.binary}, else {@code prometheus} on the PATH */
    static Optional<Path> binary() {
        String configured = System.getProperty("prometheus.binary");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts Prometheus and waits until it is ready.
     *
     * @param binary the prometheus binary
     * @param appPort the app's port on 127.0.0.1
     * @param rules the alert rules to load
     * @return the running server
     */
    static LocalPrometheus start(Path binary, int appPort, String rules) throws IOException {
        Path workDir = Files.createTempDirectory("prometheus-scrape-test");
        Path rulesFile = Files.writeString(workDir.resolve("resilience-alerts.yml"), rules);
        Path config = Files.writeString(workDir.resolve("prometheus.yml"),
                PrometheusServer.config("127.0.0.1:" + appPort, rulesFile.toString()));
        Path log = workDir.resolve("prometheus.log");
        int port = freeLoopbackPort();
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalPrometheus server = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port), workDir);
        try {
            server.awaitReady(log);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try {
            FileSystemUtils.deleteRecursively(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
        await("Prometheus ready at " + uri).atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
