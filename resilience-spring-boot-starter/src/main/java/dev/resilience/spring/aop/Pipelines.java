package dev.resilience.spring.aop;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInvocation;

/**
 * The pipeline of every protected (target class, method), built once. The per-call lookup is two
 * {@link ConcurrentHashMap#get} calls keyed by the target's runtime class and the invoked
 * {@link Method}: no lock, no allocation, no reflection. A miss builds the pipeline under the target
 * class's monitor, so concurrent first calls of a method build it exactly once. Thread safe.
 */
final class Pipelines {

    private final ProtectionCatalog catalog;
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<Method, Pipeline>> byClass = new ConcurrentHashMap<>();

    Pipelines(ProtectionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The pipeline for one call.
     *
     * @param invocation the call
     * @return its pipeline ({@link Pipeline#DIRECT} for a method without annotations)
     */
    Pipeline forCall(MethodInvocation invocation) {
        Object target = invocation.getThis();
        Method method = invocation.getMethod();
        Class<?> targetClass = target != null ? target.getClass() : method.getDeclaringClass();
        ConcurrentHashMap<Method, Pipeline> methods = byClass.get(targetClass);
        Pipeline pipeline = methods != null ? methods.get(method) : null;
        return pipeline != null ? pipeline : build(targetClass, method);
    }

    /**
     * Builds, ahead of the first call, the pipelines of every protected method of the classes scanned so
     * far, which also creates their un-keyed instances.
     */
    void buildScanned() {
        catalog.forEachProtected(this::build);
    }

    private Pipeline build(Class<?> targetClass, Method method) {
        ConcurrentHashMap<Method, Pipeline> methods = byClass.computeIfAbsent(targetClass, key -> new ConcurrentHashMap<>());
        // A monitor rather than computeIfAbsent: building may create beans (a fallback handler, say) whose
        // initialization calls another protected method of the same class on this thread, which must not
        // hit ConcurrentHashMap's recursive-update check; monitors are re-entrant.
        synchronized (methods) {
            Pipeline pipeline = methods.get(method);
            if (pipeline == null) {
                pipeline = create(targetClass, method);
                methods.put(method, pipeline);
            }
            return pipeline;
        }
    }

    private Pipeline create(Class<?> targetClass, Method method) {
        MethodProtection protection = catalog.find(targetClass, method);
        return protection == null ? Pipeline.DIRECT : Pipeline.of(protection);
    }
}
