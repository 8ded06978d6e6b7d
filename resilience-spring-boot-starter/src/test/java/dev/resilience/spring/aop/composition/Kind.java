package dev.resilience.spring.aop.composition;

import dev.resilience.spring.aop.Futures;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

/**
 * The kinds of protected method a scenario runs against: a plain one ({@link SyncService}), a
 * {@code CompletableFuture} one ({@link AsyncService}) and a {@code Mono} one ({@link MonoService}) with
 * the same annotations. The outcome is what the caller gets, normalised: a value, or the failure (thrown,
 * completing the future or signalled by the {@code Mono}, unwrapped).
 */
enum Kind {

    SYNC(SyncService.class),
    ASYNC(AsyncService.class),
    MONO(MonoService.class);

    private final Class<?> serviceType;

    Kind(Class<?> serviceType) {
        this.serviceType = serviceType;
    }

    /** @return the instance name prefix of the kind's methods, {@code SimpleClassName.} */
    String prefix() {
        return serviceType.getSimpleName() + ".";
    }

    Script script(ApplicationContext context) {
        Object service = context.getBean(serviceType);
        if (service instanceof SyncService sync) {
            return sync.script();
        }
        return service instanceof AsyncService async ? async.script() : ((MonoService) service).script();
    }

    /**
     * Calls a method of the kind's service through its proxy and waits (bounded) for the outcome.
     *
     * @param context the application
     * @param method the scenario method's name
     * @return the outcome
     */
    Outcome call(ApplicationContext context, String method) throws Exception {
        Object service = context.getBean(serviceType);
        Object returned;
        try {
            returned = service.getClass().getMethod(method).invoke(service);
        } catch (InvocationTargetException e) {
            if (this != SYNC) {
                throw new AssertionError("a " + this + " method threw instead of signalling its failure", e.getCause());
            }
            return new Outcome(null, e.getCause());
        }
        if (this == SYNC) {
            return new Outcome(returned, null);
        }
        CompletableFuture<?> future = this == MONO ? ((Mono<?>) returned).toFuture() : (CompletableFuture<?>) returned;
        try {
            return new Outcome(future.get(5, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome(null, Futures.unwrap(e.getCause()));
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within 5s", e);
        }
    }

    /** What the caller got: a value or a failure. */
    record Outcome(Object value, Throwable failure) {
    }
}
