package dev.resilience.spring.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilience.spring.config.HttpClientProperties.HttpClientKey;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestKeysTests {

    private final RequestKeys byHost = new RequestKeys(HttpClientKey.HOST);
    private final RequestKeys byPath = new RequestKeys(HttpClientKey.HOST_AND_PATH);

    @Test
    void byHostTheKeyIsTheLowerCaseHostWithoutPort() {
        assertThat(byHost.keyOf(URI.create("https://API.Example.com:8443/users/7?x=1"), "https://API.Example.com:8443/users/{id}"))
                .isEqualTo("api.example.com");
    }

    @Test
    void byPathTheKeyAddsTheTemplatesPathWithoutQuery() {
        assertThat(byPath.keyOf(URI.create("https://api.example.com/users/7?x=1"),
                "https://api.example.com/users/{id}?x={x}")).isEqualTo("api.example.com/users/{id}");
    }

    @Test
    void withoutATemplateTheRawPathIsNeverPartOfTheKey() {
        assertThat(byPath.keyOf(URI.create("https://api.example.com/users/7"), null)).isEqualTo("api.example.com");
    }

    @Test
    void aRelativeTemplateKeepsItsPath() {
        assertThat(byPath.keyOf(URI.create("http://localhost/a/1"), "/a/{id}#frag")).isEqualTo("localhost/a/{id}");
    }

    @Test
    void theHostOfAKeyIsEverythingBeforeTheFirstSlash() {
        assertThat(RequestKeys.hostOf("api.example.com/users/{id}")).isEqualTo("api.example.com");
        assertThat(RequestKeys.hostOf("api.example.com")).isEqualTo("api.example.com");
    }
}
