package dev.resilience.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A minimal application for the test kit's own tests: the starter plus one protected client. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PaymentClient.class)
public class KitTestApplication {
}
