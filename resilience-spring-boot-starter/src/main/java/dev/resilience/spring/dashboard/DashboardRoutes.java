package dev.resilience.spring.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's three routes below {@code resilience.dashboard.path} ({@code /resilience/dashboard} by
 * default):
 * <ul>
 * <li>{@code GET {path}}: the page;</li>
 * <li>{@code GET {path}/settings.json}: {@code {"endpoint": "/actuator/resilience", "writable": true,
 *     "refreshMillis": 2000, "problem": null}}, where {@code endpoint} includes the context path and is
 *     {@code null} (with {@code problem} saying why) when the page cannot reach the endpoint;</li>
 * <li>{@code GET {path}/assets/**}: the stylesheet and the script modules, from the starter jar.</li>
 * </ul>
 * The page and the settings are never cached (the page carries a CSRF token). The page is sent with a
 * Content-Security-Policy that allows only same-origin scripts, styles and requests: it loads nothing
 * from elsewhere.
 *
 * <p>The routes are stateless and thread safe.
 */
public final class DashboardRoutes {

    /** Where the stylesheet and scripts are, on the class path. */
    static final String ASSETS = "dev/resilience/spring/dashboard/assets/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DashboardRoutes() {
    }

    /**
     * Builds the routes.
     *
     * @param options the validated {@code resilience.dashboard.*} settings
     * @param page the page template
     * @param endpoint where the endpoint is, asked on every {@code settings.json}
     * @param csrf finds the CSRF token of the page's request
     * @param classLoader the class loader holding the starter's assets
     * @return the router function to register as a bean
     */
    public static RouterFunction<ServerResponse> create(DashboardOptions options, DashboardPage page,
            Supplier<EndpointAccess> endpoint, CsrfTokenLookup csrf, ClassLoader classLoader) {
        String path = options.path();
        return RouterFunctions.route()
                .GET(path, request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .header("Referrer-Policy", "no-referrer")
                        .body(page.render(contextPath(request) + path, csrf.find(request.servletRequest()))))
                .GET(path + "/settings.json", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .body(settings(contextPath(request), endpoint.get(), options)))
                .add(RouterFunctions.resources(path + "/assets/**", new ClassPathResource(ASSETS, classLoader),
                        (resource, headers) -> headers.setCacheControl(CacheControl.noCache())))
                .build();
    }

    private static Map<String, Object> settings(String contextPath, EndpointAccess access, DashboardOptions options) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("endpoint", access.path() == null ? null : contextPath + access.path());
        settings.put("writable", access.writable());
        settings.put("refreshMillis", options.refreshInterval().toMillis());
        settings.put("problem", access.problem());
        return settings;
    }

    /** The context path, plus the servlet path when the dispatcher is mapped to a prefix. */
    private static String contextPath(ServerRequest request) {
        return request.requestPath().contextPath().value();
    }
}
