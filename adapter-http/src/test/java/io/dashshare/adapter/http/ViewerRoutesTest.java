package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.isNull;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.application.port.in.PortalDashboardView;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.tenant.CompanySlug;

import static io.dashshare.adapter.http.support.Fixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.PortalDashboard;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Public link, share-auth, portal and embed routes, with the guide's own requests. */
@MicronautTest
class ViewerRoutesTest extends HttpTest {

    private static final String SHARE_TOKEN = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private final Dashboard sales = Fixtures.salesDashboard();

    @Test
    void public_resolve_answers_company_dashboard_and_filters_without_sql() {
        when(publicShares.resolve(eq(SHARE_TOKEN), any())).thenReturn(Fixtures.shared(sales));
        Reply reply = api.get("/api/v1/public/shares/" + SHARE_TOKEN + "/resolve");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(body).containsOnlyKeys("company", "dashboard", "filters", "downloads");
        assertThat(body.get("downloads")).isEqualTo(false);
        assertThat(body.get("company")).isEqualTo(Map.of("slug", "acme", "name", "Acme"));
        assertThat(reply.body()).doesNotContain("select ").doesNotContain("demo.orders").doesNotContain("\"sql\"");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> filters = (List<Map<String, Object>>) body.get("filters");
        Map<String, Object> periodStart = filters.get(0);
        assertThat(periodStart).containsOnlyKeys("slug", "label", "kind", "required", "mode", "default",
                "allowed_values", "options_source", "options");
        assertThat(periodStart.get("mode")).isEqualTo("free");
        assertThat(periodStart.get("default")).isEqualTo("2025-01-01");
        Map<String, Object> region = filters.get(3);
        assertThat(region.get("options_source")).isEqualTo("static");
        assertThat((List<?>) region.get("options")).hasSize(4);
    }

    @Test
    void public_execute_with_the_guides_body_answers_parameters_widgets_and_request_id() {
        Map<String, RawValue> sent = Map.of("period_start", new RawValue.Str("2025-01-01"),
                "period_end", new RawValue.Str("2025-12-31"));
        when(publicShares.execute(eq(SHARE_TOKEN), eq(sent), any())).thenReturn(Fixtures.result(sales, sent));
        Reply reply = api.post("/api/v1/public/shares/" + SHARE_TOKEN + "/execute", """
                {
                "parameters": {
                "period_start": "2025-01-01",
                "period_end": "2025-12-31"
                }
                }""");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(reply.body()).contains("\"parameters\":{\"period_start\":\"2025-01-01\","
                + "\"period_end\":\"2025-12-31\",\"status\":null,\"region\":null}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> widgets = (List<Map<String, Object>>) body.get("widgets");
        assertThat(widgets.get(0)).containsOnlyKeys("slug", "title", "visualization", "columns", "rows", "row_count",
                "truncated", "duration_ms");
        assertThat(widgets.get(0).get("rows")).isEqualTo(List.of(List.of(new java.math.BigDecimal("12345.67"))));
        assertThat(widgets.get(1)).containsOnlyKeys("slug", "title", "visualization", "error");
        assertThat(widgets.get(1).get("error")).isEqualTo(Map.of("error_code", "DB_QUERY_ERROR",
                "message", "This widget's query failed."));
        assertThat(body.get("request_id")).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void public_options_answer_exactly_the_guides_standard_response() {
        when(publicShares.options(eq(SHARE_TOKEN), eq("status"), isNull(), any())).thenReturn(new OptionsAnswer("status",
                List.of(new FilterOption("Active", "Active"), new FilterOption("Pending", "Pending")),
                OptionsSource.DYNAMIC));
        Reply reply = api.get("/api/v1/public/shares/" + SHARE_TOKEN + "/filters/status/options");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("filter_slug", "status", "options", List.of(
                Map.of("label", "Active", "value", "Active"), Map.of("label", "Pending", "value", "Pending")),
                "source", "dynamic"));
    }

    @Test
    void a_share_bound_to_a_context_answers_AUTH_REQUIRED_with_the_company_slug_at_top_level() {
        when(publicShares.resolve(eq(SHARE_TOKEN), any())).thenThrow(new SharingException(ErrorCode.AUTH_REQUIRED,
                "Log in to the share portal.", Map.of("company_slug", "acme")));
        Reply reply = api.get("/api/v1/public/shares/" + SHARE_TOKEN + "/resolve");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("AUTH_REQUIRED");
        assertThat(reply.json().get("company_slug")).isEqualTo("acme");
    }

    @Test
    void request_code_with_the_guides_body_answers_202_with_one_fixed_body_and_the_socket_peer_address() {
        Reply reply = api.post("/api/v1/share-auth/request", """
                {
                "company_slug": "acme",
                "email": "customer@company.com"
                }""", "X-Forwarded-For", "203.0.113.9");
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("{\"status\":\"accepted\",\"message\":\"If this email may see dashboards "
                + "of this company, a code is on its way.\"}");
        verify(requestCodes).requestCode(eq(new CompanySlug("acme")), eq(new EmailAddress("customer@company.com")),
                argThat((AuditClient client) -> "127.0.0.1".equals(client.ip()) && client.requestId() != null));
    }

    @Test
    void request_code_answers_503_when_the_mail_could_not_be_sent() {
        doThrow(new SharingException(ErrorCode.SERVICE_UNAVAILABLE, "The code could not be sent right now."))
                .when(requestCodes).requestCode(any(), any(), any(AuditClient.class));
        Reply failed = api.post("/api/v1/share-auth/request", "{\"company_slug\":\"acme\",\"email\":\"a@b.example\"}");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).contains("\"error_code\":\"SERVICE_UNAVAILABLE\"");
    }

    @Test
    void verify_with_the_guides_body_answers_both_tokens_and_the_contexts() {
        when(verifyCodes.verify(eq(new CompanySlug("acme")), eq(new EmailAddress("customer@company.com")),
                eq(OneTimeCode.parse("1234-5678").orElseThrow()), any())).thenReturn(new PortalTokens(
                "access.jwt.token", "refresh-token", 900, List.of(Fixtures.context())));
        Reply reply = api.post("/api/v1/share-auth/verify", """
                {
                "company_slug": "acme",
                "email": "customer@company.com",
                "code": "1234-5678"
                }""");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsOnlyKeys("access_token", "refresh_token", "token_type", "expires_in", "contexts");
        assertThat(reply.json().get("token_type")).isEqualTo("Bearer");
        assertThat(reply.json().get("contexts")).isEqualTo(List.of(Map.of("id", Fixtures.context().id().toString(),
                "name", "External customers", "description", "External customer access")));
    }

    @Test
    void a_code_sent_as_a_number_is_refused_before_the_use_case() {
        Reply reply = api.post("/api/v1/share-auth/verify",
                "{\"company_slug\":\"acme\",\"email\":\"customer@company.com\",\"code\":12345678}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(reply.json().get("details")).isEqualTo(Map.of("field", "code"));
    }

    @Test
    void refresh_rotates_and_logout_revokes_with_bearer_and_refresh_token() {
        when(refreshes.refresh("refresh-1")).thenReturn(new PortalTokens("a2", "refresh-2", 900, List.of()));
        Reply refreshed = api.post("/api/v1/share-auth/refresh", "{\"refresh_token\": \"refresh-1\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refresh_token")).isEqualTo("refresh-2");
        Reply out = api.post("/api/v1/share-auth/logout", "{\"refresh_token\": \"refresh-2\"}",
                "Authorization", "Bearer a2");
        assertThat(out.status()).isEqualTo(204);
        verify(logouts).logout(eq(Optional.of("a2")), eq(Optional.of("refresh-2")), eq(false), any());
        assertThat(api.post("/api/v1/share-auth/logout", null, "Authorization", "Bearer a2").status()).isEqualTo(204);
    }

    @Test
    void logout_with_everywhere_true_signs_that_person_out_everywhere() {
        Reply out = api.post("/api/v1/share-auth/logout", "{\"everywhere\": true}", "Authorization", "Bearer a3");

        assertThat(out.status()).isEqualTo(204);
        verify(logouts).logout(eq(Optional.of("a3")), eq(Optional.empty()), eq(true), any());
        Reply wrongType = api.post("/api/v1/share-auth/logout", "{\"everywhere\": \"yes\"}", "Authorization", "Bearer a3");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("details")).isEqualTo(Map.of("field", "everywhere"));
    }

    @Test
    void portal_lists_resolves_executes_and_lists_options_with_the_share_access_token() {
        PortalViewer viewer = new PortalViewer(ACME, new EmailAddress("customer@company.com"), List.of(Fixtures.context()));
        when(portal.authenticate(eq("acme"), eq("SHARE_ACCESS_TOKEN"), any())).thenReturn(viewer);
        when(portal.dashboards(viewer)).thenReturn(List.of(new PortalDashboard(sales, List.of(Fixtures.context()))));
        String contextId = Fixtures.context().id().toString();
        ShareContextId context = Fixtures.context().id();
        DashboardSlug slug = new DashboardSlug("sales-overview");
        when(portal.resolve(viewer, slug, context)).thenReturn(new PortalDashboardView(Fixtures.shared(sales),
                Fixtures.context()));
        Map<String, RawValue> sent = Map.of("status", new RawValue.Arr(List.of(new RawValue.Str("Active"))));
        when(portal.execute(viewer, slug, context, sent)).thenReturn(Fixtures.result(sales, sent));
        when(portal.options(viewer, slug, context, "status", "Act")).thenReturn(new OptionsAnswer(
                "status", List.of(new FilterOption("Active", "Active")), OptionsSource.POLICY));
        String[] auth = {"Authorization", "Bearer SHARE_ACCESS_TOKEN"};

        Reply list = api.get("/api/v1/share-portal/acme/dashboards", auth);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"company\":{\"slug\":\"acme\",\"name\":\"Acme\"},\"dashboards\":[{\"slug\":"
                + "\"sales-overview\",\"name\":\"Sales overview\",\"description\":\"Orders and revenue\",\"contexts\":"
                + "[{\"id\":\"" + contextId + "\",\"name\":\"External customers\"}]}]}");
        Reply resolved = api.get("/api/v1/share-portal/acme/dashboards/sales-overview?context_id=" + contextId, auth);
        assertThat(resolved.json()).containsOnlyKeys("company", "dashboard", "filters", "downloads", "context");
        assertThat(resolved.json().get("context")).isEqualTo(Map.of("id", contextId, "name", "External customers"));
        Reply executed = api.post("/api/v1/share-portal/acme/dashboards/DASHBOARD_SLUG/execute".replace(
                "DASHBOARD_SLUG", "sales-overview"), """
                {
                "context_id": "CONTEXT_ID",
                "parameters": {
                "status": ["Active"]
                }
                }""".replace("CONTEXT_ID", contextId), auth);
        assertThat(executed.status()).isEqualTo(200);
        assertThat(executed.json().get("parameters")).isInstanceOf(Map.class);
        Reply options = api.get("/api/v1/share-portal/acme/dashboards/sales-overview/filters/status/options?context_id="
                + contextId + "&search=Act", auth);
        assertThat(options.json().get("source")).isEqualTo("policy");
    }

    @Test
    void portal_without_a_token_is_refused_by_the_use_case_as_TOKEN_INVALID() {
        when(portal.authenticate(eq("acme"), isNull(), any())).thenThrow(SharingException.tokenInvalid());
        Reply reply = api.get("/api/v1/share-portal/acme/dashboards");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void embed_info_execute_and_options() {
        String token = "header.payload.signature";
        EmbedAccess access = Fixtures.embedAccess(Fixtures.shared(sales));
        when(embeds.open(token)).thenReturn(access);
        when(embeds.info(eq(access), any())).thenReturn(Fixtures.shared(sales));
        Map<String, RawValue> sent = Map.of("period_start", new RawValue.Str("2025-01-01"));
        when(embeds.execute(eq(access), eq(sent), any())).thenReturn(Fixtures.result(sales, sent));
        when(embeds.options(eq(access), eq("region"), eq("no"), any())).thenReturn(new OptionsAnswer("region",
                List.of(new FilterOption("north", "north")), OptionsSource.STATIC));
        assertThat(api.get("/api/embed/d/" + token + "/info").json()).containsOnlyKeys("company", "dashboard", "filters",
                "downloads");
        Reply executed = api.post("/api/embed/d/" + token + "/execute", "{\"parameters\":{\"period_start\":\"2025-01-01\"}}");
        assertThat(executed.status()).isEqualTo(200);
        assertThat(api.get("/api/embed/d/" + token + "/filters/region/options?search=no").json().get("source"))
                .isEqualTo("static");
    }
}
