package dev.resilience.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;

class SpringHttpStatusResolverTests {

    private final SpringHttpStatusResolver resolver = new SpringHttpStatusResolver(getClass().getClassLoader());

    @Test
    void responseEntityGivesItsStatus() {
        assertThat(resolver.statusOf(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("down"))).isEqualTo(503);
        assertThat(resolver.statusOf(ResponseEntity.ok("fine"))).isEqualTo(200);
        assertThat(resolver.statusOf(ResponseEntity.status(HttpStatusCode.valueOf(299)).build())).isEqualTo(299);
    }

    @Test
    void restClientResponseExceptionGivesItsStatus() {
        assertThat(resolver.statusOf(new RestClientResponseException("boom", 502, "Bad Gateway", HttpHeaders.EMPTY, null,
                StandardCharsets.UTF_8))).isEqualTo(502);
        assertThat(resolver.statusOf(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", HttpHeaders.EMPTY,
                new byte[0], null))).isEqualTo(404);
        assertThat(resolver.statusOf(new HttpServerErrorException(HttpStatus.GATEWAY_TIMEOUT))).isEqualTo(504);
    }

    @Test
    void webClientResponseExceptionGivesItsStatus() {
        assertThat(resolver.statusOf(WebClientResponseException.create(429, "Too Many Requests", HttpHeaders.EMPTY,
                new byte[0], StandardCharsets.UTF_8))).isEqualTo(429);
    }

    @Test
    void errorResponseGivesItsStatus() {
        assertThat(resolver.statusOf(new ResponseStatusException(HttpStatus.BAD_GATEWAY))).isEqualTo(502);
    }

    @Test
    void anythingElseHasNoStatus() {
        assertThat(resolver.statusOf(null)).isEqualTo(-1);
        assertThat(resolver.statusOf("503")).isEqualTo(-1);
        assertThat(resolver.statusOf(503)).isEqualTo(-1);
        assertThat(resolver.statusOf(new IllegalStateException("503"))).isEqualTo(-1);
    }

    @Test
    void withoutSpringWebfluxWebClientExceptionsAreNotConsultedButTheRestStillWorks() {
        SpringHttpStatusResolver withoutWebflux = new SpringHttpStatusResolver(
                new FilteredClassLoader(WebClientResponseException.class));

        assertThat(withoutWebflux.statusOf(WebClientResponseException.create(503, "Unavailable", HttpHeaders.EMPTY,
                new byte[0], StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(withoutWebflux.statusOf(ResponseEntity.status(HttpStatus.BAD_GATEWAY).build())).isEqualTo(502);
        assertThat(withoutWebflux.statusOf(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isEqualTo(503);
        assertThat(withoutWebflux).hasToString("SpringHttpStatusResolver[spring-web=true, spring-webflux=false]");
    }

    @Test
    void withoutSpringWebNothingHasAStatus() {
        SpringHttpStatusResolver withoutWeb = new SpringHttpStatusResolver(
                new FilteredClassLoader(RestClientResponseException.class, WebClientResponseException.class));

        assertThat(withoutWeb.statusOf(ResponseEntity.status(HttpStatus.BAD_GATEWAY).build())).isEqualTo(-1);
        assertThat(withoutWeb.statusOf(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isEqualTo(-1);
    }

    @Test
    void resolvingAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Object[] values = { ResponseEntity.status(HttpStatus.BAD_GATEWAY).build(),
            new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE),
            WebClientResponseException.create(429, "Too Many Requests", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8),
            new ResponseStatusException(HttpStatus.BAD_GATEWAY), "no status" };
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += resolver.statusOf(values[i % values.length]);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sum += resolver.statusOf(values[i % values.length]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sum).isPositive();
        assertThat(allocated).as("bytes allocated by 100,000 calls").isLessThan(10_000);
    }
}
