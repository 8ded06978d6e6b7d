package dev.resilience.spring.aop;

import dev.resilience.annotation.Bulkhead;
import dev.resilience.annotation.Fallback;
import dev.resilience.annotation.RateLimiter;
import dev.resilience.annotation.Retry;
import dev.resilience.annotation.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link RecordingLayerFactory} beans for the five patterns other than the circuit breaker, under the bean
 * names the auto-configuration uses, so that they replace the real factories.
 */
@Configuration(proxyBeanMethods = false)
class RecordingLayers {

    @Bean
    RecordingLayerFactory<Fallback> fallbackLayerFactory(FakeBreakers.Trace trace) {
        return new RecordingLayerFactory<>(Fallback.class, LayerOrder.FALLBACK, trace);
    }

    @Bean
    RecordingLayerFactory<Retry> retryLayerFactory(FakeBreakers.Trace trace) {
        return new RecordingLayerFactory<>(Retry.class, LayerOrder.RETRY, trace);
    }

    @Bean
    RecordingLayerFactory<RateLimiter> rateLimiterLayerFactory(FakeBreakers.Trace trace) {
        return new RecordingLayerFactory<>(RateLimiter.class, LayerOrder.RATE_LIMITER, trace);
    }

    @Bean
    RecordingLayerFactory<Timeout> timeoutLayerFactory(FakeBreakers.Trace trace) {
        return new RecordingLayerFactory<>(Timeout.class, LayerOrder.TIMEOUT, trace);
    }

    @Bean
    RecordingLayerFactory<Bulkhead> bulkheadLayerFactory(FakeBreakers.Trace trace) {
        return new RecordingLayerFactory<>(Bulkhead.class, LayerOrder.BULKHEAD, trace);
    }
}
