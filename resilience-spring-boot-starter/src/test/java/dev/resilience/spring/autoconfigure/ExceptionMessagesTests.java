package dev.resilience.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.resilience.event.EventType;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.retry.Retry;
import dev.resilience.retry.RetryEvent;
import dev.resilience.spring.actuate.ResilienceEndpoint;
import dev.resilience.spring.config.ResilienceProperties;
import dev.resilience.spring.events.ResilienceEventLogger;
import dev.resilience.time.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code resilience.events.include-messages}: by default an exception message (here one holding a card
 * number) reaches none of the endpoint's JSON, the events given to application listeners and the log; with
 * the property on, it reaches all three. A retry that fails twice publishes a RETRY and an EXHAUSTED event.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExceptionMessagesTests {

    private static final String SECRET = "card=4111111111111111 was declined";

    private static final Logger EVENT_LOG = (Logger) LoggerFactory.getLogger(ResilienceEventLogger.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAutoConfiguration.class,
                    ResilienceEventsAutoConfiguration.class, ResilienceEndpointAutoConfiguration.class))
            .withUserConfiguration(ClockAndListener.class)
            .withPropertyValues("management.endpoints.web.exposure.include=resilience",
                    "resilience.retry.instances.orders.max-attempts=2", "resilience.retry.instances.orders.wait-duration=0");

    private Level levelBefore;

    @BeforeEach
    void logRetriesAtDebug() {
        levelBefore = EVENT_LOG.getLevel();
        EVENT_LOG.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restoreLogLevel() {
        EVENT_LOG.setLevel(levelBefore);
    }

    @Test
    void endpointJsonHasNoMessageByDefault() {
        runner.run(context -> {
            failTwice(context);

            String json = endpointJson(context);
            assertThat(json).contains("\"exception\":\"java.lang.IllegalStateException\"").doesNotContain("4111")
                    .doesNotContain("\"message\"");
        });
    }

    @Test
    void endpointJsonShowsTheMessageNextToTheExceptionWhenIncluded() {
        runner.withPropertyValues("resilience.events.include-messages=true").run(context -> {
            failTwice(context);

            String json = endpointJson(context);
            assertThat(json).contains("\"exception\":\"java.lang.IllegalStateException\",\"message\":\"" + SECRET + "\"");
            assertThat(events(context)).extracting(event -> event.get("message")).containsExactly(SECRET, SECRET);
        });
    }

    @Test
    void applicationListenersGetNoMessageByDefault() {
        runner.run(context -> {
            failTwice(context);

            List<RetryEvent> received = context.getBean(ClockAndListener.class).received;
            assertThat(received).extracting(RetryEvent::type).containsExactly(EventType.RETRY, EventType.EXHAUSTED);
            assertThat(received).allSatisfy(event -> {
                assertThat(event.toString()).doesNotContain("4111");
                assertThat(event.details().values()).noneMatch(value -> String.valueOf(value).contains("4111"));
            });
            assertThat(received.get(0)).isInstanceOfSatisfying(RetryEvent.Retrying.class,
                    retrying -> assertThat(retrying.message()).isNull());
        });
    }

    @Test
    void applicationListenersGetTheMessageWhenIncluded() {
        runner.withPropertyValues("resilience.events.include-messages=true").run(context -> {
            failTwice(context);

            List<RetryEvent> received = context.getBean(ClockAndListener.class).received;
            assertThat(received.get(0)).isInstanceOfSatisfying(RetryEvent.Retrying.class,
                    retrying -> assertThat(retrying.message()).isEqualTo(SECRET));
            assertThat(received.get(1)).isInstanceOfSatisfying(RetryEvent.Exhausted.class,
                    exhausted -> assertThat(exhausted.message()).isEqualTo(SECRET));
        });
    }

    @Test
    void logLinesHaveNoMessageByDefault(CapturedOutput output) {
        runner.run(context -> {
            failTwice(context);

            assertThat(output).contains("Retry 'orders' retry: attempt=1, waitMs=0, exception=java.lang.IllegalStateException")
                    .contains("Retry 'orders' exhausted: attempts=2, exception=java.lang.IllegalStateException, reason=MAX_ATTEMPTS")
                    .doesNotContain("4111");
        });
    }

    @Test
    void logLinesShowTheMessageWhenIncluded(CapturedOutput output) {
        runner.withPropertyValues("resilience.events.include-messages=true").run(context -> {
            failTwice(context);

            assertThat(output).contains("Retry 'orders' retry: attempt=1, waitMs=0, exception=java.lang.IllegalStateException, message="
                    + SECRET);
            assertThat(output).contains("Retry 'orders' exhausted: attempts=2, exception=java.lang.IllegalStateException, message="
                    + SECRET + ", reason=MAX_ATTEMPTS");
        });
    }

    @Test
    void keyedInstancesCreatedLaterIncludeMessagesToo() {
        runner.withPropertyValues("resilience.events.include-messages=true").run(context -> {
            assertThat(retries(context).get("orders", "north").events().includesMessages()).isTrue();
        });
        runner.run(context -> assertThat(retries(context).get("orders", "north").events().includesMessages()).isFalse());
    }

    @Test
    void theSettingBindsUnderStrictUnknownKeysAndAnInvalidValueFailsStartupNamingIt() {
        runner.withPropertyValues("resilience.events.include-messages=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ResilienceProperties.class).getEvents().isIncludeMessages()).isTrue();
        });
        runner.run(context -> assertThat(context.getBean(ResilienceProperties.class).getEvents().isIncludeMessages()).isFalse());
        runner.withPropertyValues("resilience.events.include-messages=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("resilience.events.include-messages")
                    .hasStackTraceContaining("sometimes");
        });
    }

    private static void failTwice(AssertableApplicationContext context) {
        Retry retry = retries(context).get("orders");
        assertThatIllegalStateException().isThrownBy(() -> retry.run(() -> {
            throw new IllegalStateException(SECRET);
        }));
    }

    private static InstanceRegistry<Retry> retries(AssertableApplicationContext context) {
        return context.<InstanceRegistry<Retry>>getBeanProvider(
                ResolvableType.forClassWithGenerics(InstanceRegistry.class, Retry.class)).getObject();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(AssertableApplicationContext context) {
        return (List<Map<String, Object>>) context.getBean(ResilienceEndpoint.class).instance("retries", "orders").get("events");
    }

    private static String endpointJson(AssertableApplicationContext context) {
        return JsonMapper.builder().build().writeValueAsString(context.getBean(ResilienceEndpoint.class).instance("retries", "orders"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ClockAndListener {

        final List<RetryEvent> received = new CopyOnWriteArrayList<>();

        @Bean
        ManualClock manualClock() {
            return new ManualClock();
        }

        @EventListener
        void onRetryEvent(RetryEvent event) {
            received.add(event);
        }
    }
}
