package dev.resilience.spring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardPageTests {

    private final DashboardPage page = DashboardPage.load(getClass().getClassLoader());

    @Test
    void namesItsAssetsAndSettingsBelowThePagePath() {
        String html = page.render("/shop/ops/resilience", Optional.empty());

        assertThat(html)
                .contains("<link rel=\"stylesheet\" href=\"/shop/ops/resilience/assets/dashboard.css\">")
                .contains("<script type=\"module\" src=\"/shop/ops/resilience/assets/dashboard.js\"></script>")
                .contains("data-settings=\"/shop/ops/resilience/settings.json\"")
                .doesNotContain("{{");
    }

    @Test
    void carriesTheCsrfTokenInMetaTagsOnlyWhenTheRequestHasOne() {
        assertThat(page.render("/d", Optional.empty())).doesNotContain("_csrf");

        String html = page.render("/d", Optional.of(new CsrfHeader("X-CSRF-TOKEN", "t0k3n")));

        assertThat(html).contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
                .contains("<meta name=\"_csrf\" content=\"t0k3n\">");
    }

    @Test
    void escapesEveryInsertedValue() {
        String html = page.render("/d\"><script>", Optional.of(new CsrfHeader("X\"", "<t>")));

        assertThat(html).doesNotContain("<script>\"").doesNotContain("\"><script>")
                .contains("/d&quot;&gt;&lt;script&gt;/assets/dashboard.js")
                .contains("content=\"X&quot;\"").contains("content=\"&lt;t&gt;\"");
    }

    @Test
    void hasNoInlineScriptOrStyleSoThatAStrictContentSecurityPolicyHolds() {
        String html = page.render("/d", Optional.empty());

        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html).contains("<script type=\"module\" src=").doesNotContain("<style").doesNotContain(" style=")
                .doesNotContainPattern("\\son[a-z]+=");
    }
}
