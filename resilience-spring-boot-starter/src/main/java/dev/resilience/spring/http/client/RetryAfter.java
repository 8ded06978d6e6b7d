package dev.resilience.spring.http.client;

import dev.resilience.time.TimeSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header of a 429 or 503 response: delta-seconds ({@code 120}) or an
 * HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}), the date measured against the injected
 * {@link TimeSource}'s wall clock so that tests control it. A date in the past means "now" (zero).
 * Other statuses, a missing header and an unreadable value give -1 (no hint). Stateless, thread safe.
 */
final class RetryAfter {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Beyond this many seconds the value is treated as "very long" rather than overflowing nanoseconds. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;

    private RetryAfter() {
    }

    /**
     * The wait a response asks for.
     *
     * @param status the response's status
     * @param header the {@code Retry-After} value, or null
     * @param timeSource the wall clock an HTTP-date is compared with
     * @return the wait in nanoseconds, or -1 for none
     */
    static long nanos(int status, String header, TimeSource timeSource) {
        if ((status != 429 && status != 503) || header == null) {
            return -1;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(value.charAt(0))) {
            return seconds(value);
        }
        try {
            long dateMillis = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, dateMillis - timeSource.epochMillis()) * NANOS_PER_MILLI;
        } catch (DateTimeParseException unreadable) {
            return -1;
        }
    }

    private static long seconds(String value) {
        long seconds = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
            if (seconds > MAX_SECONDS) {
                return MAX_SECONDS * NANOS_PER_SECOND;
            }
        }
        return seconds * NANOS_PER_SECOND;
    }
}
