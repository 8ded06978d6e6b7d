package dev.resilience.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilience.annotation.Fallback;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FallbackExecutorTests {

    static class Quotes {
        @Fallback(method = "cached")
        String quote(String symbol) {
            return null;
        }

        @Fallback(method = "cached", applyOn = IOException.class, skipOn = FileNotFoundException.class)
        String narrow(String symbol) {
            return null;
        }

        @Fallback(handler = Answering.class)
        String handled(String symbol) {
            return null;
        }

        @Fallback(handler = Answering.class)
        CompletableFuture<String> handledAsync(String symbol) {
            return null;
        }

        @Fallback(method = "cached", handler = Answering.class)
        String both(String symbol) {
            return null;
        }

        @Fallback
        String neither(String symbol) {
            return null;
        }

        @Fallback(method = "cachedStage")
        CompletableFuture<String> async(String symbol) {
            return null;
        }

        @Fallback(method = "failing")
        String failingFallback(String symbol) {
            return null;
        }

        private String cached(String symbol) {
            return "cached " + symbol;
        }

        private CompletableFuture<String> cachedStage(String symbol, IOException failure) {
            return CompletableFuture.supplyAsync(() -> "stage " + symbol, Runnable::run);
        }

        private String failing(String symbol) {
            throw new IllegalArgumentException("fallback failed too");
        }
    }

    static final class Answering implements FallbackHandler {
        @Override
        public Object handle(Method method, Object[] arguments, Throwable failure) {
            return "handled " + method.getName() + " " + arguments[0] + " " + failure.getClass().getSimpleName();
        }
    }

    private static final Object[] ARGS = { "ACME" };
    private final Quotes quotes = new Quotes();

    private static Method method(String name) {
        try {
            return Quotes.class.getDeclaredMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static FallbackExecutor fromAnnotation(String name) {
        Method method = method(name);
        return FallbackExecutor.of(Quotes.class, method, method.getAnnotation(Fallback.class), type -> new Answering());
    }

    @Test
    void byDefaultEveryExceptionReachesTheFallbackButNoError() throws Throwable {
        FallbackExecutor fallback = fromAnnotation("quote");
        AssertionError error = new AssertionError("bug");

        assertThat(fallback.recover(quotes, ARGS, new IOException())).isEqualTo("cached ACME");
        assertThat(fallback.recover(quotes, ARGS, new IllegalStateException())).isEqualTo("cached ACME");
        assertThatThrownBy(() -> fallback.recover(quotes, ARGS, error)).isSameAs(error);
    }

    @Test
    void applyOnLimitsTheFailuresThatReachTheFallbackAndSkipOnWins() throws Throwable {
        FallbackExecutor fallback = fromAnnotation("narrow");
        IllegalStateException notApplied = new IllegalStateException();
        FileNotFoundException skipped = new FileNotFoundException();

        assertThat(fallback.appliesTo(new IOException())).isTrue();
        assertThat(fallback.recover(quotes, ARGS, new IOException())).isEqualTo("cached ACME");
        assertThatThrownBy(() -> fallback.recover(quotes, ARGS, notApplied)).isSameAs(notApplied);
        assertThatThrownBy(() -> fallback.recover(quotes, ARGS, skipped)).isSameAs(skipped);
        assertThat(fallback.appliesTo(skipped)).isFalse();
    }

    @Test
    void anEmptyApplyOnListMeansEveryException() throws Throwable {
        FallbackExecutor fallback = FallbackExecutor.forMethod(Quotes.class, method("quote"), "cached", List.of(),
                List.of(IllegalStateException.class));

        assertThat(fallback.appliesTo(new IOException())).isTrue();
        assertThat(fallback.appliesTo(new IllegalStateException())).isFalse();
        assertThat(fallback.appliesTo(new AssertionError())).isFalse();
    }

    @Test
    void aHandlerReceivesTheMethodTheArgumentsAndTheFailure() throws Throwable {
        assertThat(fromAnnotation("handled").recover(quotes, ARGS, new IOException()))
                .isEqualTo("handled handled ACME IOException");
    }

    @Test
    void aHandlersPlainValueIsWrappedForAFutureMethod() throws Throwable {
        assertThat(fromAnnotation("handledAsync").recover(quotes, ARGS, new IOException()))
                .isInstanceOfSatisfying(CompletableFuture.class, future -> assertThat(future)
                        .isCompletedWithValue("handled handledAsync ACME IOException"));
    }

    @Test
    void theHandlerComesFromTheLookup() {
        AtomicReference<Class<?>> requested = new AtomicReference<>();
        Method method = method("handled");

        FallbackExecutor.of(Quotes.class, method, method.getAnnotation(Fallback.class), type -> {
            requested.set(type);
            return new Answering();
        });

        assertThat(requested.get()).isEqualTo(Answering.class);
    }

    @Test
    void exactlyOneOfMethodAndHandlerMustBeSet() {
        assertThatThrownBy(() -> fromAnnotation("both"))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessageContaining("@Fallback on Quotes.both(String): exactly one of method and handler must be set, "
                        + "found method = \"cached\" and handler = Answering.class");
        assertThatThrownBy(() -> fromAnnotation("neither"))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessageContaining("Quotes.neither(String)")
                .hasMessageContaining("found neither");
    }

    @Test
    void aFailureOfTheFallbackItselfReachesTheCaller() {
        assertThatThrownBy(() -> fromAnnotation("failingFallback").recover(quotes, ARGS, new IOException()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fallback failed too");
    }

    @Test
    void recoverStageAnswersAFailedStageWithoutBlocking() {
        FallbackExecutor fallback = fromAnnotation("async");
        CompletableFuture<String> stage = new CompletableFuture<>();

        CompletableFuture<Object> result = fallback.recoverStage(quotes, ARGS, stage);
        assertThat(result).isNotDone();
        stage.completeExceptionally(new CompletionException(new IOException()));

        assertThat(result).isCompletedWithValue("stage ACME");
    }

    @Test
    void recoverStagePassesSuccessesAndFailuresTheFallbackDoesNotTake() {
        FallbackExecutor fallback = fromAnnotation("async");
        IllegalStateException notTaken = new IllegalStateException();

        assertThat(fallback.recoverStage(quotes, ARGS, CompletableFuture.completedFuture("fresh")))
                .isCompletedWithValue("fresh");
        CompletableFuture<Object> failed = fallback.recoverStage(quotes, ARGS, CompletableFuture.failedFuture(notTaken));
        assertThat(failed.handle((value, error) -> error).join()).isSameAs(notTaken);
    }

    @Test
    void recoverStageFollowsAFailingFallbackStage() {
        FallbackExecutor fallback = FallbackExecutor.forHandler(method("handledAsync"),
                (method, arguments, failure) -> CompletableFuture.failedFuture(new IllegalStateException("no cache")),
                List.of(), List.of());

        CompletableFuture<Object> result = fallback.recoverStage(quotes, ARGS,
                CompletableFuture.failedFuture(new IOException()));

        assertThat(result.handle((value, error) -> error).join()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no cache");
    }
}
