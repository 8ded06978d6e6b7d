package dev.resilience.spring.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Finds the CSRF token of the request that loads the page, which the page renders into
 * {@code <meta name="_csrf">} and {@code <meta name="_csrf_header">} and sends with every action.
 * {@link SpringSecurityCsrfTokenLookup} reads Spring Security's; an application with another CSRF
 * protection defines its own bean.
 *
 * <p>Implementations are thread safe.
 */
@FunctionalInterface
public interface CsrfTokenLookup {

    /** For applications without CSRF protection: never finds a token. */
    CsrfTokenLookup NONE = request -> Optional.empty();

    /**
     * The token of a request.
     *
     * @param request the request for the page
     * @return the header to send, or empty if the request has no CSRF token
     */
    Optional<CsrfHeader> find(HttpServletRequest request);
}
