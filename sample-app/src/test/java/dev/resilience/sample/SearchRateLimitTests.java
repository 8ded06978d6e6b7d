package dev.resilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.test.ResilienceInstances;
import dev.resilience.test.ResilienceTest;
import dev.resilience.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * {@code GET /search} behind {@code @RateLimiter(name = "search")}: three queries per second in
 * application.yml, the fourth answered 429 with {@code Retry-After}, admitted again once the manual clock
 * reaches the next period.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ResilienceTest
class SearchRateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ManualClock clock;

    @Autowired
    ResilienceInstances resilience;

    @Test
    void theFourthQueryOfAPeriodIsAnswered429UntilTheNextPeriod() {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.get().uri("/search?q=socks")).hasStatusOk();
        }

        assertThat(mvc.get().uri("/search?q=socks")).hasStatus(429).headers().hasValue(HttpHeaders.RETRY_AFTER, "1");
        assertThat(resilience.rateLimiter("search").snapshot().rejectedCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));

        assertThat(mvc.get().uri("/search?q=socks")).hasStatusOk();
    }
}
