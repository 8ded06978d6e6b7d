package dev.resilience.spring.aop;

import static dev.resilience.spring.aop.FakeBreakers.breaker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;
import dev.resilience.registry.InstanceRegistry;
import dev.resilience.spring.autoconfigure.ResilienceAopAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ResilienceAopAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResilienceAopAutoConfiguration.class))
            .withUserConfiguration(FakeBreakers.class)
            .withBean(Client.class);

    @Test
    void registersOneInfrastructureAdvisorOrderedJustOutsideLowestPrecedenceInterceptors() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ResilienceAdvisor.class).hasSingleBean(CircuitBreakerLayer.Factory.class);
            assertThat(context.getBean(ResilienceAdvisor.class).getOrder()).isEqualTo(ResilienceAdvisor.DEFAULT_ORDER);
            assertThat(context.getBeanFactory().getBeanDefinition("resilienceAdvisor").getRole())
                    .isEqualTo(BeanDefinition.ROLE_INFRASTRUCTURE);
        });
    }

    @Test
    void makesTheAnnotationsNoOpsWhenDisabled() {
        runner.withPropertyValues("resilience.enabled=false").run(context -> {
            Client client = context.getBean(Client.class);
            client.call();

            assertThat(context).doesNotHaveBean(Advisor.class);
            assertThat(AopUtils.isAopProxy(client)).isFalse();
            InstanceRegistry<?> registry = context.getBean(InstanceRegistry.class);
            assertThat(registry.all()).isEmpty();
        });
    }

    @Test
    void interceptsAlongsideSpringBootsAopAutoConfiguration() {
        runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class)).run(context -> {
            Client client = context.getBean(Client.class);
            client.call();

            assertThat(AopUtils.isCglibProxy(client)).isTrue();
            assertThat(breaker(context.getBean(InstanceRegistry.class), "Client.call").results).hasValue(1);
        });
    }

    @Test
    void interceptsThroughInterfaceProxiesWhenClassProxiesAreTurnedOff() {
        runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
                .withPropertyValues("spring.aop.proxy-target-class=false")
                .withBean(Service.class, ServiceImpl::new)
                .run(context -> {
                    Service service = context.getBean(Service.class);
                    service.work("x");

                    assertThat(AopUtils.isJdkDynamicProxy(service)).isTrue();
                    assertThat(breaker(context.getBean(InstanceRegistry.class), "ServiceImpl.work").lastResult).isEqualTo("worked x");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnAdvisor() {
        ResilienceAdvisor own = new ResilienceAdvisor(List.of());
        runner.withBean("ownAdvisor", ResilienceAdvisor.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ResilienceAdvisor.class);
            assertThat(context.getBean(ResilienceAdvisor.class)).isSameAs(own);
        });
    }

    @Test
    void ignoresAnnotationsThatNoLayerFactoryHandles() {
        // a bean under the factory's name that is no factory: the application has switched @Retry off
        runner.withBean("retryLayerFactory", Object.class, Object::new).withBean(RetryOnly.class)
                .run(context -> assertThat(AopUtils.isAopProxy(context.getBean(RetryOnly.class))).isFalse());
    }

    static class Client {
        @CircuitBreaker
        public String call() {
            return "called";
        }
    }

    interface Service {
        String work(String input);
    }

    static class ServiceImpl implements Service {
        @Override
        @CircuitBreaker
        public String work(String input) {
            return "worked " + input;
        }
    }

    static class RetryOnly {
        @Retry
        public String call() {
            return "once";
        }
    }
}
