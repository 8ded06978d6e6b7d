package dev.resilience.spring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The page's files as they are in the jar: self-contained, nothing loaded from elsewhere. */
class DashboardAssetsTests {

    private static final Pattern IMPORT = Pattern.compile("from '(\\./[a-z-]+\\.js)'");

    private static final Pattern EXTERNAL = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);

    private static Map<String, String> assets;

    @BeforeAll
    static void read() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath:" + DashboardRoutes.ASSETS + "*");
        assets = Arrays.stream(resources).collect(Collectors.toMap(Resource::getFilename, DashboardAssetsTests::text));
        assets.put("page.html", text(new PathMatchingResourcePatternResolver().getResource("classpath:" + DashboardPage.TEMPLATE)));
    }

    @Test
    void holdsTheStylesheetAndTheModules() {
        assertThat(assets).containsKeys("dashboard.css", "dashboard.js", "api.js", "card.js", "format.js", "patterns.js",
                "sparkline.js", "page.html");
    }

    @Test
    void loadsNothingFromAnotherOrigin() {
        assets.forEach((name, text) -> {
            List<String> found = EXTERNAL.matcher(text).results().map(match -> match.group())
                    .filter(url -> !url.equals("http://www.w3.org")).toList();
            assertThat(found).as(name).isEmpty();
            assertThat(text).as(name).doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face");
        });
    }

    @Test
    void everyModuleImportIsServed() {
        assets.forEach((name, text) -> {
            Matcher imports = IMPORT.matcher(text);
            while (imports.find()) {
                assertThat(assets).as(name + " imports " + imports.group(1)).containsKey(imports.group(1).substring(2));
            }
        });
    }

    @Test
    void followsTheSystemColourScheme() {
        assertThat(assets.get("dashboard.css")).contains("@media (prefers-color-scheme: dark)");
        assertThat(assets.get("page.html")).contains("<meta name=\"color-scheme\" content=\"light dark\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    }

    private static String text(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
