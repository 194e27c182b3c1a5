package io.dashshare.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.bootstrap.testing.ApiClient;
import io.dashshare.bootstrap.testing.ApiClient.Reply;
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

/** The console's shell over plain HTTP (no browser): one fixed page on every console path, its headers and assets. */
class ConsolePagesTest {

    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";
    private static final List<String> PATHS = List.of("/console", "/console/sign-in", "/console/account",
            "/console/dashboards", "/console/dashboards/new", "/console/dashboards/1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e",
            "/console/dashboards/1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e/edit", "/console/contexts",
            "/console/contexts/1ff16ef1-d2e8-4c8f-9e8b-59730744ff9e", "/console/embed", "/console/admin/owners",
            "/console/admin/api-keys", "/console/admin/audit");

    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = TestService.shared().api();
    }

    @Test
    void every_console_path_is_the_same_strict_shell_that_no_site_may_frame() {
        String shell = api.get("/console").body();
        for (String path : PATHS) {
            Reply page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).isEqualTo(shell);
            assertThat(page.header("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.header("Content-Security-Policy")).as(path).contains(PAGE_POLICY + "; frame-ancestors 'none'");
            assertThat(page.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(page.header("Referrer-Policy")).as(path).contains("no-referrer");
        }
        assertThat(api.get("/console/dashboards").header("Cache-Control")).contains("no-store");
        assertThat(shell).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style").doesNotContain(" style=")
                .doesNotContainPattern("\\son[a-z]+=").contains("<html lang=\"en\"").contains("<main");
        assertThat(api.get("/console/invite").body()).contains("invite.js").doesNotContain("console.js");
        assertThat(api.get("/console/nope").status()).isEqualTo(404);
        assertThat(api.get("/console/dashboards/not-an-id/edit/more").status()).isEqualTo(404);
    }

    @Test
    void every_module_the_console_imports_is_served_from_the_jar_and_none_comes_from_elsewhere() {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        Matcher page = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(api.get("/console").body());
        while (page.find()) {
            queue.add(page.group(1));
        }
        Pattern imports = Pattern.compile("^import [^;]*?'([^']+\\.js)';", Pattern.MULTILINE);
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Reply asset = api.get(path);
            assertThat(asset.status()).as(path).isEqualTo(200);
            if (path.endsWith(".js")) {
                assertThat(asset.header("Content-Type").orElse("")).as(path).startsWith("application/javascript");
                Matcher m = imports.matcher(asset.body());
                while (m.find()) {
                    String target = m.group(1);
                    assertThat(target).as("import in " + path).matches("\\.\\.?/[a-z/-]+\\.js");
                    queue.add(java.net.URI.create(path).resolve(target).getPath());
                }
            }
        }
        assertThat(seen).contains("/assets/viewer/console.css", "/assets/viewer/js/console/console.js",
                "/assets/viewer/js/dashboard.js", "/assets/viewer/js/widgets.js", "/assets/viewer/js/filters.js",
                "/assets/viewer/js/picker.js", "/assets/viewer/js/console/shares.js", "/assets/viewer/js/console/audit.js");
    }
}
