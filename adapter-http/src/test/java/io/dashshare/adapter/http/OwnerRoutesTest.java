package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.argThat;
import io.dashshare.application.port.in.NewMember;
import java.time.Duration;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.share.ShareType;

import static io.dashshare.adapter.http.support.Fixtures.ACME;
import static io.dashshare.adapter.http.support.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.testing.ShareBuilder;
import io.dashshare.domain.testing.PolicyBuilder;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Every owner route's happy path, with the guide's and docs/api.md's own bodies. */
@MicronautTest
class OwnerRoutesTest extends HttpTest {

    /**
     * docs/api.md#dashboards's example, plus the {@code period_end} filter its widget SQL uses (the example
     * as printed names {@code :period_end} without declaring it, which the domain rightly refuses).
     */
    private static final String SALES_DOCUMENT = """
            {"slug": "sales-overview", "name": "Sales overview", "description": "...", "data_source": "demo",
             "filters": [
              {"slug": "period_start", "label": "From", "kind": "date", "required": false, "default": "2025-01-01"},
              {"slug": "period_end", "label": "To", "kind": "date"},
              {"slug": "status", "label": "Status", "kind": "multi_select",
               "options": {"source": "dynamic",
                           "sql": "select distinct status as value, status as label from demo.orders where (:search::text is null or status ilike '%' || :search || '%') order by 1"}},
              {"slug": "region", "label": "Region", "kind": "select",
               "options": {"source": "static", "values": [{"label": "North", "value": "north"}]}}],
             "widgets": [
              {"slug": "revenue", "title": "Revenue", "visualization": "number",
               "sql": "select sum(amount) as revenue from demo.orders where order_date between :period_start and :period_end and (:status::text[] is null or status = any(:status))"}]}
            """;

    private final Dashboard sales = Fixtures.salesDashboard();
    private final String dashboardPath = "/api/v1/dashboards/" + sales.id();

    @Test
    void login_answers_a_bearer_token_that_opens_the_owner_routes() {
        when(ownerLogin.login(argThat(attempt -> attempt.email().equals(new EmailAddress("admin@acme.test"))
                && attempt.password().equals("s3cret-passw0rd") && attempt.company().isEmpty()
                && attempt.clientAddress().equals("127.0.0.1") && "127.0.0.1".equals(attempt.client().ip())))).thenReturn(new SignedInOwner(OWNER, 0));
        Reply reply = api.post("/api/v1/auth/login", "{\"email\":\"admin@acme.test\",\"password\":\"s3cret-passw0rd\"}");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in");
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        assertThat(((BigDecimal) body.get("expires_in")).longValue()).isEqualTo(3600);

        when(dashboards.list(OWNER)).thenReturn(List.of());
        Reply list = api.get("/api/v1/dashboards", "Authorization", "Bearer " + body.get("access_token"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"dashboards\":[]}");
    }

    @Test
    void dashboards_list_summarises_each_dashboard() {
        when(dashboards.list(OWNER)).thenReturn(List.of(sales));
        Reply reply = api.get("/api/v1/dashboards", owner());
        assertThat(reply.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) reply.json().get("dashboards")).get(0);
        assertThat(first).containsOnlyKeys("id", "slug", "name", "description", "data_source", "version",
                "created_at", "updated_at");
        assertThat(first.get("id")).isEqualTo(sales.id().toString());
        assertThat(first.get("slug")).isEqualTo("sales-overview");
        assertThat(first.get("created_at")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void dashboard_create_reads_the_product_document_and_answers_201_with_it() {
        ArgumentCaptor<DashboardDefinition> definition = ArgumentCaptor.forClass(DashboardDefinition.class);
        when(dashboards.create(eq(OWNER), definition.capture())).thenAnswer(inv -> Dashboard.create(sales.id(),
                Fixtures.COMPANY_ID, inv.getArgument(1), Fixtures.T0));
        Reply reply = api.post("/api/v1/dashboards", SALES_DOCUMENT, owner());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(definition.getValue().filters()).hasSize(4);
        Map<String, Object> body = reply.json();
        assertThat(body).containsKeys("id", "slug", "name", "description", "data_source", "filters", "widgets",
                "version", "created_at", "updated_at", "embed_tokens_not_before");
        assertThat(body.get("embed_tokens_not_before")).isNull();
        assertThat(body.get("version")).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void dashboard_get_answers_a_document_that_put_accepts_back_as_it_is() {
        when(dashboards.get(OWNER, sales.id())).thenReturn(sales);
        Reply got = api.get(dashboardPath, owner());
        assertThat(got.status()).isEqualTo(200);
        when(dashboards.update(eq(OWNER), eq(sales.id()), any())).thenAnswer(inv ->
                sales.redefine(inv.getArgument(2), Fixtures.T0.plusSeconds(60)));
        Reply put = api.put(dashboardPath, got.body(), owner());
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("version")).isEqualTo(BigDecimal.valueOf(2));
        assertThat(put.json().get("filters")).isEqualTo(got.json().get("filters"));
    }

    @Test
    void dashboard_delete_answers_204() {
        Reply reply = api.delete(dashboardPath, owner());
        assertThat(reply.status()).isEqualTo(204);
        verify(dashboards).delete(OWNER, sales.id());
    }

    @Test
    void preview_execute_passes_parameters_as_raw_values_and_answers_the_execution_shape() {
        Map<String, RawValue> sent = Map.of("period_start", new RawValue.Str("2025-01-01"),
                "period_end", new RawValue.Str("2025-12-31"));
        when(preview.execute(OWNER, sales.id(), sent)).thenReturn(Fixtures.result(sales, sent));
        Reply reply = api.post(dashboardPath + "/execute",
                "{\"parameters\": {\"period_start\": \"2025-01-01\", \"period_end\": \"2025-12-31\"}}", owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsOnlyKeys("parameters", "widgets", "request_id");
        assertThat(reply.json().get("request_id")).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void preview_options_answer_the_guide_shape() {
        when(preview.options(OWNER, sales.id(), "status", "act")).thenReturn(new OptionsAnswer("status",
                List.of(new FilterOption("Active", "Active")), OptionsSource.DYNAMIC));
        Reply reply = api.get(dashboardPath + "/filters/status/options?search=act", owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(
                "{\"filter_slug\":\"status\",\"options\":[{\"label\":\"Active\",\"value\":\"Active\"}],\"source\":\"dynamic\"}");
    }

    @Test
    void share_create_with_the_guides_public_link_body_answers_201_with_token_and_url() {
        Share share = ShareBuilder.aShareOf(sales).named("Public link - sales").build();
        ArgumentCaptor<NewShare> request = ArgumentCaptor.forClass(NewShare.class);
        when(shares.create(eq(OWNER), eq(sales.id()), request.capture()))
                .thenReturn(new CreatedShare(share, "tok-123", "http://localhost:8080/s/tok-123"));
        Reply reply = api.post(dashboardPath + "/shares", """
                {
                "name": "Public link - sales",
                "share_type": "link"
                }""", owner());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(request.getValue().name()).isEqualTo("Public link - sales");
        assertThat(request.getValue().type()).isEqualTo(ShareType.LINK);
        assertThat(request.getValue().contextId()).isEmpty();
        assertThat(reply.json()).containsOnlyKeys("id", "dashboard_id", "name", "share_type", "share_context_id",
                "share_filter_policies", "downloads", "expires_at", "revoked_at", "status", "created_at", "updated_at",
                "token", "url");
        assertThat(request.getValue().downloads()).isFalse();
        assertThat(reply.json().get("downloads")).isEqualTo(false);
        assertThat(reply.json().get("token")).isEqualTo("tok-123");
        assertThat(reply.json().get("status")).isEqualTo("active");
    }

    @Test
    void share_create_with_the_guides_context_and_policy_body_passes_every_policy() {
        ShareContext context = Fixtures.context();
        var status = sales.definition().filter("status").orElseThrow();
        Share share = ShareBuilder.aShareOf(sales).named("Customer portal").boundTo(context.id())
                .withPolicy(PolicyBuilder.selectable(status, "Active", "Pending")).build();
        ArgumentCaptor<NewShare> request = ArgumentCaptor.forClass(NewShare.class);
        when(shares.create(eq(OWNER), eq(sales.id()), request.capture()))
                .thenReturn(new CreatedShare(share, "tok-456", "http://localhost:8080/s/tok-456"));
        Reply reply = api.post(dashboardPath + "/shares", """
                {
                "name": "Customer portal",
                "share_type": "link",
                "share_context_id": "CONTEXT_ID",
                "share_filter_policies": [
                {
                "filter_slug": "status",
                "filter_kind": "multi_select",
                "mode": "selectable",
                "allowed_values": ["Active", "Pending"]
                }
                ]
                }""".replace("CONTEXT_ID", context.id().toString()), owner());
        assertThat(reply.status()).isEqualTo(201);
        NewShare sent = request.getValue();
        assertThat(sent.contextId()).contains(context.id());
        assertThat(sent.policies()).hasSize(1);
        assertThat(sent.policies().get(0).filterSlug()).isEqualTo(new FilterSlug("status"));
        assertThat(sent.policies().get(0).mode()).isEqualTo(PolicyMode.SELECTABLE);
        assertThat(sent.policies().get(0).allowedValues())
                .containsExactly(new RawValue.Str("Active"), new RawValue.Str("Pending"));
        assertThat(reply.json().get("share_context_id")).isEqualTo(context.id().toString());
        assertThat(reply.json().get("share_filter_policies")).isEqualTo(List.of(Map.of("filter_slug", "status",
                "filter_kind", "multi_select", "mode", "selectable", "allowed_values", List.of("Active", "Pending"))));
    }

    @Test
    void share_list_and_get_never_show_the_token() {
        Share share = ShareBuilder.aShareOf(sales).build();
        when(shares.list(OWNER, sales.id())).thenReturn(List.of(share));
        when(shares.get(OWNER, share.id())).thenReturn(share);
        Reply list = api.get(dashboardPath + "/shares", owner());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).containsOnlyKeys("shares");
        assertThat(list.body()).doesNotContain("\"token\"").doesNotContain("\"url\"");
        Reply one = api.get("/api/v1/shares/" + share.id(), owner());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).doesNotContainKeys("token", "url");
    }

    @Test
    void share_patch_with_null_expiry_clears_it_and_absent_members_stay() {
        Share share = ShareBuilder.aShareOf(sales).build();
        ArgumentCaptor<ShareChanges> changes = ArgumentCaptor.forClass(ShareChanges.class);
        when(shares.update(eq(OWNER), eq(share.id()), changes.capture())).thenReturn(share);
        Reply reply = api.patch("/api/v1/shares/" + share.id(), "{\"name\": \"Renamed\", \"expires_at\": null}", owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(changes.getValue().name()).contains("Renamed");
        assertThat(changes.getValue().policies()).isEmpty();
        assertThat(changes.getValue().expiresAt()).contains(Optional.empty());

        api.patch("/api/v1/shares/" + share.id(), "{\"expires_at\": \"2030-01-01T00:00:00Z\"}", owner());
        assertThat(changes.getValue().expiresAt()).contains(Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(changes.getValue().name()).isEmpty();
        assertThat(changes.getValue().downloads()).isEmpty();
    }

    @Test
    void share_downloads_is_set_on_create_and_by_patch_and_must_be_a_boolean() {
        Share share = ShareBuilder.aShareOf(sales).withDownloads().build();
        ArgumentCaptor<NewShare> created = ArgumentCaptor.forClass(NewShare.class);
        when(shares.create(eq(OWNER), eq(sales.id()), created.capture()))
                .thenReturn(new CreatedShare(share, "tok-789", "http://localhost:8080/s/tok-789"));
        Reply reply = api.post(dashboardPath + "/shares", "{\"name\": \"With downloads\", \"downloads\": true}", owner());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(created.getValue().downloads()).isTrue();
        assertThat(reply.json().get("downloads")).isEqualTo(true);

        ArgumentCaptor<ShareChanges> changes = ArgumentCaptor.forClass(ShareChanges.class);
        when(shares.update(eq(OWNER), eq(share.id()), changes.capture())).thenReturn(share);
        assertThat(api.patch("/api/v1/shares/" + share.id(), "{\"downloads\": false}", owner()).status()).isEqualTo(200);
        assertThat(changes.getValue().downloads()).contains(false);

        for (String wrong : new String[] {"{\"downloads\": \"true\"}", "{\"downloads\": 1}", "{\"downloads\": null}"}) {
            Reply refused = api.patch("/api/v1/shares/" + share.id(), wrong, owner());
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.body()).as(wrong).contains("\"field\":\"downloads\"");
        }
    }

    @Test
    void share_delete_revokes_and_answers_200_with_the_revoked_share() {
        Share share = ShareBuilder.aShareOf(sales).build().revoke(Instant.now());
        when(shares.revoke(OWNER, share.id())).thenReturn(share);
        Reply reply = api.delete("/api/v1/shares/" + share.id(), owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status")).isEqualTo("revoked");
        assertThat(reply.json().get("revoked_at")).isNotNull();
    }

    @Test
    void rotate_token_answers_200_with_the_new_token_and_url() {
        Share share = ShareBuilder.aShareOf(sales).build();
        when(shares.rotateToken(OWNER, share.id())).thenReturn(new CreatedShare(share, "tok-new", "http://x/s/tok-new"));
        Reply reply = api.post("/api/v1/shares/" + share.id() + "/rotate-token", null, owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token")).isEqualTo("tok-new");
        assertThat(reply.json().get("url")).isEqualTo("http://x/s/tok-new");
    }

    @Test
    void share_context_create_with_the_guides_body_answers_201_with_its_id() {
        ShareContext context = Fixtures.context();
        when(contexts.create(OWNER, "External customers", Optional.of("External customer access"))).thenReturn(context);
        Reply reply = api.post("/api/v1/share-contexts", """
                {
                "name": "External customers",
                "description": "External customer access"
                }""", owner());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json()).containsOnlyKeys("id", "name", "description", "created_at");
        assertThat(reply.json().get("id")).isEqualTo(context.id().toString());
    }

    @Test
    void share_context_list_get_patch_and_delete() {
        ShareContext context = Fixtures.context();
        String path = "/api/v1/share-contexts/" + context.id();
        when(contexts.list(OWNER)).thenReturn(List.of(context));
        when(contexts.get(OWNER, context.id())).thenReturn(context);
        when(contexts.update(OWNER, context.id(), Optional.of("Customers"), Optional.empty()))
                .thenReturn(context.rename("Customers", context.description()));
        assertThat(api.get("/api/v1/share-contexts", owner()).json()).containsOnlyKeys("share_contexts");
        assertThat(api.get(path, owner()).json().get("name")).isEqualTo("External customers");
        assertThat(api.patch(path, "{\"name\": \"Customers\"}", owner()).json().get("name")).isEqualTo("Customers");
        assertThat(api.delete(path, owner()).status()).isEqualTo(204);
        verify(contexts).delete(OWNER, context.id());
    }

    @Test
    void member_add_with_the_guides_body_answers_201_and_members_list_and_remove() {
        ShareContext context = Fixtures.context();
        Member member = Fixtures.member(context);
        String path = "/api/v1/share-contexts/" + context.id() + "/members";
        when(contexts.addMember(OWNER, context.id(), new NewMember.ExternalEmail(new EmailAddress("customer@company.com"))))
                .thenReturn(member);
        when(contexts.members(OWNER, context.id())).thenReturn(List.of(member));
        Reply added = api.post(path, """
                {
                "member_type": "external_email",
                "email": "customer@company.com"
                }""", owner());
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json()).containsOnlyKeys("id", "context_id", "member_type", "email", "created_at",
                "expires_at", "last_sign_in_at");
        assertThat(added.json().get("expires_at")).isNull();
        assertThat(api.get(path, owner()).json()).containsOnlyKeys("members");
        assertThat(api.delete(path + "/" + member.id(), owner()).status()).isEqualTo(204);
        verify(contexts).removeMember(OWNER, context.id(), member.id());
    }

    @Test
    void a_domain_member_with_an_expiry_is_added_and_shows_its_domain_and_no_email() {
        ShareContext context = Fixtures.context();
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        Member member = new Member(new io.dashshare.domain.context.MemberId(java.util.UUID.randomUUID()), context.id(),
                new Member.Admits.Domain(new EmailDomain("xn--bcher-kva.de")), Fixtures.T0, Optional.of(until));
        when(contexts.addMember(OWNER, context.id(), new NewMember.EmailDomainMember(new EmailDomain("xn--bcher-kva.de"),
                Optional.of(until)))).thenReturn(member);

        Reply added = api.post("/api/v1/share-contexts/" + context.id() + "/members",
                "{\"member_type\": \"email_domain\", \"domain\": \"Bücher.DE\", \"expires_at\": \"2027-01-01T00:00:00Z\"}",
                owner());

        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.json()).containsOnlyKeys("id", "context_id", "member_type", "domain", "created_at", "expires_at",
                "last_sign_in_at");
        assertThat(added.json().get("domain")).isEqualTo("xn--bcher-kva.de");
        assertThat(added.json().get("expires_at")).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void a_member_body_must_match_its_member_type() {
        String path = "/api/v1/share-contexts/" + Fixtures.context().id() + "/members";
        assertInvalid(api.post(path, "{\"member_type\": \"email_domain\", \"email\": \"a@b.example\"}", owner()), "email");
        assertInvalid(api.post(path, "{\"member_type\": \"email_domain\"}", owner()), "domain");
        assertInvalid(api.post(path, "{\"member_type\": \"email_domain\", \"domain\": \"*.b.example\"}", owner()), "domain");
        assertInvalid(api.post(path, "{\"member_type\": \"external_email\", \"email\": \"a@b.example\", \"domain\": \"b.example\"}",
                owner()), "domain");
        assertInvalid(api.post(path, "{\"member_type\": \"group\", \"email\": \"a@b.example\"}", owner()), "member_type");
        assertInvalid(api.post(path, "{\"member_type\": \"external_email\", \"email\": \"a@b.example\", \"expires_at\": \"soon\"}",
                owner()), "expires_at");
    }

    @Test
    void patch_member_sets_or_clears_the_expiry_and_absent_keeps_it() {
        ShareContext context = Fixtures.context();
        Member member = Fixtures.member(context);
        String path = "/api/v1/share-contexts/" + context.id() + "/members/" + member.id();
        when(contexts.updateMember(eq(OWNER), eq(context.id()), eq(member.id()), any())).thenReturn(member);

        assertThat(api.patch(path, "{\"expires_at\": \"2027-01-01T00:00:00Z\"}", owner()).status()).isEqualTo(200);
        verify(contexts).updateMember(OWNER, context.id(), member.id(),
                Optional.of(Optional.of(Instant.parse("2027-01-01T00:00:00Z"))));
        assertThat(api.patch(path, "{\"expires_at\": null}", owner()).status()).isEqualTo(200);
        verify(contexts).updateMember(OWNER, context.id(), member.id(), Optional.of(Optional.empty()));
        assertThat(api.patch(path, "{}", owner()).json().get("email")).isEqualTo("customer@company.com");
        verify(contexts).updateMember(OWNER, context.id(), member.id(), Optional.empty());
        assertInvalid(api.patch(path, "{\"email\": \"other@company.com\"}", owner()), "email");
    }

    @Test
    void a_contexts_sessions_are_listed_and_one_is_revoked_with_204() {
        ShareContext context = Fixtures.context();
        ShareSession session = new ShareSession(new SessionId(java.util.UUID.randomUUID()), Fixtures.COMPANY_ID,
                new EmailAddress("jane@customer.com"), Fixtures.T0, Fixtures.T0.plusSeconds(120),
                Fixtures.T0.plusSeconds(3600), Optional.empty());
        String path = "/api/v1/share-contexts/" + context.id() + "/sessions";
        when(portalSessions.list(OWNER, context.id())).thenReturn(List.of(session));

        Reply listed = api.get(path, owner());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).containsOnlyKeys("sessions");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) listed.json().get("sessions")).get(0);
        assertThat(first).containsOnlyKeys("id", "email", "created_at", "last_seen_at", "expires_at");
        assertThat(first.get("last_seen_at")).isEqualTo("2026-01-01T00:02:00Z");
        assertThat(api.delete(path + "/" + session.id(), owner()).status()).isEqualTo(204);
        verify(portalSessions).revoke(OWNER, context.id(), session.id());
        assertThat(api.delete(path + "/not-a-uuid", owner()).status()).isEqualTo(404);
    }

    private static void assertInvalid(Reply reply, String field) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) reply.json().get("details");
        assertThat(details).containsEntry("field", field);
    }

    @Test
    void embed_token_with_the_guides_body_answers_201_with_token_url_and_expiry() {
        ArgumentCaptor<EmbedRequest> request = ArgumentCaptor.forClass(EmbedRequest.class);
        when(embedIssuer.issue(eq(OWNER), eq(sales.id()), request.capture())).thenReturn(new IssuedEmbedToken(
                "e.y.j", "http://localhost:8080/embed/d/e.y.j", Instant.parse("2026-01-01T01:00:00Z")));
        Reply reply = api.post("/api/v1/embed/dashboards/" + sales.id(), """
                {
                "allowed_params": ["period_start", "period_end"],
                "required_params": ["period_start", "period_end"],
                "expires_in": 3600
                }""", owner());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("{\"token\":\"e.y.j\",\"embed_url\":\"http://localhost:8080/embed/d/e.y.j\","
                + "\"expires_at\":\"2026-01-01T01:00:00Z\"}");
        assertThat(request.getValue().allowedParams()).containsExactly(new FilterSlug("period_start"), new FilterSlug("period_end"));
        assertThat(request.getValue().expiresIn()).contains(Duration.ofSeconds(3600));
        assertThat(request.getValue().downloads()).isFalse();

        api.post("/api/v1/embed/dashboards/" + sales.id(), "{\"downloads\": true}", owner());
        assertThat(request.getValue().downloads()).isTrue();
        assertThat(api.post("/api/v1/embed/dashboards/" + sales.id(), "{\"downloads\": \"yes\"}", owner()).status())
                .isEqualTo(400);
    }

    @Test
    void embed_keys_list_never_shows_a_secret_and_create_shows_it_once() {
        var key = Fixtures.embedKey();
        when(embedKeys.list(OWNER)).thenReturn(List.of(key));
        when(embedKeys.create(OWNER)).thenReturn(new CreatedEmbedKey(key, "c2VjcmV0"));
        when(embedKeys.retire(OWNER, new EmbedKeyId("key-2026-01"))).thenReturn(key.retire(Fixtures.T0.plusSeconds(5)));
        Reply list = api.get("/api/v1/embed/keys", owner());
        assertThat(list.body()).isEqualTo("{\"keys\":[{\"kid\":\"key-2026-01\",\"algorithm\":\"HS256\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"retired_at\":null,\"active\":true}]}");
        Reply created = api.post("/api/v1/embed/keys", null, owner());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsOnlyKeys("kid", "secret", "algorithm", "created_at");
        Reply retired = api.post("/api/v1/embed/keys/key-2026-01/retire", null, owner());
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("active")).isEqualTo(false);
    }

    @Test
    void revoke_embed_tokens_answers_the_new_cutoff() {
        Instant cutoff = Instant.parse("2026-02-01T00:00:00Z");
        when(embedKeys.refuseTokensIssuedBefore(OWNER, sales.id(), Optional.of(cutoff)))
                .thenReturn(sales.refuseEmbedTokensIssuedBefore(cutoff, cutoff));
        when(embedKeys.refuseTokensIssuedBefore(OWNER, sales.id(), Optional.empty()))
                .thenReturn(sales.refuseEmbedTokensIssuedBefore(cutoff, cutoff));
        Reply reply = api.post("/api/v1/embed/dashboards/" + sales.id() + "/revoke-tokens",
                "{\"issued_before\": \"2026-02-01T00:00:00Z\"}", owner());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"dashboard_id\":\"" + sales.id()
                + "\",\"embed_tokens_not_before\":\"2026-02-01T00:00:00Z\"}");
        assertThat(api.post("/api/v1/embed/dashboards/" + sales.id() + "/revoke-tokens", null, owner()).status())
                .isEqualTo(200);
    }

    @Test
    void company_get_and_set_embed_origins() {
        when(company.get(OWNER)).thenReturn(ACME);
        when(company.setEmbedOrigins(OWNER, List.of(new EmbedOrigin("https://app.example.com"))))
                .thenReturn(ACME.withEmbedOrigins(List.of(new EmbedOrigin("https://app.example.com"))));
        Reply got = api.get("/api/v1/company", owner());
        assertThat(got.body()).isEqualTo("{\"id\":\"" + Fixtures.COMPANY_ID + "\",\"slug\":\"acme\",\"name\":\"Acme\","
                + "\"embed_origins\":[\"https://allowed.example\"]}");
        Reply put = api.put("/api/v1/company/embed-origins", "{\"embed_origins\": [\"https://app.example.com\"]}", owner());
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("embed_origins")).isEqualTo(List.of("https://app.example.com"));
    }
}
