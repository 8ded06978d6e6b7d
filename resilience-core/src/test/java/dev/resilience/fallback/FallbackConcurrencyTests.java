package dev.resilience.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.testing.Concurrently;
import dev.resilience.testing.ThreadKind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("concurrency")
class FallbackConcurrencyTests {

    static class Prices {
        long price(String sku) {
            return 0;
        }

        private long price(String sku, Exception failure) {
            return 1;
        }

        private long price(String sku, IOException failure) {
            return 2;
        }

        private long price(String sku, FileNotFoundException failure) {
            return 3;
        }
    }

    /** Failures and the candidate each must pick, so that racing first lookups of the choice cache are checked. */
    private static final Throwable[] FAILURES = { new FileNotFoundException(), new SocketException(), new IOException(),
            new TimeoutException(), new IllegalStateException() };
    private static final long[] ANSWERS = { 3, 2, 2, 1, 1 };

    @ParameterizedTest
    @MethodSource("dev.resilience.testing.ThreadKind#available")
    void everyThreadGetsTheMostSpecificCandidateWhileTheChoiceCacheFills(ThreadKind kind) throws Exception {
        Method price = Prices.class.getDeclaredMethod("price", String.class);
        Prices prices = new Prices();

        for (int round = 0; round < 20; round++) {
            FallbackExecutor fallback = FallbackExecutor.forMethod(Prices.class, price, "price", List.of(), List.of());
            Concurrently.run(kind, 8, Duration.ofSeconds(30), thread -> {
                for (int i = 0; i < 500; i++) {
                    int pick = (thread + i) % FAILURES.length;
                    Object answer;
                    try {
                        answer = fallback.recover(prices, new Object[] { "sku" }, FAILURES[pick]);
                    } catch (Throwable t) {
                        throw new AssertionError("no fallback for " + FAILURES[pick], t);
                    }
                    assertThat(answer).isEqualTo(ANSWERS[pick]);
                }
            });
        }
    }
}
