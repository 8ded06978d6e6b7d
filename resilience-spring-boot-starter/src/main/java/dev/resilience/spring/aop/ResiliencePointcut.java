package dev.resilience.spring.aop;

import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.ClassUtils;

/**
 * Matches the methods that carry a resilience annotation, directly or through their type. Evaluated by
 * the auto-proxy creator once per bean class and method while beans are created, never per call; the
 * class filter scans (and checks) each class once through the {@link ProtectionCatalog}, so misuse fails
 * the creation of the offending bean.
 */
final class ResiliencePointcut extends StaticMethodMatcherPointcut {

    private final ProtectionCatalog catalog;

    ResiliencePointcut(ProtectionCatalog catalog) {
        this.catalog = catalog;
        setClassFilter(type -> !catalog.protectionOf(ClassUtils.getUserClass(type)).isEmpty());
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return catalog.find(targetClass, method) != null;
    }
}
