package dev.resilience.spring.http.client;

import dev.resilience.spring.config.HttpClientProperties.HttpClientKey;
import java.net.URI;
import java.util.Locale;

/**
 * Turns a request into the key of its instances: its host, or its host and URI-template path
 * ({@code api.example.com/users/{id}}). The template is the one the client recorded for the request; a
 * request made from a ready URI has none and is keyed by its host alone, so that raw paths (holding ids)
 * never multiply the instances. Stateless, thread safe.
 */
final class RequestKeys {

    /** The key of a request whose URI has no host (a relative URI that no base URL completed). */
    static final String NO_HOST = "unknown-host";

    private final boolean withPath;

    RequestKeys(HttpClientKey key) {
        this.withPath = key == HttpClientKey.HOST_AND_PATH;
    }

    /**
     * The key of a request.
     *
     * @param uri the request's URI
     * @param uriTemplate the template the request was made from (with scheme and host, as clients record
     *     it), or null
     * @return the host in lower case, followed by the template's path when keyed by path
     */
    String keyOf(URI uri, Object uriTemplate) {
        String host = uri.getHost();
        host = host == null ? NO_HOST : host.toLowerCase(Locale.ROOT);
        if (!withPath || !(uriTemplate instanceof String template)) {
            return host;
        }
        String path = pathOf(template);
        return path.isEmpty() ? host : host + path;
    }

    /**
     * The host part of a key.
     *
     * @param key a key made by {@link #keyOf(URI, Object)}
     * @return the host
     */
    static String hostOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The path of a URI template, without scheme, authority, query or fragment; read as text (it holds braces). */
    static String pathOf(String template) {
        int start = 0;
        int scheme = template.indexOf("://");
        if (scheme >= 0) {
            int slash = template.indexOf('/', scheme + 3);
            if (slash < 0) {
                return "";
            }
            start = slash;
        }
        int end = template.length();
        for (int i = start; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return template.substring(start, end);
    }
}
