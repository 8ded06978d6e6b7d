package dev.resilience.spring.http.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Answers a refused request: 429 (rate limiter) or 503 (bulkhead), a {@code Retry-After} header in whole
 * seconds, and an RFC 9457 body ({@code application/problem+json}) written by the application's own
 * message converters, the ones its controllers use for {@link ProblemDetail}. Besides the standard members
 * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} = the request path) the body
 * has {@code endpoint}, {@code retryAfterSeconds} and the refusing instance's name under
 * {@code rateLimiter} or {@code bulkhead}. Without a converter that can write problem JSON, the status and
 * header are sent with an empty body.
 *
 * <p>Thread safe. The converter is looked up on the first refusal and kept (a benign race: every thread
 * finds the same one).
 */
final class Rejections {

    static final URI RATE_LIMITED = URI.create("urn:resilience:problem:rate-limited");
    static final URI BULKHEAD_FULL = URI.create("urn:resilience:problem:bulkhead-full");

    private final Supplier<List<HttpMessageConverter<?>>> converters;
    private volatile HttpMessageConverter<ProblemDetail> converter;

    /** @param converters the application's HTTP message converters, asked once, on the first refusal */
    Rejections(Supplier<List<HttpMessageConverter<?>>> converters) {
        this.converters = converters;
    }

    void rateLimited(HttpServletRequest request, HttpServletResponse response, Endpoint endpoint, String limiter,
            Duration retryAfter) throws IOException {
        long seconds = wholeSeconds(retryAfter);
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "Rate limit exceeded",
                "Too many requests to " + endpoint.id() + "; retry after " + seconds + "s.", request, endpoint, seconds);
        problem.setProperty("rateLimiter", limiter);
        send(response, problem, seconds);
    }

    void bulkheadFull(HttpServletRequest request, HttpServletResponse response, Endpoint endpoint, String bulkhead,
            Duration retryAfter) throws IOException {
        long seconds = wholeSeconds(retryAfter);
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, BULKHEAD_FULL, "Too many concurrent requests",
                "Every slot of " + endpoint.id() + " is taken; retry after " + seconds + "s.", request, endpoint, seconds);
        problem.setProperty("bulkhead", bulkhead);
        send(response, problem, seconds);
    }

    /** Rounds up to whole seconds, at least 1: a client told 0 would retry at once. */
    static long wholeSeconds(Duration duration) {
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail,
            HttpServletRequest request, Endpoint endpoint, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(instance(request));
        problem.setProperty("endpoint", endpoint.id());
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private void send(HttpServletResponse response, ProblemDetail problem, long retryAfterSeconds) throws IOException {
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        HttpMessageConverter<ProblemDetail> writer = converter();
        if (writer != null) {
            ServletServerHttpResponse output = new ServletServerHttpResponse(response);
            writer.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
            output.flush();
        }
    }

    @SuppressWarnings("unchecked")
    private HttpMessageConverter<ProblemDetail> converter() {
        HttpMessageConverter<ProblemDetail> found = converter;
        if (found == null) {
            for (HttpMessageConverter<?> candidate : converters.get()) {
                if (candidate.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
                    found = (HttpMessageConverter<ProblemDetail>) candidate;
                    converter = found;
                    break;
                }
            }
        }
        return found;
    }
}
