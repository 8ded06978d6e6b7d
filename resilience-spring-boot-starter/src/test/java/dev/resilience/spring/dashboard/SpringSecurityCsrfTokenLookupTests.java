package dev.resilience.spring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SpringSecurityCsrfTokenLookupTests {

    private final SpringSecurityCsrfTokenLookup lookup = new SpringSecurityCsrfTokenLookup();

    @Test
    void readsTheTokenSpringSecurityPutOnTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "abc123"));

        assertThat(lookup.find(request)).contains(new CsrfHeader("X-XSRF-TOKEN", "abc123"));
    }

    @Test
    void findsNothingOnARequestWithoutCsrfProtection() {
        assertThat(lookup.find(new MockHttpServletRequest())).isEmpty();
        assertThat(CsrfTokenLookup.NONE.find(new MockHttpServletRequest())).isEmpty();
    }
}
