package dev.resilience.spring.dashboard;

import java.util.Objects;

/**
 * The CSRF token the page sends with its {@code POST}s, in the header the application's CSRF protection
 * reads.
 *
 * @param headerName the request header, such as {@code X-CSRF-TOKEN}
 * @param token the token value
 */
public record CsrfHeader(String headerName, String token) {

    /** Checks that both parts are present. */
    public CsrfHeader {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(token, "token");
    }
}
