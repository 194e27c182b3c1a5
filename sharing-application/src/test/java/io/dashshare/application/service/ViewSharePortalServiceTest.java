package io.dashshare.application.service;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardSlug;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.fixed;
import static io.dashshare.application.testing.Values.params;
import static io.dashshare.application.testing.Values.selectable;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.testing.Values;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.IssuedEmbedToken;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalDashboard;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.HandMadeJws;
import io.dashshare.domain.tenant.Company;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewSharePortalServiceTest {

    private static final DashboardSlug SALES = new DashboardSlug("sales-overview");

    private static final String ALICE = "alice@customer.example";
    private static final String BOB = "bob@customer.example";
    private static final String REVENUE_SQL = "sum(amount) as revenue";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;
    private Dashboard ops;
    private ShareContext customers;
    private ShareContext partners;
    private Member aliceInCustomers;
    private CreatedShare salesToCustomers;
    private PortalTokens aliceTokens;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
        ops = h.dashboard(acme, DashboardBuilder.aSalesDashboard().withSlug("ops-overview").withName("Operations"));
        customers = h.context(owner, "External customers");
        partners = h.context(owner, "Partners");
        aliceInCustomers = h.member(owner, customers, ALICE);
        h.member(owner, partners, ALICE);
        h.member(owner, partners, BOB);
        salesToCustomers = h.portalShare(owner, sales, customers,
                selectable("status", "multi_select", "Active", "Pending"), fixed("region", "select", str("north")));
        h.portalShare(owner, ops, partners);
        aliceTokens = h.login("acme", ALICE);
    }

    private PortalViewer alice() {
        return h.portal().authenticate("acme", aliceTokens.accessToken());
    }

    @Test
    void dashboards_are_listed_with_the_contexts_they_are_shared_through() {
        h.portalShare(owner, sales, partners);

        List<PortalDashboard> listed = h.portal().dashboards(alice());

        assertThat(listed).extracting(p -> p.dashboard().slug().value())
                .containsExactlyInAnyOrder("sales-overview", "ops-overview");
        PortalDashboard salesEntry = listed.stream().filter(p -> p.dashboard().id().equals(sales.id())).findFirst()
                .orElseThrow();
        assertThat(salesEntry.contexts()).extracting(ShareContext::id)
                .containsExactlyInAnyOrder(customers.id(), partners.id());
        PortalDashboard opsEntry = listed.stream().filter(p -> p.dashboard().id().equals(ops.id())).findFirst()
                .orElseThrow();
        assertThat(opsEntry.contexts()).extracting(ShareContext::id).containsExactly(partners.id());
    }

    @Test
    void a_viewer_sees_only_the_dashboards_of_their_own_contexts() {
        PortalViewer bob = h.viewer("acme", h.login("acme", BOB));

        assertThat(h.portal().dashboards(bob)).extracting(p -> p.dashboard().slug().value())
                .containsExactly("ops-overview");
        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(bob, SALES, customers.id(), Map.of()));
    }

    @Test
    void resolve_shows_the_filters_as_the_share_restricts_them() {
        SharedDashboard resolved = h.portal().resolve(alice(), SALES, customers.id()).dashboard();

        assertThat(resolved.company().slug().value()).isEqualTo("acme");
        ViewerFilter status = filter(resolved, "status");
        assertThat(status.mode()).isEqualTo(ViewerFilter.ViewerMode.SELECTABLE);
        assertThat(status.allowedValues()).extracting(FilterOption::value).containsExactly("Active", "Pending");
        ViewerFilter region = filter(resolved, "region");
        assertThat(region.mode()).isEqualTo(ViewerFilter.ViewerMode.FIXED);
        assertThat(region.allowedValues()).extracting(FilterOption::value).containsExactly("north");
    }

    @Test
    void execute_applies_the_share_policies_to_the_bound_values() {
        DashboardResult result = h.portal().execute(alice(), SALES, customers.id(), Map.of());

        assertThat(result.widgets()).hasSize(1);
        assertThat(h.executor().boundValues(REVENUE_SQL)).containsExactly(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"), List.of("Active", "Pending"), List.of("Active", "Pending"), "north",
                "north");
    }

    @Test
    void execute_takes_the_viewers_value_within_the_policy_and_refuses_one_outside_it() {
        h.portal().execute(alice(), SALES, customers.id(), params("status", arr("Pending")));
        assertThat(h.executor().boundValues(REVENUE_SQL).get(2)).isEqualTo(List.of("Pending"));
        int ran = h.executor().count();

        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.portal().execute(alice(), SALES,
                customers.id(), params("status", arr("Active", "Closed"))));
        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.portal().execute(alice(), SALES,
                customers.id(), params("region", str("south"))));
        assertThat(h.executor().count()).isEqualTo(ran);
    }

    @Test
    void the_same_dashboard_runs_under_the_rules_of_the_context_named() {
        h.portalShare(owner, sales, partners, fixed("region", "select", str("west")));

        h.portal().execute(alice(), SALES, partners.id(), Map.of());
        assertThat(h.executor().boundValues(REVENUE_SQL).get(4)).isEqualTo("west");

        h.portal().execute(alice(), SALES, customers.id(), Map.of());
        assertThat(h.executor().boundValues(REVENUE_SQL).get(4)).isEqualTo("north");
    }

    @Test
    void options_answer_the_policy_values_without_running_sql() {
        OptionsAnswer answer = h.portal().options(alice(), SALES, customers.id(), "status",
                "pend");

        assertThat(answer.source()).isEqualTo(OptionsSource.POLICY);
        assertThat(answer.options()).extracting(FilterOption::value).containsExactly("Pending");
        assertThat(h.executor().count()).isZero();
    }

    @Test
    void dynamic_options_run_the_filter_sql_with_the_shares_other_restrictions() {
        h.executor().answerOptions("distinct status", "Active", "Closed");

        OptionsAnswer answer = h.portal().options(alice(), new DashboardSlug("ops-overview"), partners.id(), "status", "a_%");

        assertThat(answer.source()).isEqualTo(OptionsSource.DYNAMIC);
        assertThat(answer.options()).extracting(FilterOption::value).containsExactly("Active", "Closed");
        assertThat(h.executor().boundValues("distinct status")).containsOnly("a\\_\\%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "6f1c1a52-5c1e-4c55-9d4b-1234567890ab"})
    void a_context_id_that_is_none_of_the_viewers_is_invalid_context_id(String contextId) {
        ShareContextId context = new ShareContextId(java.util.UUID.fromString(contextId));
        failsWith(ErrorCode.INVALID_CONTEXT_ID, () -> h.portal().execute(alice(), SALES, context, Map.of()));
        failsWith(ErrorCode.INVALID_CONTEXT_ID, () -> h.portal().resolve(alice(), SALES, context));
        failsWith(ErrorCode.INVALID_CONTEXT_ID, () -> h.portal().options(alice(), SALES, context, "status", null));
    }

    @Test
    void a_context_the_viewer_is_not_a_member_of_is_invalid_context_id() {
        ShareContext vip = h.context(owner, "VIP");
        h.member(owner, vip, BOB);
        h.portalShare(owner, sales, vip);

        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(alice(), SALES, vip.id(), Map.of()));
    }

    @Test
    void a_context_of_the_viewer_that_does_not_share_this_dashboard_is_invalid_context_id() {
        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(alice(), new DashboardSlug("ops-overview"), customers.id(), Map.of()));
        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().resolve(alice(), SALES, partners.id()));
    }

    @Test
    void another_companys_context_id_is_invalid_context_id() {
        Company globex = h.company("globex");
        OwnerPrincipal globexOwner = h.ownerOf(globex);
        ShareContext theirs = h.context(globexOwner, "Globex customers");
        h.member(globexOwner, theirs, ALICE);
        h.portalShare(globexOwner, h.salesDashboard(globex), theirs);

        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(alice(), SALES, theirs.id(), Map.of()));
    }

    @Test
    void a_dashboard_not_shared_with_the_viewer_is_not_found_whether_or_not_it_exists() {
        Dashboard finance = h.dashboard(acme, DashboardBuilder.aSalesDashboard().withSlug("finance"));
        h.publicShare(owner, finance);

        failsWith(ErrorCode.NOT_FOUND, () -> h.portal().execute(alice(), new DashboardSlug("finance"), customers.id(), Map.of()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.portal().resolve(alice(), new DashboardSlug("no-such-board"), customers.id()));
        failsWith(ErrorCode.NOT_FOUND,
                () -> h.portal().options(alice(), new DashboardSlug("finance"), customers.id(), "status", null));
    }

    @Test
    void removing_a_member_cuts_an_access_token_already_issued() {
        PortalViewer before = alice();
        assertThat(h.portal().dashboards(before)).isNotEmpty();

        h.contexts().removeMember(owner, customers.id(), aliceInCustomers.id());

        PortalViewer after = alice();
        assertThat(h.portal().dashboards(after)).extracting(p -> p.dashboard().slug().value())
                .containsExactly("ops-overview");
        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(after, SALES, customers.id(), Map.of()));
    }

    @Test
    void a_person_removed_from_every_context_loses_the_token_and_the_session_at_once() {
        h.contexts().delete(owner, partners.id());
        h.contexts().removeMember(owner, customers.id(), aliceInCustomers.id());

        failsWith(ErrorCode.TOKEN_INVALID, this::alice);
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.refreshSessions().refresh(aliceTokens.refreshToken()));
    }

    @Test
    void deleting_the_context_cuts_an_access_token_already_issued() {
        h.contexts().delete(owner, customers.id());

        PortalViewer after = alice();
        assertThat(h.portal().dashboards(after)).extracting(p -> p.dashboard().slug().value())
                .containsExactly("ops-overview");
        failsWith(ErrorCode.INVALID_CONTEXT_ID,
                () -> h.portal().execute(after, SALES, customers.id(), Map.of()));
    }

    @Test
    void an_expired_share_drops_out_of_the_portal() {
        h.shares().update(owner, salesToCustomers.share().id(), new ShareChanges(Optional.empty(), Optional.empty(),
                Optional.of(Optional.of(h.clock().instant().plusSeconds(60)))));
        assertThat(h.portal().dashboards(alice())).hasSize(2);

        h.clock().advance(java.time.Duration.ofSeconds(60));

        assertThat(h.portal().dashboards(alice())).extracting(p -> p.dashboard().slug().value())
                .containsExactly("ops-overview");
        failsWith(ErrorCode.NOT_FOUND,
                () -> h.portal().execute(alice(), SALES, customers.id(), Map.of()));
    }

    @Test
    void revoking_the_share_removes_the_dashboard_at_once() {
        h.shares().revoke(owner, salesToCustomers.share().id());

        assertThat(h.portal().dashboards(alice())).extracting(p -> p.dashboard().slug().value())
                .containsExactly("ops-overview");
        failsWith(ErrorCode.NOT_FOUND,
                () -> h.portal().execute(alice(), SALES, customers.id(), Map.of()));
    }

    @Test
    void a_token_is_refused_under_another_companys_slug() {
        Company globex = h.company("globex");
        OwnerPrincipal globexOwner = h.ownerOf(globex);
        ShareContext theirs = h.context(globexOwner, "Globex customers");
        h.member(globexOwner, theirs, ALICE);
        h.portalShare(globexOwner, h.salesDashboard(globex), theirs);

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("globex", aliceTokens.accessToken()));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("no-such-company", aliceTokens.accessToken()));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate(null, aliceTokens.accessToken()));
    }

    @Test
    void a_signed_token_whose_company_and_slug_disagree_is_refused() {
        Company globex = h.company("globex");
        long now = h.clock().instant().getEpochSecond();
        String forged = HandMadeJws.hs256("{\"alg\":\"HS256\",\"typ\":\"share-access+jwt\",\"kid\":\"share-access-1\"}",
                "{\"iss\":\"dashshare\",\"aud\":\"share-portal\",\"sub\":\"" + ALICE + "\",\"company\":\""
                        + globex.id() + "\",\"company_slug\":\"acme\",\"sid\":\"" + UUID.randomUUID()
                        + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"x\"}",
                h.shareAccessKey());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", forged));
    }

    @Test
    void a_token_for_a_session_that_does_not_exist_is_refused() {
        long now = h.clock().instant().getEpochSecond();
        String forged = HandMadeJws.hs256("{\"alg\":\"HS256\",\"typ\":\"share-access+jwt\",\"kid\":\"share-access-1\"}",
                "{\"iss\":\"dashshare\",\"aud\":\"share-portal\",\"sub\":\"" + ALICE + "\",\"company\":\""
                        + acme.id() + "\",\"company_slug\":\"acme\",\"sid\":\"" + UUID.randomUUID()
                        + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"x\"}",
                h.shareAccessKey());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", forged));
    }

    @Test
    void embed_tokens_public_link_tokens_refresh_tokens_and_garbage_are_not_access_tokens() {
        IssuedEmbedToken embed = h.issueEmbed().issue(owner, sales.id(),
                Values.embedRequest(List.of("region"), List.of(), Map.of(), Optional.empty()));
        CreatedShare link = h.publicShare(owner, sales);

        for (String token : List.of(embed.token(), link.token(), aliceTokens.refreshToken(), "garbage", "",
                "a.b.c", "Bearer " + aliceTokens.accessToken(), aliceTokens.accessToken() + ".")) {
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", token));
        }
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", null));
    }

    @Test
    void an_access_token_signed_with_another_key_is_refused() {
        String token = aliceTokens.accessToken();
        String[] parts = token.split("\\.");
        byte[] otherKey = new byte[32];
        String resigned = HandMadeJws.signSegments(parts[0], parts[1], otherKey);

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.portal().authenticate("acme", resigned));
    }

    private static ViewerFilter filter(SharedDashboard resolved, String slug) {
        return resolved.filters().stream().filter(f -> f.definition().slug().value().equals(slug)).findFirst()
                .orElseThrow();
    }
}
