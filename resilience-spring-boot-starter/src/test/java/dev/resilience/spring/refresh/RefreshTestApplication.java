package dev.resilience.spring.refresh;

import dev.resilience.annotation.Timeout;
import dev.resilience.spring.testsupport.ConfigChangeRecorder;
import dev.resilience.time.ManualClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The starter with Spring Cloud Context on the classpath, a manual clock and one annotated method. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConfigChangeRecorder.class)
class RefreshTestApplication {

    @Bean
    ManualClock manualClock() {
        return new ManualClock();
    }

    @Bean
    SlowService slowService() {
        return new SlowService();
    }

    /** A method whose timeout instance gets its duration from the annotation layer. */
    static class SlowService {

        @Timeout(name = "annotated", value = "2s")
        public String call() {
            return "done";
        }
    }
}
