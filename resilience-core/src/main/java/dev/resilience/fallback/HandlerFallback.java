package dev.resilience.fallback;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link FallbackHandler} answering for one protected method. For a method returning
 * {@code CompletionStage}/{@code CompletableFuture}, a plain value from the handler is wrapped in a
 * completed future, and any other stage is converted with {@link CompletionStage#toCompletableFuture()} so
 * that it fits a {@code CompletableFuture} return type.
 */
final class HandlerFallback implements FallbackInvoker {

    private final Method method;
    private final FallbackHandler handler;
    private final boolean stageReturning;

    HandlerFallback(Method method, FallbackHandler handler) {
        this.method = method;
        this.handler = handler;
        this.stageReturning = ReturnTypes.isStage(method.getReturnType());
    }

    @Override
    public Object invoke(Object target, Object[] arguments, Throwable failure) throws Throwable {
        Object value = handler.handle(method, arguments, failure);
        if (!stageReturning) {
            return value;
        }
        if (value instanceof CompletionStage<?> stage) {
            return stage.toCompletableFuture();
        }
        return CompletableFuture.completedFuture(value);
    }
}
