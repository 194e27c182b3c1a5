package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.fixed;
import static io.dashshare.application.testing.Values.selectable;
import static io.dashshare.application.testing.Values.str;
import static io.dashshare.domain.testing.HandMadeJws.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalViewer;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.application.port.in.WidgetExport;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.application.testing.Values;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.WidgetSlug;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.share.ShareType;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.tenant.Company;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports in every flow at the use-case level (docs/api.md, exports): the owner's switch, and the
 * statement an export binds being exactly the one execute binds for the same request.
 */
class ExportWidgetTest {

    private static final WidgetSlug REVENUE = new WidgetSlug("revenue");
    private static final String REVENUE_SQL = "sum(amount) as revenue";

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        start(SharingHarness.testSettings());
    }

    private void start(SharingSettings settings) {
        h = SharingHarness.withSettings(settings);
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    private CreatedShare share(boolean downloads, PolicyDraft... policies) {
        return h.shares().create(owner, sales.id(), new NewShare("Public link", ShareType.LINK, Optional.empty(),
                List.of(policies), Optional.empty(), downloads));
    }

    private static List<List<Object>> drain(WidgetExport export) {
        try (export) {
            List<List<Object>> rows = new ArrayList<>();
            for (Optional<List<Object>> row = export.rows().next(); row.isPresent(); row = export.rows().next()) {
                rows.add(row.get());
            }
            return rows;
        }
    }

    /** The statement execute bound last for the revenue widget, then the one the export bound. */
    private void assertExportBindsWhatExecuteBinds(Runnable execute, Runnable export) {
        execute.run();
        BoundStatement executed = h.executor().lastContaining(REVENUE_SQL);
        h.executor().forget();
        export.run();
        assertThat(h.executor().lastContaining(REVENUE_SQL)).isEqualTo(executed);
        assertThat(h.executor().openCursors()).isZero();
    }

    private static Map<String, RawValue> params(Object... pairs) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (RawValue) pairs[i + 1]);
        }
        return values;
    }

    @Test
    void a_share_without_downloads_refuses_exports_with_FORBIDDEN_downloads_disabled_before_any_sql() {
        String token = share(false).token();

        SharingException refused = failsWith(ErrorCode.FORBIDDEN,
                () -> h.publicShares().export(token, REVENUE, Map.of()));

        assertThat(refused.details()).containsEntry("reason", "downloads_disabled");
        assertThat(h.executor().count()).isZero();
        assertThat(h.publicShares().resolve(token).downloads()).isFalse();
    }

    @Test
    void turning_downloads_on_by_patch_allows_exports_and_resolve_says_so() {
        CreatedShare created = share(false);
        h.shares().update(owner, created.share().id(), new ShareChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true)));

        assertThat(h.publicShares().resolve(created.token()).downloads()).isTrue();
        assertThat(drain(h.publicShares().export(created.token(), REVENUE, Map.of()))).hasSize(1);
    }

    @Test
    void a_public_export_binds_exactly_the_statement_execute_binds_under_selectable_and_fixed_policies() {
        String token = share(true, selectable("status", "multi_select", "Active", "Pending"),
                fixed("region", "select", str("north"))).token();
        Map<String, RawValue> chosen = params("status", arr("Pending"), "period_start", str("2025-03-01"));

        assertExportBindsWhatExecuteBinds(() -> h.publicShares().execute(token, chosen),
                () -> drain(h.publicShares().export(token, REVENUE, chosen)));
        assertExportBindsWhatExecuteBinds(() -> h.publicShares().execute(token, Map.of()),
                () -> drain(h.publicShares().export(token, REVENUE, Map.of())));
        assertThat(h.executor().boundValues(REVENUE_SQL)).contains("north");
    }

    @Test
    void a_policy_violation_refuses_the_export_as_it_refuses_execute_and_opens_no_cursor() {
        String token = share(true, selectable("status", "multi_select", "Active", "Pending")).token();
        Map<String, RawValue> outside = params("status", arr("Closed"));

        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.publicShares().execute(token, outside));
        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.publicShares().export(token, REVENUE, outside));

        assertThat(h.executor().count()).isZero();
        assertThat(h.executor().openCursors()).isZero();
    }

    @Test
    void a_disabled_filter_refuses_a_value_in_the_export_too() {
        String token = share(true, Values.disabled("region", "select")).token();
        Map<String, RawValue> region = params("region", str("south"));

        failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.publicShares().execute(token, region));
        failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.publicShares().export(token, REVENUE, region));
    }

    @Test
    void an_unknown_widget_is_NOT_FOUND() {
        String token = share(true).token();

        failsWith(ErrorCode.NOT_FOUND, () -> h.publicShares().export(token, new WidgetSlug("no_such_widget"), Map.of()));
        assertThat(h.executor().count()).isZero();
    }

    @Test
    void exports_never_come_from_the_result_cache_and_count_against_the_share_quota() {
        start(SharingHarness.testSettings().withLimits(new SharingSettings.Limits(3, 3)));
        String token = share(true).token();
        h.publicShares().execute(token, Map.of());
        h.publicShares().execute(token, Map.of());
        assertThat(h.executor().count()).as("the second execute was cached").isEqualTo(1);

        drain(h.publicShares().export(token, REVENUE, Map.of()));
        drain(h.publicShares().export(token, REVENUE, Map.of()));
        assertThat(h.executor().count()).as("every export runs its statement").isEqualTo(3);

        failsWith(ErrorCode.RATE_LIMITED, () -> h.publicShares().export(token, REVENUE, Map.of()));
        assertThat(h.executor().count()).isEqualTo(3);
    }

    @Test
    void a_portal_export_follows_the_share_of_its_context() {
        ShareContext customers = h.context(owner, "Customers");
        h.member(owner, customers, "alice@customer.example");
        CreatedShare shared = h.shares().create(owner, sales.id(), new NewShare("Portal", ShareType.LINK,
                Optional.of(customers.id()), List.of(fixed("region", "select", str("east"))), Optional.empty(), true));
        PortalViewer alice = h.viewer("acme", h.login("acme", "alice@customer.example"));
        Map<String, RawValue> period = params("period_end", str("2025-06-30"));

        assertExportBindsWhatExecuteBinds(() -> h.portal().execute(alice, sales.slug(), customers.id(), period),
                () -> drain(h.portal().export(alice, sales.slug(), customers.id(), REVENUE, period)));
        assertThat(h.portal().resolve(alice, sales.slug(), customers.id()).dashboard().downloads()).isTrue();

        h.shares().update(owner, shared.share().id(), new ShareChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(false)));
        SharingException refused = failsWith(ErrorCode.FORBIDDEN,
                () -> h.portal().export(alice, sales.slug(), customers.id(), REVENUE, period));
        assertThat(refused.details()).containsEntry("reason", "downloads_disabled");
    }

    @Test
    void an_embed_exports_only_when_its_token_says_downloads_and_under_its_fixed_params() {
        Map<String, RawValue> fixedRegion = Map.of("region", str("west"));
        String without = h.issueEmbed().issue(owner, sales.id(), embedRequest(fixedRegion, false)).token();
        String with = h.issueEmbed().issue(owner, sales.id(), embedRequest(fixedRegion, true)).token();

        assertThat(h.embeds().info(without).downloads()).isFalse();
        assertThat(h.embeds().info(with).downloads()).isTrue();
        failsWith(ErrorCode.FORBIDDEN, () -> h.embeds().export(h.embeds().open(without), REVENUE, Map.of()));

        Map<String, RawValue> period = params("period_start", str("2025-02-01"));
        assertExportBindsWhatExecuteBinds(() -> h.embeds().execute(with, period),
                () -> drain(h.embeds().export(h.embeds().open(with), REVENUE, period)));
        assertThat(h.executor().boundValues(REVENUE_SQL)).contains(LocalDate.parse("2025-02-01"), "west");
        Map<String, RawValue> region = params("region", str("east"));
        failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().execute(with, region));
        failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().export(h.embeds().open(with), REVENUE, region));
    }

    private static EmbedRequest embedRequest(Map<String, RawValue> fixed, boolean downloads) {
        Map<FilterSlug, RawValue> typed = new LinkedHashMap<>();
        fixed.forEach((slug, value) -> typed.put(new FilterSlug(slug), value));
        return new EmbedRequest(List.of(new FilterSlug("period_start")), List.of(), typed, Optional.empty(), downloads);
    }

    @Test
    void a_self_signed_token_exports_with_a_true_downloads_claim_only_and_a_non_boolean_one_is_TOKEN_INVALID() {
        CreatedEmbedKey created = h.embedKeys().create(owner);
        byte[] key = Base64.getUrlDecoder().decode(created.secret());
        String header = "{\"alg\":\"HS256\",\"typ\":\"embed+jwt\",\"kid\":\"" + created.key().id().value() + "\"}";

        String omitted = hs256(header, claims(c -> { }), key);
        String allowed = hs256(header, claims(c -> c.put("downloads", true)), key);
        String text = hs256(header, claims(c -> c.put("downloads", "true")), key);

        failsWith(ErrorCode.FORBIDDEN, () -> h.embeds().export(h.embeds().open(omitted), REVENUE, Map.of()));
        assertThat(drain(h.embeds().export(h.embeds().open(allowed), REVENUE, Map.of()))).hasSize(1);
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().open(text));
    }

    private String claims(Consumer<Map<String, Object>> change) {
        long now = h.clock().instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "acme");
        claims.put("aud", "embed");
        claims.put("sub", sales.id().toString());
        claims.put("company", "acme");
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", "export-test");
        change.accept(claims);
        return JSONObjectUtils.toJSONString(claims);
    }

    @Test
    void the_owner_exports_without_policies_or_quota_and_a_viewer_role_may_too() {
        OwnerPrincipal viewerRole = new OwnerPrincipal(owner.companyId(), io.dashshare.domain.tenant.Role.VIEWER,
                owner.actor());
        Map<String, RawValue> any = params("region", str("south"));

        assertExportBindsWhatExecuteBinds(() -> h.preview().execute(owner, sales.id(), any),
                () -> drain(h.preview().export(viewerRole, sales.id(), REVENUE, any)));
        for (int i = 0; i < 5; i++) {
            drain(h.preview().export(owner, sales.id(), REVENUE, any));
        }
    }

    @Test
    void the_export_is_capped_at_the_configured_row_count() {
        start(SharingHarness.testSettings().withQueries(SharingSettings.Queries.DEFAULTS.withMaxExportRows(7)));
        h.executor().answer(REVENUE_SQL, new io.dashshare.domain.execution.QueryResult(
                List.of(new io.dashshare.domain.execution.Column("n", "number")),
                java.util.stream.LongStream.range(0, 20).mapToObj(n -> List.<Object>of(n)).toList(), false, 1));

        WidgetExport export = h.preview().export(owner, sales.id(), REVENUE, Map.of());
        RowCursor rows = export.rows();
        assertThat(rows.columns()).extracting(io.dashshare.domain.execution.Column::name).containsExactly("n");

        assertThat(drain(export)).hasSize(7);
        assertThat(h.executor().runs().get(0).limits().maxRows()).isEqualTo(7);
        assertThat(h.executor().openCursors()).isZero();
    }
}
