package dev.resilience.spring.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Reads the {@link CsrfToken} Spring Security's {@code CsrfFilter} puts on the request. Reading it loads
 * a deferred token, so the token repository saves it (in the session, or as a cookie) while the page is
 * being rendered. With the default {@code XorCsrfTokenRequestAttributeHandler} the value is masked per
 * request, and Spring Security accepts it in the header.
 *
 * <p>Stateless and thread safe. Loaded only when Spring Security is on the classpath.
 */
public final class SpringSecurityCsrfTokenLookup implements CsrfTokenLookup {

    @Override
    public Optional<CsrfHeader> find(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return Optional.of(new CsrfHeader(token.getHeaderName(), token.getToken()));
        }
        return Optional.empty();
    }
}
