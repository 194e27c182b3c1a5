package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.params;
import static io.dashshare.application.testing.Values.selectable;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.EmbedAccess;
import io.dashshare.application.port.in.ManageApiKeysUseCase.CreatedApiKey;
import io.dashshare.application.port.in.ManageOwnersUseCase.InvitedOwner;
import io.dashshare.application.port.in.OwnerLoginUseCase.LoginAttempt;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.application.testing.RecordingAuditLog;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.application.testing.Values;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.portal.OneTimeCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.testing.DashboardBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each flow writes to the audit log (docs/api.md, audit event catalogue), on the harness's recording sink. */
class AuditEventMappingTest {

    private static final AuditClient CLIENT = new AuditClient("203.0.113.7", "Mozilla/5.0 (test)",
            "0123456789abcdef01234567");

    private SharingHarness h;
    private RecordingAuditLog log;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        log = h.auditLog();
        acme = h.company("acme");
        owner = h.ownerOf(acme).from(CLIENT);
        sales = h.salesDashboard(acme);
    }

    private static void assertClient(AuditEvent event) {
        assertThat(event.client().ip()).as("truncated to its /24").isEqualTo("203.0.113.0");
        assertThat(event.client().userAgent()).isEqualTo("Mozilla/5.0 (test)");
        assertThat(event.client().requestId()).isEqualTo("0123456789abcdef01234567");
    }

    /** No event may carry a secret: not in any member, not in details or parameters. */
    private void assertNoEventContains(String... secrets) {
        for (AuditEvent event : log.events()) {
            for (String secret : secrets) {
                assertThat(event.toString()).as(event.type().wire()).doesNotContain(secret);
            }
        }
    }

    @Nested
    class PublicLinks {

        @Test
        void an_execution_records_the_effective_parameters_the_rows_and_the_client() {
            CreatedShare link = h.publicShare(owner, sales);
            log.clear();

            h.publicShares().execute(link.token(), params("status", arr("Active")), CLIENT);

            AuditEvent event = log.only(AuditType.DASHBOARD_EXECUTED);
            assertThat(event.flow()).isEqualTo(AuditFlow.PUBLIC);
            assertThat(event.actor()).isEqualTo(AuditActor.ANONYMOUS);
            assertThat(event.companyId()).isEqualTo(acme.id());
            assertThat(event.dashboardId()).isEqualTo(sales.id());
            assertThat(event.shareId()).isEqualTo(link.share().id());
            assertThat(event.contextId()).isNull();
            assertThat(event.parameters()).as("defaults and the viewer's values, unset filters left out")
                    .isEqualTo(Map.of("period_start", "2025-01-01", "period_end", "2025-12-31",
                            "status", List.of("Active")));
            assertThat(event.outcome()).isEqualTo("ok");
            assertThat(event.rowCount()).as("the echo executor answers one row per widget").isEqualTo(1);
            assertClient(event);
            assertNoEventContains(link.token());
        }

        @Test
        void resolve_options_and_export_are_events_of_their_own_types() {
            CreatedShare link = h.shares().create(owner, sales.id(), new io.dashshare.application.port.in.NewShare(
                    "Downloads", io.dashshare.domain.share.ShareType.LINK, Optional.empty(), List.of(),
                    Optional.empty(), true));
            log.clear();

            h.publicShares().resolve(link.token(), CLIENT);
            h.publicShares().options(link.token(), "region", null, CLIENT);
            try (WidgetExport export = h.publicShares().export(link.token(), new WidgetSlug("revenue"),
                    params("region", str("north")), CLIENT)) {
                assertThat(log.ofType(AuditType.WIDGET_EXPORTED)).as("recorded when the rows are taken").isEmpty();
                while (export.rows().next().isPresent()) {
                    // the client reads every row
                }
            }

            assertThat(log.only(AuditType.SHARE_RESOLVED).shareId()).isEqualTo(link.share().id());
            assertThat(log.only(AuditType.FILTER_OPTIONS).details()).containsEntry("filter_slug", "region");
            AuditEvent exported = log.only(AuditType.WIDGET_EXPORTED);
            assertThat(exported.rowCount()).isEqualTo(1);
            assertThat(exported.details()).containsEntry("widget_slug", "revenue");
            assertThat(exported.parameters()).containsEntry("region", "north");
            assertThat(log.events()).allSatisfy(AuditEventMappingTest::assertClient);
        }

        @Test
        void a_policy_violation_on_a_valid_share_is_an_event_with_its_error_code() {
            CreatedShare link = h.publicShare(owner, sales, selectable("region", "select", "north"));
            log.clear();

            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.publicShares().execute(link.token(), params("region", str("south")), CLIENT));

            AuditEvent event = log.only(AuditType.DASHBOARD_EXECUTED);
            assertThat(event.outcome()).isEqualTo("SHARE_FILTER_POLICY_VIOLATION");
            assertThat(event.shareId()).isEqualTo(link.share().id());
            assertThat(event.details()).containsEntry("filter_slug", "region");
            assertThat(event.rowCount()).isNull();
        }

        @Test
        void a_revoked_share_is_refused_with_an_event_and_an_unknown_token_with_none() {
            CreatedShare link = h.publicShare(owner, sales);
            h.shares().revoke(owner, link.share().id());
            log.clear();

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(link.token(), CLIENT));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve("A".repeat(43), CLIENT));

            AuditEvent event = log.only(AuditType.SHARE_RESOLVED);
            assertThat(event.outcome()).isEqualTo("TOKEN_INVALID");
            assertThat(event.shareId()).isEqualTo(link.share().id());
            assertThat(log.events()).hasSize(1);
        }

        @Test
        void a_context_bound_share_on_the_public_route_is_AUTH_REQUIRED_in_the_log() {
            ShareContext customers = h.context(owner, "Customers");
            CreatedShare portal = h.portalShare(owner, sales, customers);
            log.clear();

            failsWith(ErrorCode.AUTH_REQUIRED, () -> h.publicShares().resolve(portal.token(), CLIENT));

            AuditEvent event = log.only(AuditType.SHARE_RESOLVED);
            assertThat(event.outcome()).isEqualTo("AUTH_REQUIRED");
            assertThat(event.contextId()).isEqualTo(customers.id());
        }
    }

    @Nested
    class Portal {

        private ShareContext customers;
        private CreatedShare share;

        @BeforeEach
        void shareWithCustomers() {
            customers = h.context(owner, "Customers");
            share = h.portalShare(owner, sales, customers);
            h.member(owner, customers, "jane@customer.com");
            log.clear();
        }

        private void requestCode(String email) {
            h.requestCodes().requestCode(new CompanySlug("acme"), EmailAddress.parse(email).orElseThrow(), CLIENT);
            h.deliverMail();
        }

        private PortalTokens verify(String email, String code) {
            return h.verifyCodes().verify(new CompanySlug("acme"), EmailAddress.parse(email).orElseThrow(),
                    OneTimeCode.parse(code).orElseThrow(), CLIENT);
        }

        @Test
        void sign_in_records_the_request_the_failed_try_and_the_success_never_the_code() {
            requestCode("jane@customer.com");
            String code = h.mailer().lastCodeFor("jane@customer.com");
            String wrong = code.equals("1111-1111") ? "2222-2222" : "1111-1111";
            failsWith(ErrorCode.CODE_INVALID, () -> verify("jane@customer.com", wrong));
            PortalTokens tokens = verify("jane@customer.com", code);

            AuditEvent requested = log.only(AuditType.PORTAL_CODE_REQUESTED);
            assertThat(requested.flow()).isEqualTo(AuditFlow.PORTAL);
            assertThat(requested.actor()).isEqualTo(new AuditActor.Email("jane@customer.com"));
            assertThat(requested.details()).containsEntry("sent", true);
            assertClient(requested);
            AuditEvent failed = log.only(AuditType.PORTAL_SIGN_IN_FAILED);
            assertThat(failed.outcome()).isEqualTo("CODE_INVALID");
            assertThat(failed.actor()).isEqualTo(new AuditActor.Email("jane@customer.com"));
            AuditEvent signedIn = log.only(AuditType.PORTAL_SIGNED_IN);
            assertThat(signedIn.outcome()).isEqualTo("ok");
            assertThat(signedIn.companyId()).isEqualTo(acme.id());
            assertNoEventContains(code, code.replace("-", ""), wrong, wrong.replace("-", ""), tokens.accessToken(),
                    tokens.refreshToken());
        }

        @Test
        void a_stranger_asking_for_a_code_is_an_event_and_an_unknown_company_none() {
            requestCode("stranger@elsewhere.example");
            h.requestCodes().requestCode(new CompanySlug("nobody"), new EmailAddress("x@y.example"), CLIENT);

            AuditEvent requested = log.only(AuditType.PORTAL_CODE_REQUESTED);
            assertThat(requested.actor()).isEqualTo(new AuditActor.Email("stranger@elsewhere.example"));
            assertThat(requested.details()).containsEntry("sent", false);
            assertThat(log.events()).hasSize(1);
        }

        @Test
        void portal_requests_name_the_viewer_the_context_and_the_share() {
            PortalTokens tokens = h.login("acme", "jane@customer.com");
            PortalViewer viewer = h.portal().authenticate("acme", tokens.accessToken(), CLIENT);
            log.clear();
            DashboardSlug slug = sales.slug();

            h.portal().resolve(viewer, slug, customers.id());
            h.portal().execute(viewer, slug, customers.id(), params("region", str("east")));
            failsWith(ErrorCode.INVALID_CONTEXT_ID, () -> h.portal().execute(viewer, slug,
                    new io.dashshare.domain.context.ShareContextId(java.util.UUID.randomUUID()), Map.of()));
            h.logouts().logout(Optional.of(tokens.accessToken()), Optional.empty(), false, CLIENT);

            assertThat(log.only(AuditType.SHARE_RESOLVED).shareId()).isEqualTo(share.share().id());
            List<AuditEvent> executions = log.ofType(AuditType.DASHBOARD_EXECUTED);
            assertThat(executions).hasSize(2);
            AuditEvent ok = executions.get(0);
            assertThat(ok.flow()).isEqualTo(AuditFlow.PORTAL);
            assertThat(ok.actor()).isEqualTo(new AuditActor.Email("jane@customer.com"));
            assertThat(ok.contextId()).isEqualTo(customers.id());
            assertThat(ok.shareId()).isEqualTo(share.share().id());
            assertThat(ok.dashboardId()).isEqualTo(sales.id());
            assertThat(ok.parameters()).containsEntry("region", "east");
            assertThat(ok.rowCount()).isEqualTo(1);
            assertClient(ok);
            AuditEvent refused = executions.get(1);
            assertThat(refused.outcome()).isEqualTo("INVALID_CONTEXT_ID");
            assertThat(refused.shareId()).isNull();
            assertThat(log.only(AuditType.PORTAL_SIGNED_OUT).actor())
                    .isEqualTo(new AuditActor.Email("jane@customer.com"));
            assertNoEventContains(tokens.accessToken(), tokens.refreshToken());
        }
    }

    @Nested
    class Embeds {

        private String token(Optional<Long> expiresIn) {
            return h.issueEmbed().issue(owner, sales.id(), Values.embedRequest(List.of("period_start"), List.of(),
                    Map.of("region", str("north")), expiresIn)).token();
        }

        @Test
        void views_name_the_tokens_jti_and_sub_and_issuing_it_is_an_event_too() {
            String token = token(Optional.empty());
            EmbedAccess access = h.embeds().open(token);

            h.embeds().info(access, CLIENT);
            h.embeds().execute(access, params("period_start", str("2025-03-01")), CLIENT);
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY,
                    () -> h.embeds().execute(access, params("status", arr("Active")), CLIENT));

            AuditEvent issued = log.only(AuditType.EMBED_TOKEN_ISSUED);
            assertThat(issued.flow()).isEqualTo(AuditFlow.OWNER);
            assertThat(issued.details()).containsEntry("jti", access.claims().jti());
            AuditActor viewer = new AuditActor.Embed(access.claims().jti(), sales.id().toString());
            AuditEvent viewed = log.only(AuditType.EMBED_VIEWED);
            assertThat(viewed.flow()).isEqualTo(AuditFlow.EMBED);
            assertThat(viewed.actor()).isEqualTo(viewer);
            assertThat(viewed.dashboardId()).isEqualTo(sales.id());
            List<AuditEvent> executions = log.ofType(AuditType.DASHBOARD_EXECUTED);
            assertThat(executions.get(0).parameters()).isEqualTo(Map.of("period_start", "2025-03-01",
                    "period_end", "2025-12-31", "region", "north"));
            assertThat(executions.get(1).outcome()).isEqualTo("FILTER_DISABLED_BY_POLICY");
            assertThat(executions.get(1).actor()).isEqualTo(viewer);
            assertNoEventContains(token, token.substring(token.lastIndexOf('.') + 1));
        }

        @Test
        void a_refused_token_of_a_known_key_is_an_event_of_its_company_with_the_reason() {
            String expired = token(Optional.of(60L));
            String jti = h.embeds().open(expired).claims().jti();
            String tampered = token(Optional.empty());
            tampered = tampered.substring(0, tampered.length() - 2)
                    + (tampered.charAt(tampered.length() - 2) == 'A' ? "BA" : "AA");
            h.clock().advance(Duration.ofHours(2));
            log.clear();

            String tamperedToken = tampered;
            failsWith(ErrorCode.TOKEN_INVALID,
                    () -> h.embeds().open(expired, AuditType.EMBED_VIEWED, CLIENT));
            failsWith(ErrorCode.TOKEN_INVALID,
                    () -> h.embeds().open(tamperedToken, AuditType.DASHBOARD_EXECUTED, CLIENT));
            failsWith(ErrorCode.TOKEN_INVALID,
                    () -> h.embeds().open("eyJhbGciOiJIUzI1NiJ9.e30.AAAA", AuditType.EMBED_VIEWED, CLIENT));

            AuditEvent expiredEvent = log.only(AuditType.EMBED_VIEWED);
            assertThat(expiredEvent.companyId()).isEqualTo(acme.id());
            assertThat(expiredEvent.outcome()).isEqualTo("TOKEN_INVALID");
            assertThat(expiredEvent.details()).containsEntry("reason", "expired");
            assertThat(expiredEvent.actor()).isEqualTo(new AuditActor.Embed(jti, sales.id().toString()));
            assertThat(expiredEvent.dashboardId()).isEqualTo(sales.id());
            AuditEvent forged = log.only(AuditType.DASHBOARD_EXECUTED);
            assertThat(forged.details()).containsEntry("reason", "bad_signature");
            assertThat(forged.actor()).as("unverified claims are not kept").isEqualTo(new AuditActor.Embed(null, null));
            assertThat(log.events()).as("a token naming no key is nobody's event").hasSize(2);
            assertNoEventContains(expired, tamperedToken);
        }
    }

    @Nested
    class Owners {

        @Test
        void sign_in_and_its_failure_are_events_of_the_owners_company_and_an_unknown_email_is_none() {
            OwnerPrincipal admin = h.ownerOf(acme, "admin@acme.test");
            log.clear();

            h.ownerLogin().login(new LoginAttempt(new EmailAddress("admin@acme.test"), SharingHarness.OWNER_PASSWORD,
                    Optional.empty(), "203.0.113.7", CLIENT));
            failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(new LoginAttempt(
                    new EmailAddress("admin@acme.test"), "wrong password here", Optional.empty(), "203.0.113.7",
                    CLIENT)));
            failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(new LoginAttempt(
                    new EmailAddress("nobody@acme.test"), "whatever password", Optional.empty(), "203.0.113.7",
                    CLIENT)));

            AuditActor actor = Audit.actor(admin);
            AuditEvent signedIn = log.only(AuditType.OWNER_SIGNED_IN);
            assertThat(signedIn.actor()).isEqualTo(actor);
            assertThat(signedIn.flow()).isEqualTo(AuditFlow.OWNER);
            assertClient(signedIn);
            AuditEvent failed = log.only(AuditType.OWNER_SIGN_IN_FAILED);
            assertThat(failed.actor()).isEqualTo(actor);
            assertThat(failed.outcome()).isEqualTo("UNAUTHENTICATED");
            assertThat(log.events()).hasSize(2);
            assertNoEventContains(SharingHarness.OWNER_PASSWORD, "wrong password here");
        }

        @Test
        void changes_name_the_owner_and_what_they_changed() {
            Dashboard created = h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().withSlug("second")
                    .definition());
            CreatedShare link = h.publicShare(owner, created);
            h.shares().update(owner, link.share().id(), new ShareChanges(Optional.of("Renamed"), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            CreatedShare rotated = h.shares().rotateToken(owner, link.share().id());

            AuditActor actor = Audit.actor(owner);
            AuditEvent dashboard = log.only(AuditType.DASHBOARD_CREATED);
            assertThat(dashboard.actor()).isEqualTo(actor);
            assertThat(dashboard.dashboardId()).isEqualTo(created.id());
            assertThat(dashboard.details()).containsEntry("slug", "second");
            assertClient(dashboard);
            assertThat(log.only(AuditType.SHARE_CREATED).shareId()).isEqualTo(link.share().id());
            assertThat(log.only(AuditType.SHARE_UPDATED).details()).containsEntry("changed", List.of("name"));
            assertThat(log.only(AuditType.SHARE_TOKEN_ROTATED).shareId()).isEqualTo(link.share().id());
            assertNoEventContains(link.token(), rotated.token());
        }

        @Test
        void an_api_key_acts_as_itself_and_its_key_is_never_in_an_event() {
            CreatedApiKey key = h.apiKeys().create(owner, "ci", Role.EDITOR, Optional.empty());
            OwnerPrincipal ci = h.authenticate().apiKey(io.dashshare.domain.secret.SecretToken
                    .hashOfPresented(key.plainKey())).from(CLIENT);
            h.contexts().create(ci, "From CI", Optional.empty());

            AuditEvent created = log.only(AuditType.API_KEY_CREATED);
            assertThat(created.details()).containsEntry("name", "ci").containsEntry("role", "editor");
            AuditEvent context = log.only(AuditType.CONTEXT_CREATED);
            assertThat(context.actor()).isEqualTo(new AuditActor.ApiKey(key.key().id().toString(), "ci"));
            assertNoEventContains(key.plainKey(), key.plainKey().substring(0, 12));
        }

        @Test
        void an_owners_export_is_an_event_with_the_rows_exported() {
            try (WidgetExport export = h.preview().export(owner, sales.id(), new WidgetSlug("revenue"), Map.of())) {
                export.rows().next();
            }
            AuditEvent exported = log.only(AuditType.WIDGET_EXPORTED);
            assertThat(exported.flow()).isEqualTo(AuditFlow.OWNER);
            assertThat(exported.rowCount()).isEqualTo(1);
            assertThat(exported.dashboardId()).isEqualTo(sales.id());
        }
    }

    @Nested
    class Operator {

        @Test
        void provisioning_renaming_suspending_and_activating_are_operator_events_of_the_company() {
            var provisioned = h.tenants().create(new CompanySlug("globex"), "Globex", new EmailAddress("boss@globex.test"),
                    CLIENT);
            h.tenants().update(provisioned.company().id(), Optional.of("Globex Corp"), Optional.empty(), CLIENT);
            h.tenants().update(provisioned.company().id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED),
                    CLIENT);
            h.tenants().update(provisioned.company().id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED),
                    CLIENT);
            h.tenants().update(provisioned.company().id(), Optional.empty(), Optional.of(CompanyStatus.ACTIVE),
                    CLIENT);

            assertThat(log.events()).extracting(AuditEvent::type).containsExactly(AuditType.COMPANY_CREATED,
                    AuditType.COMPANY_UPDATED, AuditType.COMPANY_SUSPENDED, AuditType.COMPANY_ACTIVATED);
            assertThat(log.events()).allSatisfy(event -> {
                assertThat(event.flow()).isEqualTo(AuditFlow.OPERATOR);
                assertThat(event.actor()).isEqualTo(AuditActor.OPERATOR);
                assertThat(event.companyId()).isEqualTo(provisioned.company().id());
                assertClient(event);
            });
            assertThat(log.only(AuditType.COMPANY_CREATED).details()).containsEntry("slug", "globex")
                    .containsEntry("admin_email", "boss@globex.test");
            assertNoEventContains(provisioned.inviteUrl().substring(provisioned.inviteUrl().indexOf('#') + 1));
        }
    }

    /** One of everything a company's people, viewers and operator do: every type of the catalogue appears. */
    @Test
    void every_event_type_of_the_catalogue_is_written_by_some_use_case() {
        // Owners and their changes.
        h.ownerLogin().login(new LoginAttempt(new EmailAddress("owner@acme.test"), SharingHarness.OWNER_PASSWORD,
                Optional.empty(), "203.0.113.7", CLIENT));
        failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(new LoginAttempt(
                new EmailAddress("owner@acme.test"), "not the password", Optional.empty(), "203.0.113.7", CLIENT)));
        Dashboard second = h.dashboards().create(owner, DashboardBuilder.aSalesDashboard().withSlug("second").definition());
        h.dashboards().update(owner, second.id(), DashboardBuilder.aSalesDashboard().withSlug("second")
                .withName("Second").definition());
        CreatedShare link = h.shares().create(owner, sales.id(), new io.dashshare.application.port.in.NewShare(
                "Downloads", io.dashshare.domain.share.ShareType.LINK, Optional.empty(), List.of(), Optional.empty(),
                true));
        h.shares().update(owner, link.share().id(), new ShareChanges(Optional.of("Renamed"), Optional.empty(),
                Optional.empty(), Optional.empty()));
        CreatedShare rotated = h.shares().rotateToken(owner, link.share().id());
        ShareContext customers = h.context(owner, "Customers");
        h.contexts().update(owner, customers.id(), Optional.of("Customers B"), Optional.empty());
        h.portalShare(owner, sales, customers);
        io.dashshare.domain.context.Member jane = h.member(owner, customers, "jane@customer.com");
        CreatedEmbedKey key = h.embedKeys().create(owner);
        String embedToken = h.issueEmbed().issue(owner, sales.id(), Values.embedRequest(List.of(), List.of(),
                Map.of(), Optional.empty())).token();
        h.companies().setEmbedOrigins(owner, List.of(new EmbedOrigin("https://app.customer.example")));
        InvitedOwner invited = h.owners().invite(owner, new EmailAddress("new@acme.test"), Role.EDITOR);
        h.owners().update(owner, invited.owner().id(), Optional.of(Role.VIEWER), Optional.empty());
        CreatedApiKey apiKey = h.apiKeys().create(owner, "ci", Role.EDITOR, Optional.empty());

        // Viewers.
        h.publicShares().resolve(rotated.token(), CLIENT);
        h.publicShares().execute(rotated.token(), Map.of(), CLIENT);
        h.publicShares().options(rotated.token(), "region", null, CLIENT);
        try (WidgetExport export = h.publicShares().export(rotated.token(), new WidgetSlug("revenue"), Map.of(),
                CLIENT)) {
            export.rows().next();
        }
        h.requestCodes().requestCode(new CompanySlug("acme"), new EmailAddress("jane@customer.com"), CLIENT);
        h.deliverMail();
        String code = h.mailer().lastCodeFor("jane@customer.com");
        failsWith(ErrorCode.CODE_INVALID, () -> h.verifyCodes().verify(new CompanySlug("acme"),
                new EmailAddress("jane@customer.com"), OneTimeCode.parse(code.equals("1111-1111") ? "2222-2222"
                        : "1111-1111").orElseThrow(), CLIENT));
        PortalTokens tokens = h.verifyCodes().verify(new CompanySlug("acme"), new EmailAddress("jane@customer.com"),
                OneTimeCode.parse(code).orElseThrow(), CLIENT);
        h.embeds().info(h.embeds().open(embedToken), CLIENT);
        var session = h.portalSessionAdmin().list(owner, customers.id()).get(0);
        h.logouts().logout(Optional.of(tokens.accessToken()), Optional.empty(), false, CLIENT);
        PortalTokens again = h.login("acme", "jane@customer.com");
        var secondSession = h.portalSessionAdmin().list(owner, customers.id()).get(0);
        h.portalSessionAdmin().revoke(owner, customers.id(), secondSession.id());

        // Removals and retirements.
        h.embedKeys().refuseTokensIssuedBefore(owner, sales.id(), Optional.empty());
        h.embedKeys().retire(owner, key.key().id());
        h.contexts().removeMember(owner, customers.id(), jane.id());
        h.contexts().delete(owner, customers.id());
        h.shares().revoke(owner, link.share().id());
        h.dashboards().delete(owner, second.id());
        h.owners().remove(owner, invited.owner().id());
        h.apiKeys().revoke(owner, apiKey.key().id());

        // The operator.
        var globex = h.tenants().create(new CompanySlug("globex"), "Globex", new EmailAddress("boss@globex.test"),
                CLIENT);
        h.tenants().update(globex.company().id(), Optional.of("Globex Corp"), Optional.of(CompanyStatus.SUSPENDED),
                CLIENT);
        h.tenants().update(globex.company().id(), Optional.empty(), Optional.of(CompanyStatus.ACTIVE), CLIENT);

        Set<AuditType> written = log.events().stream().map(AuditEvent::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AuditType.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(written))).as("types no use case wrote").isEmpty();
        assertThat(session.id()).isNotNull();
        assertNoEventContains(link.token(), rotated.token(), embedToken, key.secret(), apiKey.plainKey(),
                tokens.accessToken(), tokens.refreshToken(), again.accessToken(), again.refreshToken(), code,
                code.replace("-", ""), SharingHarness.OWNER_PASSWORD,
                invited.inviteUrl().substring(invited.inviteUrl().indexOf('#') + 1));
    }
}
