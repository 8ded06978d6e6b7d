package dev.resilience.spring.aop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.resilience", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule interceptionStaysClearOfObservability = noClasses()
            .that().resideInAPackage("dev.resilience.spring.aop..")
            .or().haveFullyQualifiedName("dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "org.springframework.boot.actuate..",
                    "org.springframework.boot.health..", "dev.resilience.spring.actuate..", "dev.resilience.spring.metrics..")
            .because("the interception must work without Micrometer, Actuator or health on the classpath");

    @ArchTest
    static final ArchRule reactorStaysInTheReactiveClasses = noClasses()
            .that().resideInAPackage("dev.resilience.spring.aop..")
            // Reactive* top-level classes and their nested classes and lambdas
            .and().haveNameNotMatching("dev\\.resilience\\.spring\\.aop\\.Reactive[^.]*")
            .should().dependOnClassesThat().resideInAnyPackage("reactor..", "org.reactivestreams..")
            .because("Reactor is optional: its types may be loaded only for methods that return Mono or Flux");

    @ArchTest
    static final ArchRule coreDependsOnTheJdkOnly = noClasses()
            .that().resideInAPackage("dev.resilience..")
            .and().resideOutsideOfPackage("dev.resilience.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..")
            .because("resilience-core depends on the JDK only");
}
