package dev.resilience.spring.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointCatalogTests {

    private final EndpointCatalog catalog = new EndpointCatalog(false, true, Set.of("GET /orders/{id}"), Set.of());

    @Test
    void anEndpointIsTheMethodAndTheRouteTemplateResolvedOnce() {
        Endpoint orders = catalog.endpoint("GET", "/orders/{id}");

        assertThat(orders.id()).isEqualTo("GET /orders/{id}");
        assertThat(orders.rateLimited()).isTrue();
        assertThat(orders.bulkheaded()).isTrue();
        assertThat(catalog.endpoint("GET", "/orders/{id}")).isSameAs(orders);
        assertThat(catalog.endpoint("POST", "/orders/{id}").rateLimited()).isFalse();
    }

    @Test
    void nonStandardMethodsShareOneEndpointPerTemplate() {
        Endpoint made = catalog.endpoint("MADE-UP", "/orders/{id}");

        assertThat(made.id()).isEqualTo("OTHER /orders/{id}");
        assertThat(catalog.endpoint("ANOTHER", "/orders/{id}")).isSameAs(made);
    }

    @Test
    void anEndpointWithoutAnyPatternIsNotProtected() {
        EndpointCatalog none = new EndpointCatalog(false, false, Set.of(), Set.of("GET /held/{id}"));

        assertThat(none.endpoint("GET", "/orders").protectedByAny()).isFalse();
        assertThat(none.endpoint("GET", "/held/{id}").protectedByAny()).isTrue();
    }
}
