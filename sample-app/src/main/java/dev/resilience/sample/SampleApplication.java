package dev.resilience.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A web shop front whose downstream can be made to fail or slow down at runtime ({@code POST /chaos}). */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the app.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
