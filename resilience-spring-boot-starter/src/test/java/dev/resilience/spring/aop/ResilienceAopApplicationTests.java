package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.CircuitBreakerOpenException;
import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/** A whole application: the starter found through its auto-configuration imports, with everything else Boot brings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "resilience.circuitbreaker.instances.quotes.minimum-number-of-calls=2",
        "resilience.circuitbreaker.instances.quotes.sliding-window-size=2",
        "resilience.circuitbreaker.instances.quotes.wait-duration-in-open-state=30s" })
class ResilienceAopApplicationTests {

    @Autowired
    private QuoteService quotes;

    @Autowired
    private ManualClock clock;

    @Test
    void protectsAnnotatedBeansOfAnApplication() {
        assertThat(AopUtils.isCglibProxy(quotes)).isTrue();
        assertThatThrownBy(() -> quotes.quote(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> quotes.quote(true)).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> quotes.quote(false)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(quotes.calls()).hasValue(2);

        clock.advance(Duration.ofSeconds(30));
        assertThat(quotes.quote(false)).isEqualTo("42");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
        @Bean
        ManualClock clock() {
            return new ManualClock();
        }

        @Bean
        QuoteService quoteService() {
            return new QuoteService();
        }
    }

    static class QuoteService {
        private final AtomicInteger calls = new AtomicInteger();

        public AtomicInteger calls() {
            return calls;
        }

        @CircuitBreaker(name = "quotes")
        public String quote(boolean fail) {
            calls.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("no quote");
            }
            return "42";
        }
    }
}
