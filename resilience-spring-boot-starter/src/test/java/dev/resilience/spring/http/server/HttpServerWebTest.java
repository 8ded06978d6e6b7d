package dev.resilience.spring.http.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one embedded-Tomcat context the HTTP server tests share (Spring caches it across classes). Every
 * endpoint has a generous rate limiter and bulkhead; single endpoints override them (a space in an
 * endpoint id is escaped for the properties syntax). Each test uses its own routes, as the context is shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HttpServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=resilience",
        "resilience.http.server.enabled=true",
        "resilience.http.server.ratelimiter.limit-for-period=1000",
        "resilience.http.server.bulkhead.max-concurrent-calls=100",
        "resilience.http.server.bulkhead-retry-after=1500ms",
        "resilience.http.server.exclude[0]=/actuator/**",
        "resilience.http.server.exclude[1]=/excluded/**",
        "resilience.http.server.endpoints[GET\\ /limited/{id}].ratelimiter.limit-for-period=2",
        "resilience.http.server.endpoints[GET\\ /limited/{id}].ratelimiter.limit-refresh-period=10s",
        "resilience.http.server.endpoints[GET\\ /held/{id}].bulkhead.max-concurrent-calls=2",
        "resilience.http.server.endpoints[GET\\ /async-held/{id}].bulkhead.max-concurrent-calls=1",
        "resilience.http.server.endpoints[GET\\ /both/{id}].bulkhead.max-concurrent-calls=1",
        "resilience.http.server.endpoints[GET\\ /both/{id}].ratelimiter.limit-for-period=1",
        "resilience.http.server.endpoints[GET\\ /both/{id}].ratelimiter.limit-refresh-period=10s",
        "resilience.http.server.endpoints[GET\\ /failing/{id}].bulkhead.max-concurrent-calls=1",
        "resilience.http.server.endpoints[GET\\ /counted/{id}].bulkhead.max-concurrent-calls=3" })
@interface HttpServerWebTest {
}
