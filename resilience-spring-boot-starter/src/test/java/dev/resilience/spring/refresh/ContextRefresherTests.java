package dev.resilience.spring.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.bulkhead.Bulkhead;
import dev.resilience.registry.InstanceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.refresh.ContextRefresher;

/**
 * The whole Spring Cloud path on Boot 4.1: a configuration file imported by the application changes, and
 * {@link ContextRefresher#refresh()} (what {@code POST /actuator/refresh} calls) reloads it, publishes the
 * changed keys, and the live instance takes the new value.
 */
@SpringBootTest(classes = RefreshTestApplication.class)
class ContextRefresherTests {

    private static final Path CONFIG = write(Path.of(System.getProperty("java.io.tmpdir"),
            "resilience-context-refresher-tests.properties"), 10);

    static {
        // a system property, because ContextRefresher rebuilds the environment from the standard sources only
        System.setProperty("spring.config.import", "optional:file:" + CONFIG);
    }

    @Autowired
    private ContextRefresher refresher;

    @Autowired
    private InstanceRegistry<Bulkhead> bulkheads;

    private static Path write(Path file, int maxConcurrentCalls) {
        try {
            Files.writeString(file, "resilience.bulkhead.instances.imported.max-concurrent-calls=" + maxConcurrentCalls
                    + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteConfig() throws IOException {
        System.clearProperty("spring.config.import");
        Files.deleteIfExists(CONFIG);
    }

    @Test
    void aChangedImportedFileReachesTheLiveInstanceThroughContextRefresher() {
        Bulkhead bulkhead = bulkheads.get("imported");
        assertThat(bulkhead.config().maxConcurrentCalls()).isEqualTo(10);

        write(CONFIG, 4);

        assertThat(refresher.refresh()).contains("resilience.bulkhead.instances.imported.max-concurrent-calls");
        assertThat(bulkhead.config().maxConcurrentCalls()).isEqualTo(4);
    }
}
