package dev.resilience.spring.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's HTML, read once from the starter jar. The page itself is static: it names its
 * stylesheet and script module below the page's own URL and, when the request has one, carries the CSRF
 * token in {@code <meta name="_csrf">} / {@code <meta name="_csrf_header">}. Everything else (where the
 * endpoint is, whether writes are allowed) the script asks {@code settings.json} for.
 *
 * <p>Immutable and thread safe.
 */
public final class DashboardPage {

    /** Where the template is, on the class path. */
    static final String TEMPLATE = "dev/resilience/spring/dashboard/page.html";

    private final String template;

    private DashboardPage(String template) {
        this.template = template;
    }

    /**
     * Reads the template from the class path.
     *
     * @param classLoader the class loader holding the starter
     * @return the page
     * @throws UncheckedIOException if the template cannot be read
     */
    public static DashboardPage load(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(TEMPLATE + " is missing from the class path"));
            }
            return new DashboardPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }

    /**
     * The page for one request.
     *
     * @param base the page's own path including the context path, such as {@code /shop/resilience/dashboard}
     * @param csrf the request's CSRF token, if it has one
     * @return the HTML, every inserted value escaped
     */
    public String render(String base, Optional<CsrfHeader> csrf) {
        String meta = csrf.map(token -> "<meta name=\"_csrf_header\" content=\"" + HtmlUtils.htmlEscape(token.headerName())
                + "\">\n<meta name=\"_csrf\" content=\"" + HtmlUtils.htmlEscape(token.token()) + "\">").orElse("");
        return template.replace("{{csrf}}", meta).replace("{{base}}", HtmlUtils.htmlEscape(base));
    }
}
