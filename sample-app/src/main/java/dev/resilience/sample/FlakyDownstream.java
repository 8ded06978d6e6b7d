package dev.resilience.sample;

import dev.resilience.ResilienceException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Stands in for a remote service, reached over real HTTP: it runs a small {@link DownstreamServer} on its
 * own loopback port ({@code sample.downstream.port}, any free one by default) that fails and slows down as
 * {@link Chaos} says, and calls it through a {@code RestClient} built from Boot's {@code RestClient.Builder}.
 * With {@code resilience.http.client.enabled} that client passes every request through the per-host
 * instances {@code http-client[127.0.0.1]}. It counts the calls that actually reached the server, so one can
 * see that an open breaker keeps calls away.
 */
@Component
public class FlakyDownstream implements DisposableBean {

    private final AtomicReference<Chaos> chaos = new AtomicReference<>(Chaos.NONE);
    private final AtomicLong calls = new AtomicLong();
    private final DownstreamServer server;
    private final RestClient client;

    FlakyDownstream(RestClient.Builder builder, @Value("${sample.downstream.port:0}") int port) {
        this.server = DownstreamServer.start(port, this::answer);
        this.client = builder.baseUrl(server.baseUrl()).build();
    }

    /**
     * One remote call, over HTTP.
     *
     * @param what what is asked for
     * @return the answer
     * @throws DownstreamException when the downstream answered an error or could not be reached
     * @throws ResilienceException when the outbound client's own breaker or bulkhead refused the call
     *     (it passes unchanged, so the caller sees which instance refused)
     */
    public String call(String what) {
        try {
            return client.get().uri("/downstream?what={what}", what).retrieve().body(String.class);
        } catch (RestClientException e) {
            throw new DownstreamException("downstream failed for " + what + ": " + e.getMessage());
        }
    }

    /** What the server answers: runs on the server's threads, with the current chaos. */
    private String answer(String what) {
        calls.incrementAndGet();
        Chaos current = chaos.get();
        if (current.latencyMs() > 0) {
            try {
                Thread.sleep(current.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownstreamException("interrupted while waiting for the downstream");
            }
        }
        if (current.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
            throw new DownstreamException("downstream failed for " + what);
        }
        return "ok:" + what;
    }

    /** @return the current chaos settings */
    public Chaos chaos() {
        return chaos.get();
    }

    /** @param settings the new chaos settings */
    public void chaos(Chaos settings) {
        chaos.set(settings);
    }

    /** @return how many calls reached the downstream */
    public long calls() {
        return calls.get();
    }

    @Override
    public void destroy() {
        server.close();
    }
}
