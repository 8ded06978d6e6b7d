package dev.resilience.sample.monitoring;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The official {@code prom/prometheus} image, run by Testcontainers; it reaches the app on the host through
 * Testcontainers' host port forwarding ({@code host.testcontainers.internal}). Same version as Debian 12's
 * package, so both ways run the same PromQL engine.
 */
final class DockerPrometheus implements PrometheusServer {

    private static final DockerImageName IMAGE = DockerImageName.parse("prom/prometheus:v2.42.0");

    private static final int API_PORT = 9090;

    private final GenericContainer<?> container;

    private DockerPrometheus(GenericContainer<?> container) {
        this.container = container;
    }

    /**
     * Starts the container and waits until Prometheus is ready.
     *
     * @param appPort the app's port on the host
     * @param rules the alert rules to load
     * @return the running server
     */
    @SuppressWarnings("resource") // closed by close()
    static DockerPrometheus start(int appPort, String rules) {
        Testcontainers.exposeHostPorts(appPort);
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withAccessToHost(true)
                .withCopyToContainer(Transferable.of(rules), "/etc/prometheus/resilience-alerts.yml")
                .withCopyToContainer(Transferable.of(PrometheusServer.config(
                        "host.testcontainers.internal:" + appPort, "/etc/prometheus/resilience-alerts.yml")),
                        "/etc/prometheus/prometheus.yml")
                .withExposedPorts(API_PORT)
                .waitingFor(Wait.forHttp("/-/ready").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        return new DockerPrometheus(container);
    }

    @Override
    public URI uri() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(API_PORT));
    }

    @Override
    public void close() {
        container.stop();
    }
}
