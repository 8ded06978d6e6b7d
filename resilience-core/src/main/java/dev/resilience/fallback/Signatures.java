package dev.resilience.fallback;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Renders methods and types the way misuse messages show them: simple names, no packages. */
final class Signatures {

    private Signatures() {
    }

    /** {@code OrderService.place(String, int)}. */
    static String method(Class<?> owner, Method method) {
        return owner.getSimpleName() + "." + method.getName() + "(" + parameters(method.getParameterTypes()) + ")";
    }

    /** {@code String, int}. */
    static String parameters(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    /** A generic type without package names: {@code CompletableFuture<String>}. */
    static String type(Type type) {
        return type.getTypeName().replaceAll("(?:[a-z_][\\w]*\\.)+", "");
    }

    /**
     * The two shapes a fallback may take, e.g.
     * {@code String recover(String, int) or String recover(String, int, <Throwable or subtype>)}.
     */
    static String expected(Method method, String fallbackName, String returnType) {
        String parameters = parameters(method.getParameterTypes());
        String withException = parameters.isEmpty() ? "<Throwable or subtype>" : parameters + ", <Throwable or subtype>";
        return returnType + " " + fallbackName + "(" + parameters + ") or " + returnType + " " + fallbackName + "("
                + withException + ")";
    }
}
