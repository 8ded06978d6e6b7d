package dev.resilience.circuitbreaker;

import dev.resilience.InvalidConfigurationException;
import java.util.BitSet;
import java.util.List;

/**
 * An immutable set of HTTP status codes (100 to 599), written as codes and inclusive ranges:
 * {@code ["500-599", "408", "429"]}. Thread safe.
 */
public final class StatusCodeSet {

    private static final String PROPERTY = "failure-status-codes";
    private static final int MIN = 100;
    private static final int MAX = 599;

    /** The default failure statuses: every 5xx, 408 and 429. */
    public static final StatusCodeSet DEFAULT_FAILURES = parse(List.of("500-599", "408", "429"));

    private final BitSet codes;
    private final List<String> spec;

    private StatusCodeSet(BitSet codes, List<String> spec) {
        this.codes = codes;
        this.spec = spec;
    }

    /**
     * Parses codes and ranges.
     *
     * @param entries entries such as {@code "503"} or {@code "500-599"}
     * @return the set
     * @throws InvalidConfigurationException naming {@code failure-status-codes} for a malformed entry
     */
    public static StatusCodeSet parse(List<String> entries) {
        BitSet codes = new BitSet(MAX + 1);
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            int dash = entry.indexOf('-', 1);
            int from = code(entry, dash < 0 ? entry : entry.substring(0, dash));
            int to = dash < 0 ? from : code(entry, entry.substring(dash + 1));
            if (to < from) {
                throw new InvalidConfigurationException(PROPERTY, entries, "range '" + entry + "' ends before it starts");
            }
            codes.set(from, to + 1);
        }
        return new StatusCodeSet(codes, List.copyOf(entries));
    }

    private static int code(String entry, String part) {
        try {
            int code = Integer.parseInt(part.trim());
            if (code >= MIN && code <= MAX) {
                return code;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole entry
        }
        throw new InvalidConfigurationException(PROPERTY, entry,
                "must be an HTTP status code or range between " + MIN + " and " + MAX + ", such as \"500-599\"");
    }

    /**
     * Whether the set holds a status.
     *
     * @param status an HTTP status code
     * @return {@code true} if it is in the set
     */
    public boolean contains(int status) {
        return status >= MIN && status <= MAX && codes.get(status);
    }

    /**
     * The entries this set was parsed from.
     *
     * @return the entries
     */
    public List<String> entries() {
        return spec;
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
