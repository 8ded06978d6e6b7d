package dev.resilience.spring.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Marks a browser test: tagged {@code browser}, and skipped (before any Spring context starts) with
 * {@link HeadlessChromium#MISSING} as the reason when the Debian chromium packages are not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@EnabledIf(value = "dev.resilience.spring.testsupport.HeadlessChromium#installed", disabledReason = HeadlessChromium.MISSING)
public @interface RequiresChromium {
}
