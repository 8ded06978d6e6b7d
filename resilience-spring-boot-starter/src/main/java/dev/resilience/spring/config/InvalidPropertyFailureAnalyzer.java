package dev.resilience.spring.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidPropertyException} anywhere in a startup failure's causes into Spring Boot's
 * "APPLICATION FAILED TO START" report, laid out like Boot's own binding failures: the property's full
 * path, the rejected value, where it was set and what a valid value looks like. Registered in
 * {@code META-INF/spring.factories}. Stateless, thread safe.
 */
public final class InvalidPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPropertyException cause) {
        StringBuilder description = new StringBuilder("Invalid resilience configuration:\n\n")
                .append("    Property: ").append(cause.getProperty()).append('\n')
                .append("    Value: \"").append(cause.getValue()).append("\"\n");
        if (cause.getOrigin() != null) {
            description.append("    Origin: ").append(cause.getOrigin()).append('\n');
        }
        description.append("    Reason: ").append(cause.getRequirement());
        String action = "Update " + cause.getProperty() + " in your application's configuration (application.yml,"
                + " application.properties, environment): it " + cause.getRequirement() + ".";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
