package dev.resilience.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class FallbackResolutionTests {

    static class Orders {
        String place(String item, int quantity) {
            throw new UnsupportedOperationException();
        }

        String exact(String item, int quantity) {
            return "exact " + item + " x" + quantity;
        }

        private String withFailure(String item, int quantity, Exception failure) {
            return "failure " + failure.getClass().getSimpleName();
        }

        private String ladder(String item, int quantity) {
            return "any";
        }

        private String ladder(String item, int quantity, IOException failure) {
            return "io";
        }

        private String ladder(String item, int quantity, FileNotFoundException failure) {
            return "file";
        }

        private String ladder(String item, int quantity, RuntimeException failure) {
            return "runtime";
        }

        private String ladder(String item) {
            return "an overload for another method";
        }

        private String onlyIo(String item, int quantity, IOException failure) {
            return "io only";
        }

        private static String statically(String item, int quantity) {
            return "static " + item;
        }

        private Integer wrongType(String item, int quantity) {
            return 1;
        }

        private String wrongParameters(String item) {
            return "no";
        }

        private Object widerType(String item, int quantity) {
            return "no";
        }

        int count() {
            return 0;
        }

        private int countFallback() {
            return 7;
        }

        private Integer boxedCountFallback() {
            return 7;
        }

        void notify(String message) {
        }

        private void notifyFallback(String message, Throwable failure) {
        }

        CompletableFuture<String> async(String item) {
            return null;
        }

        private CompletableFuture<String> asyncFuture(String item) {
            return CompletableFuture.completedFuture("future " + item);
        }

        private String asyncPlain(String item, IOException failure) {
            return "plain " + item;
        }

        private Integer asyncWrongPlain(String item) {
            return 1;
        }

        CompletionStage<List<String>> stage() {
            return null;
        }

        private List<String> stagePlain() {
            return List.of("cached");
        }
    }

    static class Base {
        String find(String id) {
            return null;
        }

        private String inherited(String id) {
            return "base " + id;
        }

        String overridden(String id) {
            return "base";
        }
    }

    static class Derived extends Base {
        @Override
        String overridden(String id) {
            return "derived";
        }
    }

    private static final Object[] ARGS = { "book", 2 };
    private final Orders orders = new Orders();

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getDeclaredMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static final Method PLACE = method(Orders.class, "place", String.class, int.class);

    private static FallbackExecutor fallback(Class<?> type, Method method, String name) {
        return FallbackExecutor.forMethod(type, method, name, List.of(Exception.class), List.of());
    }

    private Object recover(String name, Throwable failure) throws Throwable {
        return fallback(Orders.class, PLACE, name).recover(orders, ARGS, failure);
    }

    @Test
    void aMethodWithTheSameParametersAnswers() throws Throwable {
        assertThat(recover("exact", new IOException())).isEqualTo("exact book x2");
    }

    @Test
    void aMethodWithATrailingExceptionParameterReceivesTheFailure() throws Throwable {
        assertThat(recover("withFailure", new SocketException())).isEqualTo("failure SocketException");
    }

    @Test
    void theMostSpecificExceptionParameterWins() throws Throwable {
        FallbackExecutor ladder = fallback(Orders.class, PLACE, "ladder");

        assertThat(ladder.recover(orders, ARGS, new FileNotFoundException())).isEqualTo("file");
        assertThat(ladder.recover(orders, ARGS, new IOException())).isEqualTo("io");
        assertThat(ladder.recover(orders, ARGS, new SocketException())).isEqualTo("io");
        assertThat(ladder.recover(orders, ARGS, new IllegalStateException())).isEqualTo("runtime");
        assertThat(ladder.recover(orders, ARGS, new Exception())).isEqualTo("any");
        assertThat(ladder.recover(orders, ARGS, new FileNotFoundException())).as("cached choice").isEqualTo("file");
    }

    @Test
    void aFailureNoCandidateTakesIsRethrown() {
        IllegalStateException failure = new IllegalStateException();

        assertThatThrownBy(() -> recover("onlyIo", failure)).isSameAs(failure);
    }

    @Test
    void staticFallbackMethodsAreAllowed() throws Throwable {
        assertThat(recover("statically", new IOException())).isEqualTo("static book");
    }

    @Test
    void aPrivateMethodOfASuperclassIsFound() throws Throwable {
        Method find = method(Base.class, "find", String.class);

        assertThat(fallback(Derived.class, find, "inherited").recover(new Derived(), new Object[] { "42" },
                new IOException())).isEqualTo("base 42");
    }

    @Test
    void aSubclassOverrideIsTheOneCalled() throws Throwable {
        Method find = method(Base.class, "find", String.class);

        assertThat(fallback(Derived.class, find, "overridden").recover(new Derived(), new Object[] { "42" },
                new IOException())).isEqualTo("derived");
    }

    @Test
    void aWrongReturnTypeFailsNamingClassMethodFallbackAndExpectedSignature() {
        assertThatThrownBy(() -> fallback(Orders.class, PLACE, "wrongType"))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessageContaining("Orders.place(String, int)")
                .hasMessageContaining("Orders.wrongType(String, int) returns Integer, which does not fit String")
                .hasMessageContaining("Expected: String wrongType(String, int) or "
                        + "String wrongType(String, int, <Throwable or subtype>)");
        assertThatThrownBy(() -> fallback(Orders.class, PLACE, "widerType"))
                .hasMessageContaining("returns Object, which does not fit String");
    }

    @Test
    void aMissingMethodFailsNamingWhatWasExpectedAndWhatWasFound() {
        assertThatThrownBy(() -> fallback(Orders.class, PLACE, "missing"))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessage("@Fallback(method = \"missing\") on Orders.place(String, int): no fallback method named "
                        + "'missing' with fitting parameters in Orders or its superclasses. Expected: "
                        + "String missing(String, int) or String missing(String, int, <Throwable or subtype>)");
        assertThatThrownBy(() -> fallback(Orders.class, PLACE, "wrongParameters"))
                .hasMessageEndingWith("; found instead: String Orders.wrongParameters(String)");
    }

    @Test
    void anEmptyNameFails() {
        assertThatThrownBy(() -> fallback(Orders.class, PLACE, " "))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessageContaining("Orders.place(String, int): the fallback method name is empty");
    }

    @Test
    void primitivesMustMatchExactly() throws Throwable {
        Method count = method(Orders.class, "count");

        assertThat(fallback(Orders.class, count, "countFallback").recover(orders, null, new IOException()))
                .isEqualTo(7);
        assertThatThrownBy(() -> fallback(Orders.class, count, "boxedCountFallback"))
                .hasMessageContaining("returns Integer, which does not fit int");
    }

    @Test
    void aVoidMethodTakesAVoidFallback() throws Throwable {
        Method notify = method(Orders.class, "notify", String.class);

        assertThat(fallback(Orders.class, notify, "notifyFallback").recover(orders, new Object[] { "hi" },
                new IOException())).isNull();
    }

    @Test
    void aFutureMethodTakesAFallbackReturningTheSameFutureType() throws Throwable {
        Method async = method(Orders.class, "async", String.class);

        Object answer = fallback(Orders.class, async, "asyncFuture").recover(orders, new Object[] { "pen" },
                new IOException());

        assertThat(answer).isInstanceOfSatisfying(CompletableFuture.class,
                future -> assertThat(future).isCompletedWithValue("future pen"));
    }

    @Test
    void aFutureMethodTakesAFallbackReturningAPlainValueWrappedInACompletedFuture() throws Throwable {
        Method async = method(Orders.class, "async", String.class);
        Method stage = method(Orders.class, "stage");

        assertThat(fallback(Orders.class, async, "asyncPlain").recover(orders, new Object[] { "pen" },
                new IOException())).isInstanceOfSatisfying(CompletableFuture.class,
                        future -> assertThat(future).isCompletedWithValue("plain pen"));
        assertThat(fallback(Orders.class, stage, "stagePlain").recover(orders, null, new IOException()))
                .isInstanceOfSatisfying(CompletableFuture.class,
                        future -> assertThat(future).isCompletedWithValue(List.of("cached")));
    }

    @Test
    void aPlainValueMustFitTheFuturesTypeArgument() {
        Method async = method(Orders.class, "async", String.class);

        assertThatThrownBy(() -> fallback(Orders.class, async, "asyncWrongPlain"))
                .isInstanceOf(FallbackResolutionException.class)
                .hasMessageContaining("returns Integer, which does not fit CompletableFuture<String>")
                .hasMessageContaining("Expected: CompletableFuture<String> (or String) asyncWrongPlain(String)");
    }
}
