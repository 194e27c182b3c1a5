package io.dashshare.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenPathsTest {

    @Test
    void token_segments_are_redacted_and_the_rest_of_the_path_stays() {
        assertThat(TokenPaths.redact("/api/v1/public/shares/abc123/filters/status/options"))
                .isEqualTo("/api/v1/public/shares/{token}/filters/status/options");
        assertThat(TokenPaths.redact("/api/embed/d/a.b.c/execute")).isEqualTo("/api/embed/d/{token}/execute");
        assertThat(TokenPaths.redact("/embed/d/a.b.c")).isEqualTo("/embed/d/{token}");
        assertThat(TokenPaths.redact("/s/xyz")).isEqualTo("/s/{token}");
        assertThat(TokenPaths.redact("/api/v1/dashboards/42")).isEqualTo("/api/v1/dashboards/42");
    }

    @Test
    void the_embed_token_is_read_from_both_the_page_and_the_api_path() {
        assertThat(TokenPaths.embedToken("/api/embed/d/a.b.c/info")).contains("a.b.c");
        assertThat(TokenPaths.embedToken("/embed/d/a.b.c")).contains("a.b.c");
        assertThat(TokenPaths.embedToken("/api/v1/embed/keys")).isEmpty();
    }
}
