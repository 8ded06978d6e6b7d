package dev.resilience.spring.events;

import dev.resilience.event.ConfigChangedEvent;
import dev.resilience.event.EventType;
import dev.resilience.event.ResilienceEvent;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs what an operator wants to see in the application log, under this class's name:
 * <ul>
 * <li>every state transition, once: to {@code OPEN} or {@code FORCED_OPEN} at WARN, to any other state at
 *     INFO, with the instance name, both states and the reason, e.g.
 *     {@code Circuit breaker 'payments' is OPEN (was CLOSED, reason FAILURE_RATE)}; a reset that leaves
 *     the state as it was (CLOSED to CLOSED) at DEBUG; a transition's detail text follows its reason, e.g.
 *     {@code (was CLOSED, reason HEALTH_CHECK: url http://db/health: HTTP 503)};</li>
 * <li>every configuration change made at runtime, at INFO, with who made it and each changed setting's
 *     old and new value, e.g. {@code Circuit breaker 'payments' reconfigured by alice: failureRateThreshold
 *     50.0 -> 30.0, waitDurationInOpenState PT1M -> PT10S};</li>
 * <li>retries and exhausted retries at DEBUG, e.g.
 *     {@code Retry 'orders' retry: attempt=1, waitMs=500, exception=java.io.IOException}.</li>
 * </ul>
 * A line shows an event's {@code details()}: exception class names, and exception messages only when the
 * instance's events carry them ({@code resilience.events.include-messages}, off by default, since messages
 * can hold user data), e.g. {@code ..., exception=java.io.IOException, message=Connection reset}.
 * Thread safe; nothing is formatted when the level is off.
 */
public final class ResilienceEventLogger implements ResilienceEventSink {

    private static final Log LOG = LogFactory.getLog(ResilienceEventLogger.class);

    private static final Set<EventType> LOGGED = Set.copyOf(
            EnumSet.of(EventType.STATE_TRANSITION, EventType.RETRY, EventType.EXHAUSTED, EventType.CONFIG_CHANGED));

    private static final Set<String> ALARMING_STATES = Set.of("OPEN", "FORCED_OPEN");

    private final Log log;

    /** Creates a logger that writes to the category of this class. */
    public ResilienceEventLogger() {
        this(LOG);
    }

    ResilienceEventLogger(Log log) {
        this.log = log;
    }

    @Override
    public Set<EventType> eventTypes() {
        return LOGGED;
    }

    @Override
    public void accept(String kind, ResilienceEvent event) {
        if (event.type() == EventType.STATE_TRANSITION) {
            transition(kind, event);
        } else if (event instanceof ConfigChangedEvent change) {
            if (log.isInfoEnabled()) {
                log.info(label(kind) + " '" + change.instanceName() + "' reconfigured by " + change.principal() + ": "
                        + changes(change));
            }
        } else if (log.isDebugEnabled()) {
            log.debug(label(kind) + " '" + event.instanceName() + "' " + event.type().name().toLowerCase(Locale.ROOT)
                    + ": " + fields(event.details()));
        }
    }

    private void transition(String kind, ResilienceEvent event) {
        Map<String, Object> details = event.details();
        Object to = details.get("to");
        Object from = details.get("from");
        Object reason = details.get("reason");
        // a health signal holding an already OPEN breaker changes why it is open: worth the operator's eye
        Level level = Objects.equals(from, to) && !"HEALTH_CHECK".equals(reason) ? Level.DEBUG
                : ALARMING_STATES.contains(String.valueOf(to)) ? Level.WARN : Level.INFO;
        if (level.enabled(log)) {
            Object detail = details.get("detail");
            level.write(log, label(kind) + " '" + event.instanceName() + "' is " + to + " (was " + from + ", reason "
                    + reason + (detail == null ? "" : ": " + detail) + ")");
        }
    }

    private enum Level {
        DEBUG {
            @Override
            boolean enabled(Log log) {
                return log.isDebugEnabled();
            }

            @Override
            void write(Log log, String line) {
                log.debug(line);
            }
        },
        INFO {
            @Override
            boolean enabled(Log log) {
                return log.isInfoEnabled();
            }

            @Override
            void write(Log log, String line) {
                log.info(line);
            }
        },
        WARN {
            @Override
            boolean enabled(Log log) {
                return log.isWarnEnabled();
            }

            @Override
            void write(Log log, String line) {
                log.warn(line);
            }
        };

        abstract boolean enabled(Log log);

        abstract void write(Log log, String line);
    }

    /** {@code CircuitBreaker} becomes {@code Circuit breaker}. */
    static String label(String kind) {
        StringBuilder label = new StringBuilder(kind.length() + 4);
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(c);
            }
        }
        return label.toString();
    }

    private static String changes(ConfigChangedEvent change) {
        StringBuilder text = new StringBuilder();
        change.newValues().forEach((key, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append(' ').append(change.oldValues().get(key)).append(" -> ").append(value);
        });
        return text.toString();
    }

    private static String fields(Map<String, Object> details) {
        StringBuilder text = new StringBuilder();
        details.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name).append('=').append(value);
        });
        return text.toString();
    }
}
