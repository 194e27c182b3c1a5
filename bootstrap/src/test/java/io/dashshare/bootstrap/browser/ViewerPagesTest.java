package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
import io.dashshare.bootstrap.testing.Owner;
import io.dashshare.bootstrap.testing.TestService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP (no browser): their headers, fixed shells and the assets they load. */
class ViewerPagesTest {

    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";
    private static final String PROBE = "REFLECT%3Cscript%3Ealert(1)%3C%2Fscript%3E";

    private static TestService service;
    private static ApiClient api;
    private static Owner owner;

    @BeforeAll
    static void start() {
        service = TestService.shared();
        api = service.api();
        owner = Owner.acme();
    }

    @Test
    void the_pages_send_the_strict_policy_no_referrer_and_may_not_be_framed_except_embeds() {
        for (String path : List.of("/s/" + PROBE, "/portal/acme", "/portal/" + PROBE)) {
            Reply page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.header("Content-Security-Policy")).as(path).contains(PAGE_POLICY + "; frame-ancestors 'none'");
            assertThat(page.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(page.header("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).as(path).contains("nosniff");
        }
        assertThat(api.get("/s/" + PROBE).header("Cache-Control")).contains("no-store");
    }

    @Test
    void the_embed_page_may_be_framed_by_the_companys_origins_only() {
        List<String> before = owner.embedOrigins();
        String token = owner.embed("{\"expires_in\":600}").get("token").asText();
        try {
            owner.setEmbedOrigins(List.of("https://app.customer.example"));
            Reply page = api.get("/embed/d/" + token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy"))
                    .contains(PAGE_POLICY + "; frame-ancestors https://app.customer.example");
            assertThat(page.header("X-Frame-Options")).isEmpty();
            assertThat(page.header("Referrer-Policy")).contains("no-referrer");
            assertThat(page.header("Cache-Control")).contains("no-store");
            Reply invalid = api.get("/embed/d/" + PROBE);
            assertThat(invalid.header("Content-Security-Policy")).contains(PAGE_POLICY + "; frame-ancestors 'none'");
        } finally {
            owner.setEmbedOrigins(before);
        }
    }

    @Test
    void a_shell_is_the_same_bytes_whatever_the_token_and_carries_no_inline_code() {
        String first = api.get("/s/" + PROBE).body();
        assertThat(api.get("/s/another-token").body()).isEqualTo(first);
        assertThat(api.get("/portal/" + PROBE).body()).isEqualTo(api.get("/portal/acme").body());
        assertThat(api.get("/embed/d/" + PROBE).body()).isEqualTo(api.get("/embed/d/x.y.z").body());
        for (String path : List.of("/s/" + PROBE, "/portal/" + PROBE, "/embed/d/" + PROBE)) {
            String html = api.get(path).body();
            assertThat(html).as(path).doesNotContainIgnoringCase("REFLECT").doesNotContain("alert(")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style").doesNotContain(" style=")
                    .doesNotContainPattern("\\son[a-z]+=").contains("<html lang=\"en\"").contains("<main");
        }
    }

    @Test
    void every_script_and_style_a_page_loads_is_served_from_the_jar_with_its_type() {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String page : List.of("/s/x", "/portal/acme", "/embed/d/x")) {
            Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(api.get(page).body());
            while (m.find()) {
                queue.add(m.group(1));
            }
        }
        Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Reply asset = api.get(path);
            assertThat(asset.status()).as(path).isEqualTo(200);
            String type = asset.header("Content-Type").orElse("");
            if (path.endsWith(".js")) {
                assertThat(type).as(path).startsWith("application/javascript");
                Matcher m = imports.matcher(asset.body());
                while (m.find()) {
                    queue.add(path.substring(0, path.lastIndexOf('/') + 1) + m.group(1));
                }
            } else {
                assertThat(type).as(path).startsWith("text/css");
            }
        }
        assertThat(seen).contains("/assets/vendor/chart.js/chart.umd.js", "/assets/viewer/viewer.css",
                "/assets/viewer/js/public.js", "/assets/viewer/js/portal.js", "/assets/viewer/js/embed.js",
                "/assets/viewer/js/dashboard.js", "/assets/viewer/js/filters.js", "/assets/viewer/js/widgets.js",
                "/assets/viewer/js/session.js");
        assertThat(api.get("/assets/viewer/../pages/public.html").status()).isEqualTo(404);
    }
}
