package dev.resilience.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Resets every resilience instance of the test's application context before and after each test
 * ({@link ResilienceInstances#resetAll()}): before, so a test starts clean whatever ran earlier in a
 * shared (cached) context; after, so it leaves the context clean for tests that do not use this
 * extension. The "before" reset runs ahead of the test's own {@code @BeforeEach} methods, so state a
 * test sets up there is kept. Used through {@link AutoResetResilience} or {@link ResilienceTest}.
 */
public final class ResilienceResetExtension implements BeforeEachCallback, AfterEachCallback {

    /** Creates the extension; JUnit does this. */
    public ResilienceResetExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset(context);
    }

    private static void reset(ExtensionContext context) {
        new ResilienceInstances(SpringExtension.getApplicationContext(context)).resetAll();
    }
}
