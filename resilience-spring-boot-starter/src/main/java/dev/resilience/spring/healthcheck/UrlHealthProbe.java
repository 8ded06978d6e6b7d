package dev.resilience.spring.healthcheck;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks an HTTP URL with GET, asynchronously ({@link HttpClient#sendAsync}): a 2xx answer is healthy; any
 * other status, no answer within the timeout or a connection error is unhealthy. The body is discarded.
 * Details name the status or the exception class, never an exception message (which may carry hosts or
 * credentials). Thread safe: the client and the request are immutable and shared by every check.
 */
final class UrlHealthProbe implements HealthProbe {

    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;
    private final HttpRequest request;

    /**
     * @param uri an absolute http or https URL
     * @param timeout the longest the exchange may take (also the connect timeout of {@code client})
     * @param client the client that sends the requests
     */
    UrlHealthProbe(URI uri, Duration timeout, HttpClient client) {
        this.uri = uri;
        this.timeout = timeout;
        this.client = client;
        this.request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
    }

    @Override
    public String source() {
        return "url " + uri;
    }

    @Override
    public CompletableFuture<Result> check() {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null ? classify(response.statusCode()) : failed(error));
    }

    private static Result classify(int status) {
        return status >= 200 && status < 300 ? Result.healthy("HTTP " + status) : Result.unhealthy("HTTP " + status);
    }

    private Result failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return Result.unhealthy(HealthCheckPoller.noAnswerWithin(timeout));
        }
        if (cause instanceof ConnectException) {
            return Result.unhealthy("connection refused or unreachable (" + cause.getClass().getSimpleName() + ")");
        }
        return Result.unhealthy("request failed (" + cause.getClass().getSimpleName() + ")");
    }
}
