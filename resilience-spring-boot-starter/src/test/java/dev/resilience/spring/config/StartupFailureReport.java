package dev.resilience.spring.config;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * What Spring Boot prints under "APPLICATION FAILED TO START": like Boot's FailureAnalyzers, the first
 * analysis any registered {@link FailureAnalyzer} (Boot's and ours, from spring.factories) gives.
 */
final class StartupFailureReport {

    /** Like Boot, skip analyzers whose optional dependency is missing (Bean Validation, say). */
    private static final FailureHandler SKIP_UNLOADABLE = (factoryType, implementationName, failure) -> {
    };

    private StartupFailureReport() {
    }

    static String of(Throwable failure) {
        ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment());
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(StartupFailureReport.class.getClassLoader())
                .load(FailureAnalyzer.class, arguments, SKIP_UNLOADABLE);
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis.getDescription() + "\n" + analysis.getAction();
            }
        }
        throw new AssertionError("no failure analyzer reports " + failure);
    }
}
