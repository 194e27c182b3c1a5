package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static io.dashshare.adapter.http.support.Fixtures.ALLOWED_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.adapter.http.edge.EdgeFilter;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.stream.Collectors;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.domain.tenant.Company;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Request ids, security headers, frame-ancestors, CORS on the embed API only, and a token-free access log. */
@MicronautTest
class SecurityHeadersTest extends HttpTest {

    private static final String EMBED_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    private void embedOriginsAre(String... origins) {
        // One verification per request (open), whose company carries the origins.
        SharedDashboard shared = Fixtures.shared(Fixtures.salesDashboard());
        Company company = shared.company().withEmbedOrigins(
                java.util.Arrays.stream(origins).map(EmbedOrigin::new).toList());
        SharedDashboard ofCompany = new SharedDashboard(company, shared.dashboard(), shared.filters());
        EmbedAccess access = Fixtures.embedAccess(ofCompany);
        when(embeds.open(EMBED_TOKEN)).thenReturn(access);
        when(embeds.info(eq(access), any())).thenReturn(ofCompany);
    }

    @Test
    void every_response_carries_a_fresh_request_id_and_the_baseline_headers() {
        Reply first = api.get("/api/v1/nothing");
        Reply second = api.get("/api/v1/nothing");
        assertThat(first.header("X-Request-Id")).matches("[0-9a-f]{24}").isNotEqualTo(second.header("X-Request-Id"));
        assertThat(first.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        assertThat(first.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void non_embed_routes_may_never_be_framed_and_never_get_cors() {
        when(publicShares.resolve(anyString(), any())).thenThrow(SharingException.tokenInvalid());
        Reply reply = api.get("/api/v1/public/shares/t/resolve", "Origin", ALLOWED_ORIGIN);
        assertThat(reply.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        Reply preflight = api.send("OPTIONS", "/api/v1/dashboards", null, "Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void embed_routes_may_be_framed_by_exactly_the_companys_origins() {
        embedOriginsAre(ALLOWED_ORIGIN, "https://second.example:8443");
        Reply reply = api.get("/api/embed/d/" + EMBED_TOKEN + "/info");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Security-Policy"))
                .isEqualTo("frame-ancestors https://allowed.example https://second.example:8443");
        assertThat(reply.header("X-Frame-Options")).isNull();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void embed_routes_verify_their_token_once_per_request() {
        embedOriginsAre(ALLOWED_ORIGIN);
        org.mockito.Mockito.clearInvocations(embeds);
        assertThat(api.get("/api/embed/d/" + EMBED_TOKEN + "/info").status()).isEqualTo(200);
        org.mockito.Mockito.verify(embeds, org.mockito.Mockito.times(1)).open(EMBED_TOKEN);

        EmbedAccess access = embeds.open(EMBED_TOKEN);
        when(embeds.execute(org.mockito.ArgumentMatchers.eq(access), org.mockito.ArgumentMatchers.anyMap(), any()))
                .thenReturn(Fixtures.result(access.dashboard(), java.util.Map.of()));
        org.mockito.Mockito.clearInvocations(embeds);
        Reply executed = api.post("/api/embed/d/" + EMBED_TOKEN + "/execute", "{}", "Origin", ALLOWED_ORIGIN);
        assertThat(executed.status()).as(executed.body()).isEqualTo(200);
        assertThat(executed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(executed.header("Content-Security-Policy")).isEqualTo("frame-ancestors " + ALLOWED_ORIGIN);
        org.mockito.Mockito.verify(embeds, org.mockito.Mockito.times(1)).open(EMBED_TOKEN);
    }

    @Test
    void embed_routes_of_an_invalid_token_may_be_framed_by_nobody() {
        when(embeds.open(anyString())).thenThrow(SharingException.tokenInvalid());
        when(embeds.open(anyString(), any(), any())).thenThrow(SharingException.tokenInvalid());
        Reply reply = api.get("/api/embed/d/not-a-token/info", "Origin", ALLOWED_ORIGIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void cors_echoes_an_origin_only_when_it_is_exactly_a_configured_one() {
        embedOriginsAre(ALLOWED_ORIGIN);
        Reply allowed = api.get("/api/embed/d/" + EMBED_TOKEN + "/info", "Origin", ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Vary")).contains("Origin");
        for (String origin : List.of("null", "https://allowed.example.evil.example", "https://evil.example",
                "http://allowed.example", "https://allowed.example:444", "https://xallowed.example", "*",
                "https://ALLOWED.example")) {
            Reply refused = api.get("/api/embed/d/" + EMBED_TOKEN + "/info", "Origin", origin);
            assertThat(refused.header("Access-Control-Allow-Origin")).as(origin).isNull();
        }
    }

    @Test
    void cors_preflight_on_the_embed_api_answers_for_an_allowed_origin_only() {
        embedOriginsAre(ALLOWED_ORIGIN);
        Reply allowed = api.send("OPTIONS", "/api/embed/d/" + EMBED_TOKEN + "/execute", null, "Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
        assertThat(allowed.header("X-Request-Id")).isNotNull();
        Reply refused = api.send("OPTIONS", "/api/embed/d/" + EMBED_TOKEN + "/execute", null, "Origin", "null",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void the_access_log_has_one_line_per_request_and_never_a_token_code_or_password() {
        Logger access = (Logger) LoggerFactory.getLogger(EdgeFilter.ACCESS_LOGGER);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        try {
            embedOriginsAre(ALLOWED_ORIGIN);
            when(publicShares.resolve(anyString(), any())).thenThrow(SharingException.tokenInvalid());
            String ownerToken = ownerTokens.issue(new SignedInOwner(Fixtures.OWNER, 0)).token();
            api.get("/api/v1/public/shares/SECRETSHARETOKEN123/resolve?search=x");
            api.get("/api/embed/d/" + EMBED_TOKEN + "/info");
            api.get("/embed/d/" + EMBED_TOKEN);
            api.get("/s/SECRETPAGETOKEN456");
            api.get("/api/v1/dashboards?access_token=" + ownerToken, "Authorization", "Bearer " + ownerToken);
            api.post("/api/v1/share-auth/verify", "{\"company_slug\":\"acme\",\"email\":\"a@b.example\","
                    + "\"code\":\"1234-5678\"}");
            api.post("/api/v1/auth/login", "{\"email\":\"admin@acme.test\",\"password\":\"hunter2-password\"}");
            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .collect(Collectors.toList());
            assertThat(lines).hasSize(7);
            String all = String.join("\n", lines);
            assertThat(all).doesNotContain("SECRETSHARETOKEN123").doesNotContain(EMBED_TOKEN)
                    .doesNotContain("SECRETPAGETOKEN456").doesNotContain(ownerToken).doesNotContain("1234-5678")
                    .doesNotContain("hunter2").doesNotContain("Bearer").doesNotContain("access_token");
            assertThat(lines.get(0)).startsWith("method=GET path=/api/v1/public/shares/{token}/resolve status=401 ")
                    .contains("duration_ms=").contains("request_id=");
            assertThat(lines.get(1)).contains("path=/api/embed/d/{token}/info status=200");
            assertThat(lines.get(2)).contains("path=/embed/d/{token} ");
            assertThat(lines.get(3)).contains("path=/s/{token} ");
            assertThat(captured.list.get(0).getMDCPropertyMap()).containsKey("request_id");
        } finally {
            access.detachAppender(captured);
        }
    }
}
