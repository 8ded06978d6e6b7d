package dev.resilience.fallback;

import dev.resilience.ExceptionFilter;
import dev.resilience.annotation.Fallback;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The fallback of one protected method, resolved once (at startup) and then applied to each failure:
 * decide whether the failure reaches the fallback ({@code applyOn}, default every {@link Exception};
 * {@code skipOn} wins), then invoke the fallback method through a method handle, or the
 * {@link FallbackHandler}, and return its answer.
 *
 * <p>Which fallback method answers: among the fitting methods (see {@link #forMethod}), the one whose
 * exception parameter is the most specific supertype of the failure's class; one without an exception
 * parameter answers when none is; if every candidate takes an exception type the failure is not, the
 * failure is rethrown. The choice is cached per failure class.
 *
 * <p>Stage-returning methods ({@code CompletionStage<T>}, {@code CompletableFuture<T>}): the fallback may
 * return the same future type, or a plain value of type {@code T}, which is wrapped in a completed future.
 * {@link #recover} always returns a value of the protected method's return type; {@link #recoverStage}
 * applies the fallback to a stage's failure without blocking.
 *
 * <p>Thread safe; resolution errors are reported as {@link FallbackResolutionException}.
 */
public final class FallbackExecutor {

    private static final Object[] NO_ARGUMENTS = {};
    private static final List<Class<? extends Throwable>> EVERY_EXCEPTION = List.of(Exception.class);

    private final Method method;
    private final FallbackInvoker invoker;
    private final ExceptionFilter applies;

    private FallbackExecutor(Method method, FallbackInvoker invoker, List<Class<? extends Throwable>> applyOn,
            List<Class<? extends Throwable>> skipOn) {
        this.method = method;
        this.invoker = invoker;
        this.applies = ExceptionFilter.of(applyOn.isEmpty() ? EVERY_EXCEPTION : applyOn, skipOn);
    }

    /**
     * Resolves the fallback an {@code @Fallback} annotation describes.
     *
     * @param targetClass the user class whose method is protected (not a proxy class); fallback methods are
     *        looked up in it and its superclasses
     * @param method the protected method
     * @param annotation the annotation on it (or on its class)
     * @param handlers gives the handler instance for {@link Fallback#handler()} (a bean, or a new instance)
     * @return the executor
     * @throws FallbackResolutionException if neither or both of {@code method} and {@code handler} are set,
     *         or the fallback method does not fit
     */
    public static FallbackExecutor of(Class<?> targetClass, Method method, Fallback annotation,
            Function<Class<? extends FallbackHandler>, ? extends FallbackHandler> handlers) {
        boolean named = !annotation.method().isEmpty();
        boolean handled = annotation.handler() != FallbackHandler.class;
        if (named == handled) {
            throw new FallbackResolutionException("@Fallback on " + Signatures.method(targetClass, method)
                    + ": exactly one of method and handler must be set, found "
                    + (named ? "method = \"" + annotation.method() + "\" and handler = "
                            + annotation.handler().getSimpleName() + ".class" : "neither")
                    + ". Expected: @Fallback(method = \"<name>\") or @Fallback(handler = <FallbackHandler class>)");
        }
        List<Class<? extends Throwable>> applyOn = List.of(annotation.applyOn());
        List<Class<? extends Throwable>> skipOn = List.of(annotation.skipOn());
        if (named) {
            return forMethod(targetClass, method, annotation.method(), applyOn, skipOn);
        }
        return forHandler(method, Objects.requireNonNull(handlers.apply(annotation.handler()), "handler"), applyOn,
                skipOn);
    }

    /**
     * Resolves a fallback method by name. It lives in {@code targetClass} or a superclass (any visibility,
     * static allowed), takes the protected method's parameter types, optionally followed by one
     * {@link Throwable} (or subtype), and returns a type assignable to the protected method's (or, for a
     * stage-returning method, a plain value of the stage's type).
     *
     * @param targetClass the user class whose method is protected
     * @param method the protected method
     * @param fallbackName the fallback method's name
     * @param applyOn failures that reach the fallback (subclasses included); empty means every {@link Exception}
     * @param skipOn failures that never reach it; wins over {@code applyOn}
     * @return the executor
     * @throws FallbackResolutionException naming the class, the method, the fallback name and the expected
     *         signatures, if no fitting method exists or one has a return type that does not fit
     */
    public static FallbackExecutor forMethod(Class<?> targetClass, Method method, String fallbackName,
            List<Class<? extends Throwable>> applyOn, List<Class<? extends Throwable>> skipOn) {
        return new FallbackExecutor(method, FallbackMethodResolver.resolve(targetClass, method, fallbackName),
                applyOn, skipOn);
    }

    /**
     * Uses a handler as the fallback.
     *
     * @param method the protected method
     * @param handler the handler; must be thread safe
     * @param applyOn failures that reach the fallback; empty means every {@link Exception}
     * @param skipOn failures that never reach it; wins over {@code applyOn}
     * @return the executor
     */
    public static FallbackExecutor forHandler(Method method, FallbackHandler handler,
            List<Class<? extends Throwable>> applyOn, List<Class<? extends Throwable>> skipOn) {
        return new FallbackExecutor(method, new HandlerFallback(method, Objects.requireNonNull(handler, "handler")),
                applyOn, skipOn);
    }

    /** @return the protected method */
    public Method method() {
        return method;
    }

    /**
     * Whether a failure reaches the fallback ({@code applyOn} and not {@code skipOn}); cached per class.
     *
     * @param failure the failure
     * @return {@code true} if the fallback applies
     */
    public boolean appliesTo(Throwable failure) {
        return applies.test(failure);
    }

    /**
     * Answers for a failed call, or rethrows the failure if the fallback does not apply to it.
     *
     * @param target the object whose method failed (the user's bean, not a proxy)
     * @param arguments the call's arguments ({@code null} for none)
     * @param failure what the call threw
     * @return the fallback's answer, of the protected method's return type
     * @throws Throwable {@code failure} if the fallback does not apply, or what the fallback threw
     */
    public Object recover(Object target, Object[] arguments, Throwable failure) throws Throwable {
        if (!appliesTo(failure)) {
            throw failure;
        }
        return invoker.invoke(target, arguments == null ? NO_ARGUMENTS : arguments, failure);
    }

    /**
     * Applies the fallback to a stage's failure, without blocking. The failure is unwrapped from
     * {@link CompletionException} before the decision; a stage the fallback returns is followed.
     *
     * @param target the object whose method failed
     * @param arguments the call's arguments
     * @param stage what the protected call returned
     * @return a future completed with the stage's value, the fallback's answer, or the failure that remains
     */
    public CompletableFuture<Object> recoverStage(Object target, Object[] arguments, CompletionStage<?> stage) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Object answer;
            try {
                answer = recover(target, arguments, unwrap(error));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
                return;
            }
            if (answer instanceof CompletionStage<?> next) {
                next.whenComplete((nextValue, nextError) -> {
                    if (nextError == null) {
                        result.complete(nextValue);
                    } else {
                        result.completeExceptionally(unwrap(nextError));
                    }
                });
            } else {
                result.complete(answer);
            }
        });
        return result;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable failure = error;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Override
    public String toString() {
        return "FallbackExecutor[" + method + "]";
    }
}
