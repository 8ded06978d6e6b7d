package dev.resilience.spring.http.server;

import dev.resilience.BulkheadFullException;
import dev.resilience.RateLimitExceededException;
import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.ratelimiter.RateLimiter;
import dev.resilience.registry.InstanceRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.HandlerFunction;

/**
 * Admits each request to a matched endpoint through the endpoint's rate limiter, then its bulkhead, and
 * refuses the others before the controller runs (see {@link Rejections}). The rate limiter comes first so
 * that a request it refuses never holds a bulkhead slot.
 *
 * <p>Only the original dispatch of a request to an annotated controller method or a functional route with
 * a route template is protected. Static resources, view controllers, requests no handler matched (404s),
 * and the error and async re-dispatches of a request pass untouched, so raw paths never create instances.
 *
 * <p>The bulkhead slot is released exactly once, when the request completes: in {@link #afterCompletion}
 * for a request handled on its own thread, whatever the outcome (an exception included), or, once the
 * handler started asynchronous processing (Callable, DeferredResult, CompletableFuture, emitters), when
 * the servlet container completes the async request ({@link PermitRelease}), after a timeout or error too.
 * Ownership of the permit moves with a request attribute: whoever removes it releases it.
 *
 * <p>Thread safe: the per-request state lives in the request. A request to an already resolved endpoint
 * costs two map lookups per pattern and the permit attribute; refusals allocate the problem body.
 */
final class EndpointInterceptor implements AsyncHandlerInterceptor {

    static final String PERMIT_ATTRIBUTE = EndpointInterceptor.class.getName() + ".permit";

    private final EndpointCatalog catalog;
    private final InstanceRegistry<RateLimiter> rateLimiters;
    private final InstanceRegistry<Bulkhead> bulkheads;
    private final Rejections rejections;
    private final Duration bulkheadRetryAfter;

    EndpointInterceptor(EndpointCatalog catalog, InstanceRegistry<RateLimiter> rateLimiters,
            InstanceRegistry<Bulkhead> bulkheads, Rejections rejections, Duration bulkheadRetryAfter) {
        this.catalog = catalog;
        this.rateLimiters = rateLimiters;
        this.bulkheads = bulkheads;
        this.rejections = rejections;
        this.bulkheadRetryAfter = bulkheadRetryAfter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Endpoint endpoint = endpoint(request, handler);
        if (endpoint == null || !endpoint.protectedByAny()) {
            return true;
        }
        if (endpoint.rateLimited()) {
            try {
                rateLimiters.get(HttpServerInstances.NAME, endpoint.id()).acquirePermit();
            } catch (RateLimitExceededException refused) {
                rejections.rateLimited(request, response, endpoint, refused.getName(), refused.getRetryAfter());
                return false;
            }
        }
        if (endpoint.bulkheaded()) {
            try {
                request.setAttribute(PERMIT_ATTRIBUTE, bulkheads.get(HttpServerInstances.NAME, endpoint.id()).acquirePermit());
            } catch (BulkheadFullException refused) {
                rejections.bulkheadFull(request, response, endpoint, refused.getName(), bulkheadRetryAfter);
                return false;
            }
        }
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Bulkhead.Permit permit = takePermit(request);
        if (permit != null) {
            // The container calls the listener once the async request completes, which is never before this
            // dispatch has returned, so the listener cannot miss the completion.
            request.getAsyncContext().addListener(new PermitRelease(permit));
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Bulkhead.Permit permit = takePermit(request);
        if (permit != null) {
            permit.release();
        }
    }

    private Endpoint endpoint(HttpServletRequest request, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !(handler instanceof HandlerMethod || handler instanceof HandlerFunction<?>)) {
            return null;
        }
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return template instanceof String route ? catalog.endpoint(request.getMethod(), route) : null;
    }

    private static Bulkhead.Permit takePermit(HttpServletRequest request) {
        Object permit = request.getAttribute(PERMIT_ATTRIBUTE);
        if (permit == null) {
            return null;
        }
        request.removeAttribute(PERMIT_ATTRIBUTE);
        return (Bulkhead.Permit) permit;
    }
}
