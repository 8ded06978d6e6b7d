package dev.resilience.spring.aop;

import java.lang.annotation.Annotation;

/**
 * Adds one pattern to the interception: which annotation it reads, where its layer sits, how the
 * annotation is checked at startup and how the per-method {@link Layer} is built. One implementation per
 * pattern, registered as a bean; the advisor picks up every {@code LayerFactory} bean, so adding a
 * pattern touches no other class.
 *
 * <p>The interception handles what all patterns share: finding the annotation on the method or its type
 * (method level wins), the default name {@code SimpleClassName.methodName}, parsing the key expression,
 * rejecting methods the proxy cannot intercept, and the composition order. Implementations must be thread
 * safe and must not depend eagerly on application beans (take an {@code ObjectProvider}): the advisor
 * creates them while the first beans are being proxied.
 *
 * <pre>{@code
 * public final class Factory implements LayerFactory<dev.resilience.annotation.Bulkhead> {
 *     public Class<dev.resilience.annotation.Bulkhead> annotationType() { return dev.resilience.annotation.Bulkhead.class; }
 *     public int order() { return LayerOrder.BULKHEAD; }
 *     public String name(dev.resilience.annotation.Bulkhead annotation) { return annotation.name(); }
 *     public String key(dev.resilience.annotation.Bulkhead annotation) { return annotation.key(); }
 *     public Layer create(LayerSpec<dev.resilience.annotation.Bulkhead> spec) {
 *         return new BulkheadLayer(spec.instances(registry.get()));
 *     }
 * }
 * }</pre>
 *
 * @param <A> the annotation type
 */
public interface LayerFactory<A extends Annotation> {

    /**
     * The annotation this pattern reads; at most one factory per annotation type.
     *
     * @return the annotation type
     */
    Class<A> annotationType();

    /**
     * Where the layer sits; one of the {@link LayerOrder} constants (smaller runs further out).
     *
     * @return the position
     */
    int order();

    /**
     * The instance name written in the annotation.
     *
     * @param annotation the annotation found on the method or its type
     * @return the name, or empty for {@code SimpleClassName.methodName}
     */
    default String name(A annotation) {
        return "";
    }

    /**
     * The key expression written in the annotation, for patterns that keep one instance per key.
     *
     * @param annotation the annotation
     * @return the SpEL expression, or empty for one instance per name
     */
    default String key(A annotation) {
        return "";
    }

    /**
     * Pattern-specific startup checks (a fallback method that exists and fits, a parsable duration).
     * Called once per protected method while the context starts, before any layer is built.
     *
     * @param spec the annotation as it applies to one method
     * @throws AnnotationMisuseException from {@link LayerSpec#misuse(String)} when the annotation cannot work
     */
    default void validate(LayerSpec<A> spec) {
    }

    /**
     * Builds the layer for one method; called once per (bean class, method), at startup or on the first
     * call.
     *
     * @param spec the annotation as it applies to the method, with its instance name and key
     * @return the layer
     */
    Layer create(LayerSpec<A> spec);
}
