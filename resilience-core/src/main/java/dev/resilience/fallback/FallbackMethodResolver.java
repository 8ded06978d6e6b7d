package dev.resilience.fallback;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the fallback methods named for a protected method, checks them, and turns each into a
 * {@link FallbackCandidate} with a method handle resolved once.
 *
 * <p>Rules: a candidate is declared in the target class or one of its superclasses (any visibility,
 * static allowed; a method overridden in a subclass counts once, the subclass's), is named as given, takes
 * the protected method's parameter types exactly, optionally followed by one {@link Throwable} (or
 * subtype) parameter, and returns a type that fits the protected method's (see {@link ReturnTypes}). For a
 * method returning {@code CompletionStage<T>} or {@code CompletableFuture<T>}, the fallback may return the
 * same future type (used as is) or a plain value fitting {@code T} (wrapped in a completed future). A
 * method of the right name and parameters with a return type that does not fit is an error, not skipped;
 * methods of the right name with other parameters are overloads for other methods and are ignored.
 */
final class FallbackMethodResolver {

    private FallbackMethodResolver() {
    }

    static MethodFallback resolve(Class<?> targetClass, Method method, String fallbackName) {
        String context = "@Fallback(method = \"" + fallbackName + "\") on " + Signatures.method(targetClass, method);
        String expected = Signatures.expected(method, fallbackName, expectedReturn(method));
        if (fallbackName == null || fallbackName.isBlank()) {
            throw new FallbackResolutionException(context + ": the fallback method name is empty. Expected: "
                    + expected);
        }
        Class<?>[] parameters = method.getParameterTypes();
        List<Method> sameName = new ArrayList<>();
        List<Class<?>[]> seenSignatures = new ArrayList<>();
        List<FallbackCandidate> candidates = new ArrayList<>();
        for (Class<?> type = targetClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method declared : type.getDeclaredMethods()) {
                if (!declared.getName().equals(fallbackName) || declared.isBridge() || declared.isSynthetic()) {
                    continue;
                }
                sameName.add(declared);
                Class<?>[] declaredParameters = declared.getParameterTypes();
                boolean plain = Arrays.equals(declaredParameters, parameters);
                Class<?> exceptionType = plain ? null : exceptionParameter(declaredParameters, parameters);
                if (!plain && exceptionType == null || overridden(declared, seenSignatures)) {
                    continue;
                }
                seenSignatures.add(declared.getParameterTypes());
                candidates.add(candidate(context, expected, method, declared, exceptionType));
            }
        }
        if (candidates.isEmpty()) {
            throw new FallbackResolutionException(context + ": no fallback method named '" + fallbackName
                    + "' with fitting parameters in " + targetClass.getSimpleName() + " or its superclasses. Expected: "
                    + expected + foundInstead(sameName));
        }
        return new MethodFallback(candidates);
    }

    /**
     * The type of the extra parameter if {@code declared} is the protected method's parameters followed by
     * one {@link Throwable} (or subtype); {@code null} otherwise.
     */
    private static Class<?> exceptionParameter(Class<?>[] declared, Class<?>[] protectedParameters) {
        int n = protectedParameters.length;
        if (declared.length != n + 1 || !Arrays.equals(declared, 0, n, protectedParameters, 0, n)) {
            return null;
        }
        return Throwable.class.isAssignableFrom(declared[n]) ? declared[n] : null;
    }

    private static boolean overridden(Method declared, List<Class<?>[]> seenSignatures) {
        for (Class<?>[] seen : seenSignatures) {
            if (Arrays.equals(seen, declared.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static FallbackCandidate candidate(String context, String expected, Method method, Method fallback,
            Class<?> exceptionType) {
        Class<?> returned = method.getReturnType();
        Class<?> fallbackReturned = fallback.getReturnType();
        boolean wrap = false;
        if (!ReturnTypes.assignable(returned, fallbackReturned)) {
            wrap = ReturnTypes.isStage(returned) && ReturnTypes.fitsAsPlainValue(method, fallbackReturned);
            if (!wrap) {
                throw new FallbackResolutionException(context + ": " + Signatures.method(fallback.getDeclaringClass(),
                        fallback) + " returns " + Signatures.type(fallback.getGenericReturnType())
                        + ", which does not fit " + Signatures.type(method.getGenericReturnType()) + ". Expected: "
                        + expected);
            }
        }
        return new FallbackCandidate(fallback, exceptionType, handle(context, fallback, exceptionType != null),
                wrap);
    }

    /** Adapts the method to {@code (Object target, Object[] arguments, Throwable failure) -> Object}. */
    private static MethodHandle handle(String context, Method fallback, boolean takesException) {
        MethodHandle handle;
        try {
            fallback.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(fallback);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new FallbackResolutionException(context + ": " + Signatures.method(fallback.getDeclaringClass(),
                    fallback) + " cannot be made accessible (open its package to dev.resilience?)", e);
        }
        int arguments = fallback.getParameterCount() - (takesException ? 1 : 0);
        if (Modifier.isStatic(fallback.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        if (!takesException) {
            handle = MethodHandles.dropArguments(handle, arguments + 1, Throwable.class);
        }
        Class<?>[] uniform = new Class<?>[arguments + 2];
        Arrays.fill(uniform, Object.class);
        uniform[arguments + 1] = Throwable.class;
        return handle.asType(MethodType.methodType(Object.class, uniform))
                .asSpreader(1, Object[].class, arguments);
    }

    private static String expectedReturn(Method method) {
        String declared = Signatures.type(method.getGenericReturnType());
        if (ReturnTypes.isStage(method.getReturnType())) {
            return declared + " (or " + Signatures.type(ReturnTypes.stageValueType(method)) + ")";
        }
        return declared;
    }

    private static String foundInstead(List<Method> sameName) {
        if (sameName.isEmpty()) {
            return "";
        }
        StringBuilder found = new StringBuilder("; found instead: ");
        for (int i = 0; i < sameName.size(); i++) {
            Method each = sameName.get(i);
            found.append(i == 0 ? "" : ", ").append(Signatures.type(each.getGenericReturnType())).append(' ')
                    .append(Signatures.method(each.getDeclaringClass(), each));
        }
        return found.toString();
    }
}
