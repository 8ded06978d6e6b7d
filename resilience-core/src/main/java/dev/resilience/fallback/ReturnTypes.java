package dev.resilience.fallback;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Whether a fallback's return type fits the protected method's. Checked on erased types, plus the value
 * type of a {@code CompletionStage<T>}/{@code CompletableFuture<T>} for fallbacks that return a plain value.
 */
final class ReturnTypes {

    private ReturnTypes() {
    }

    /**
     * Whether the protected method returns {@link CompletionStage} or {@link CompletableFuture} itself, the
     * two future types whose fallbacks may return a plain value instead.
     */
    static boolean isStage(Class<?> type) {
        return type == CompletionStage.class || type == CompletableFuture.class;
    }

    /**
     * Whether a value of type {@code from} can be returned where {@code to} is declared: {@code void} only
     * for {@code void}, a primitive only for the same primitive, a primitive boxed into a reference type
     * that accepts its wrapper, a reference type into any of its supertypes.
     */
    static boolean assignable(Class<?> to, Class<?> from) {
        if (to == void.class || from == void.class) {
            return to == from;
        }
        if (to.isPrimitive()) {
            return to == from;
        }
        if (from.isPrimitive()) {
            return to.isAssignableFrom(MethodType.methodType(from).wrap().returnType());
        }
        return to.isAssignableFrom(from);
    }

    /**
     * Whether a fallback returning {@code fallbackType} may answer for a stage-returning method by giving a
     * plain value (to be wrapped in a completed future): the value must fit the stage's type argument, and
     * {@code void} only fits {@code Void}.
     */
    static boolean fitsAsPlainValue(Method method, Class<?> fallbackType) {
        if (CompletionStage.class.isAssignableFrom(fallbackType)) {
            return false;
        }
        Class<?> valueType = stageValueType(method);
        return fallbackType == void.class ? valueType == Void.class : assignable(valueType, fallbackType);
    }

    /** The erased {@code T} of a method returning {@code CompletionStage<T>}; {@link Object} if not known. */
    static Class<?> stageValueType(Method method) {
        Type returned = method.getGenericReturnType();
        if (returned instanceof ParameterizedType parameterized) {
            return erase(parameterized.getActualTypeArguments()[0]);
        }
        return Object.class;
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return erase(parameterized.getRawType());
        }
        if (type instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            return erase(variable.getBounds()[0]);
        }
        return Object.class;
    }
}
