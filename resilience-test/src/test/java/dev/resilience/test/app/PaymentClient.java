package dev.resilience.test.app;

import dev.resilience.annotation.CircuitBreaker;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A client whose downstream fails while {@link #failing(boolean)} says so. */
public class PaymentClient {

    private final AtomicBoolean failing = new AtomicBoolean();

    /** @param value whether calls fail from now on */
    public void failing(boolean value) {
        failing.set(value);
    }

    /**
     * Charges an order.
     *
     * @param order the order
     * @return a receipt
     */
    @CircuitBreaker(name = "payments")
    public String charge(String order) {
        return answer("charged " + order);
    }

    /**
     * Stock at a warehouse; one breaker per warehouse.
     *
     * @param warehouse the warehouse, also the key
     * @return the stock
     */
    @CircuitBreaker(name = "stock", key = "#warehouse")
    public String stock(String warehouse) {
        return answer("stock at " + warehouse);
    }

    private String answer(String text) {
        if (failing.get()) {
            throw new UncheckedIOException(new IOException("downstream down"));
        }
        return text;
    }
}
