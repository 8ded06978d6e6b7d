package dev.resilience.spring.aop;

import java.util.List;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * The one advisor behind every resilience annotation: a pointcut that matches annotated methods and an
 * interceptor that runs each method's pipeline, built once per (bean class, method).
 *
 * <p>Startup: the auto-proxy creator asks the pointcut about every bean class, which scans and checks it
 * once; when every singleton exists, the advisor also checks the classes of the remaining bean
 * definitions (lazy and prototype beans) and builds the pipelines of every protected method found, so
 * that misuse and un-keyed instances appear at startup rather than on the first call.
 *
 * <p>Ordered at {@link #DEFAULT_ORDER}: outside interceptors at the default (lowest) precedence such as
 * {@code @Transactional}, so that each retry attempt runs in its own transaction. Thread safe.
 */
public final class ResilienceAdvisor extends AbstractPointcutAdvisor implements BeanFactoryAware, SmartInitializingSingleton {

    private static final long serialVersionUID = 1L;

    /** The advisor's order: just outside interceptors at the lowest precedence. */
    public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private final transient ProtectionCatalog catalog;
    private final transient Pipelines pipelines;
    private final transient ResiliencePointcut pointcut;
    private final transient ResilienceInterceptor interceptor;
    private transient ConfigurableListableBeanFactory beanFactory;

    /**
     * Creates the advisor.
     *
     * @param factories one per supported annotation; an annotation without a factory is not intercepted
     */
    public ResilienceAdvisor(List<LayerFactory<?>> factories) {
        this.catalog = new ProtectionCatalog(factories);
        this.pipelines = new Pipelines(catalog);
        this.pointcut = new ResiliencePointcut(catalog);
        this.interceptor = new ResilienceInterceptor(pipelines);
        setOrder(DEFAULT_ORDER);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
            this.beanFactory = listable;
        }
    }

    /**
     * Checks the classes of every bean definition and builds the pipelines of their protected methods.
     *
     * @throws AnnotationMisuseException if an annotation cannot work where it is written
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (beanFactory != null) {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null) {
                    catalog.protectionOf(ClassUtils.getUserClass(type));
                }
            }
        }
        pipelines.buildScanned();
    }
}
