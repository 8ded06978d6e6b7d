package dev.resilience.sample.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls the sample app on 127.0.0.1 and answers with the HTTP status. */
final class SampleAppClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    SampleAppClient(int port) {
        this.port = port;
    }

    /**
     * Sets how the simulated downstream behaves ({@code POST /chaos}).
     *
     * @param failureRate fraction of calls that fail
     * @param latencyMs extra time every downstream call takes
     * @return the status
     */
    int chaos(double failureRate, long latencyMs) throws IOException, InterruptedException {
        return http.send(request("/chaos").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"failureRate\":" + failureRate + ",\"latencyMs\":" + latencyMs + "}"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * {@code GET path}, waiting for the answer.
     *
     * @param path such as {@code /price/sku-1}
     * @return the status
     */
    int get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * {@code GET path} without waiting.
     *
     * @param path such as {@code /report}
     * @return the status, when it comes
     */
    CompletableFuture<Integer> getAsync(String path) {
        return http.sendAsync(request(path).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
    }
}
