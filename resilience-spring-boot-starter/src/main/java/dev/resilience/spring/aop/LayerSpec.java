package dev.resilience.spring.aop;

import dev.resilience.registry.InstanceRegistry;
import java.lang.annotation.Annotation;

/**
 * One annotation as it applies to one protected method: the annotation (from the method, else from its
 * type), the effective instance name and the parsed key expression. Immutable; what a
 * {@link LayerFactory} validates and builds a layer from.
 *
 * @param <A> the annotation type
 */
public final class LayerSpec<A extends Annotation> {

    private final ProtectedMethod method;
    private final LayerFactory<A> factory;
    private final A annotation;
    private final String instanceName;
    private final KeyExpression key;

    LayerSpec(ProtectedMethod method, LayerFactory<A> factory, A annotation, String instanceName, KeyExpression key) {
        this.method = method;
        this.factory = factory;
        this.annotation = annotation;
        this.instanceName = instanceName;
        this.key = key;
    }

    /** @return the protected method */
    public ProtectedMethod method() {
        return method;
    }

    /** @return the annotation in effect (method level wins over type level) */
    public A annotation() {
        return annotation;
    }

    /** @return the instance name: the annotation's {@code name}, or {@code SimpleClassName.methodName} */
    public String instanceName() {
        return instanceName;
    }

    /** @return the key expression, {@link KeyExpression#NONE} when the annotation has none */
    public KeyExpression key() {
        return key;
    }

    /**
     * How the layer finds its instance per call: the un-keyed instance of {@link #instanceName()},
     * resolved now, or one instance per key value.
     *
     * @param registry the pattern's registry
     * @param <T> the instance type
     * @return the lookup
     */
    public <T> InstanceLookup<T> instances(InstanceRegistry<T> registry) {
        return InstanceLookup.of(registry, instanceName, key);
    }

    /**
     * An exception for a misuse of this annotation, to throw from {@link LayerFactory#validate}.
     *
     * @param problem what is wrong, without the annotation's name ({@code "method 'x' does not exist"})
     * @return the exception, its message naming the class, the method and the annotation
     */
    public AnnotationMisuseException misuse(String problem) {
        return method.misuse("@" + factory.annotationType().getSimpleName() + " " + problem);
    }

    int order() {
        return factory.order();
    }

    void validate() {
        factory.validate(this);
    }

    Layer createLayer() {
        return factory.create(this);
    }
}
