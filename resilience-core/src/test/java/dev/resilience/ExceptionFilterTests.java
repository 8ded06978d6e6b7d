package dev.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionFilterTests {

    @Test
    void matchesIncludedClassesAndTheirSubclasses() {
        ExceptionFilter filter = ExceptionFilter.of(List.of(IOException.class), List.of());

        assertThat(filter.test(new IOException())).isTrue();
        assertThat(filter.test(new FileNotFoundException())).isTrue();
        assertThat(filter.test(new IllegalStateException())).isFalse();
    }

    @Test
    void exclusionWinsOverInclusion() {
        ExceptionFilter filter = ExceptionFilter.of(List.of(Exception.class), List.of(FileNotFoundException.class));

        assertThat(filter.test(new IOException())).isTrue();
        assertThat(filter.test(new FileNotFoundException())).isFalse();
        assertThat(filter.matches(FileNotFoundException.class)).as("cached answer").isFalse();
    }

    @Test
    void nullNeverMatches() {
        assertThat(ExceptionFilter.of(List.of(Throwable.class), List.of()).test(null)).isFalse();
    }
}
