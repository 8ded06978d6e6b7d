package dev.resilience.sample;

import dev.resilience.annotation.CircuitBreaker;
import org.springframework.stereotype.Service;

/** Looks up prices in the flaky downstream catalog, behind a circuit breaker. */
@Service
public class CatalogService {

    private final FlakyDownstream downstream;

    CatalogService(FlakyDownstream downstream) {
        this.downstream = downstream;
    }

    /**
     * The price of an item; trips the {@code catalog} breaker when the downstream keeps failing.
     *
     * @param sku the item
     * @return the downstream's answer
     */
    @CircuitBreaker(name = "catalog")
    public String price(String sku) {
        return downstream.call("price of " + sku);
    }

    /**
     * Stock at a warehouse; one breaker per warehouse ({@code stock[north]}, {@code stock[south]}, ...).
     *
     * @param warehouse the warehouse, also the breaker key
     * @param sku the item
     * @return the downstream's answer
     */
    @CircuitBreaker(name = "stock", key = "#warehouse")
    public String stock(String warehouse, String sku) {
        return downstream.call("stock of " + sku + " at " + warehouse);
    }
}
