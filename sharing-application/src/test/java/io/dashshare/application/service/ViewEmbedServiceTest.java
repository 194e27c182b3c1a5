package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.params;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.testing.Values;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ViewEmbedServiceTest {

    private static final String REVENUE_SQL = "sum(amount) as revenue";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    private String token(Dashboard dashboard, List<String> allowed, List<String> required,
                         Map<String, RawValue> fixed) {
        return h.issueEmbed().issue(owner, dashboard.id(), Values.embedRequest(allowed, required, fixed,
                Optional.empty())).token();
    }

    @Nested
    class Params {

        private String token;

        @BeforeEach
        void issue() {
            token = token(sales, List.of("period_start", "period_end", "status"), List.of("period_start"),
                    Map.of("region", str("north")));
        }

        @Test
        void info_lists_allowed_and_fixed_filters_and_hides_the_rest() {
            SharedDashboard info = h.embeds().info(token);

            assertThat(info.dashboard().id()).isEqualTo(sales.id());
            assertThat(info.company().slug().value()).isEqualTo("acme");
            assertThat(info.filters()).extracting(f -> f.definition().slug().value())
                    .containsExactly("period_start", "period_end", "status", "region");
            assertThat(info.filters().get(0).required()).isTrue();
            assertThat(info.filters().get(3).mode()).isEqualTo(ViewerFilter.ViewerMode.FIXED);
        }

        @Test
        void execute_binds_the_viewers_allowed_values_and_the_fixed_ones() {
            h.embeds().execute(token, params("period_start", str("2025-03-01"), "status", arr("Closed")));

            assertThat(h.executor().boundValues(REVENUE_SQL)).containsExactly(LocalDate.parse("2025-03-01"),
                    LocalDate.parse("2025-12-31"), List.of("Closed"), List.of("Closed"), "north", "north");
        }

        @Test
        void a_missing_required_param_is_a_policy_violation_however_it_is_left_out() {
            for (Map<String, RawValue> sent : List.of(Map.<String, RawValue>of(), params("period_start", RawValue.NULL),
                    params("period_start", str("")), params("period_start", arr()))) {
                failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.embeds().execute(token, sent));
            }
            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.embeds().execute(token, params("period_start", str("%"))));
            assertThat(h.executor().count()).isZero();
        }

        @Test
        void a_param_outside_allowed_params_is_filter_disabled_by_policy() {
            String narrow = token(sales, List.of("period_start"), List.of(), Map.of());

            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY,
                    () -> h.embeds().execute(narrow, params("status", arr("Active"))));
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().options(narrow, "status", null));
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().options(narrow, "region", null));
        }

        @Test
        void a_fixed_param_can_never_be_overridden() {
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().execute(token,
                    params("period_start", str("2025-01-01"), "region", str("south"))));
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().execute(token,
                    params("period_start", str("2025-01-01"), "region", RawValue.NULL)));

            String allowedAndFixed = token(sales, List.of("region"), List.of(), Map.of("region", str("north")));
            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.embeds().execute(allowedAndFixed, params("region", str("south"))));
            h.embeds().execute(allowedAndFixed, params("region", str("")));
            assertThat(h.executor().boundValues(REVENUE_SQL).get(4)).isEqualTo("north");
        }

        @Test
        void options_of_an_allowed_dynamic_filter_run_its_sql_with_the_fixed_values() {
            h.executor().answerOptions("distinct status", "Active");

            OptionsAnswer answer = h.embeds().options(token, "status", "act");

            assertThat(answer.source()).isEqualTo(OptionsSource.DYNAMIC);
            assertThat(answer.options()).extracting(FilterOption::value).containsExactly("Active");
            assertThat(h.executor().boundValues("distinct status")).containsExactly("act", "act");
        }

        @Test
        void options_of_a_fixed_param_outside_allowed_params_are_refused_as_the_embed_row_of_section_6_says() {
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.embeds().options(token, "region", null));
        }
    }

    @Test
    void a_token_for_one_dashboard_never_reaches_another() {
        Dashboard warehouse = h.dashboard(acme, DashboardBuilder.aDashboard().withSlug("warehouse")
                .withFilter(FilterBuilder.aMultiSelect("bin").withDynamicOptions("select bin as value from stock.bins"))
                .withWidget("stock", io.dashshare.domain.dashboard.Visualization.TABLE,
                        "select * from stock.levels where bin = any(:bin)"));
        String forSales = token(sales, List.of("status"), List.of(), Map.of());

        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.embeds().options(forSales, "bin", null));
        failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                () -> h.embeds().execute(forSales, params("bin", arr("A1"))));
        h.embeds().execute(forSales, Map.of());

        assertThat(h.embeds().info(forSales).dashboard().id()).isEqualTo(sales.id()).isNotEqualTo(warehouse.id());
        assertThat(h.executor().statements()).noneMatch(s -> s.sql().contains("stock."));
    }

    @Test
    void a_deleted_dashboard_makes_its_tokens_invalid() {
        String token = token(sales, List.of(), List.of(), Map.of());
        h.dashboards().delete(owner, sales.id());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().info(token));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().execute(token, Map.of()));
    }

    @Test
    void an_expired_token_is_invalid() {
        String token = h.issueEmbed().issue(owner, sales.id(), Values.embedRequest(List.of(), List.of(), Map.of(),
                Optional.of(60L))).token();
        h.clock().advance(Duration.ofSeconds(60).plus(h.settings().tokens().leeway()));

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().info(token));
    }

    @Test
    void refusing_tokens_issued_before_now_cuts_them_and_spares_later_ones() {
        String before = token(sales, List.of(), List.of(), Map.of());
        Dashboard other = h.dashboard(acme, DashboardBuilder.aSalesDashboard().withSlug("other"));
        String otherDashboards = token(other, List.of(), List.of(), Map.of());
        h.clock().advance(Duration.ofSeconds(1));

        h.embedKeys().refuseTokensIssuedBefore(owner, sales.id(), Optional.empty());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().execute(before, Map.of()));
        assertThat(h.embeds().info(otherDashboards)).isNotNull();
        h.clock().advance(Duration.ofSeconds(1));
        assertThat(h.embeds().info(token(sales, List.of(), List.of(), Map.of()))).isNotNull();
    }

    @Test
    void rotation_keeps_old_tokens_until_their_key_is_retired() {
        CreatedEmbedKey first = h.embedKeys().create(owner);
        String old = token(sales, List.of(), List.of(), Map.of());
        h.clock().advance(Duration.ofMinutes(1));
        h.embedKeys().create(owner);
        String fresh = token(sales, List.of(), List.of(), Map.of());

        assertThat(h.embeds().info(old)).isNotNull();
        assertThat(h.embeds().info(fresh)).isNotNull();

        h.embedKeys().retire(owner, first.key().id());

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().info(old));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().execute(old, Map.of()));
        assertThat(h.embeds().info(fresh)).isNotNull();
    }

    @Test
    void an_opened_token_carries_the_companys_origins_and_a_bad_token_opens_nothing() {
        h.companies().setEmbedOrigins(owner, List.of(new EmbedOrigin("https://app.customer.example"),
                new EmbedOrigin("https://admin.customer.example:8443")));
        String token = token(sales, List.of(), List.of(), Map.of());

        assertThat(h.embeds().open(token).company().embedOrigins()).extracting(EmbedOrigin::value)
                .containsExactly("https://app.customer.example", "https://admin.customer.example:8443");
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().open("garbage"));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.embeds().open(null));
    }

    @Test
    void embed_results_are_cached_like_shared_ones_and_keyed_by_the_fixed_values() {
        String north = token(sales, List.of(), List.of(), Map.of("region", str("north")));
        String south = token(sales, List.of(), List.of(), Map.of("region", str("south")));

        h.embeds().execute(north, Map.of());
        h.embeds().execute(north, Map.of());
        h.embeds().execute(south, Map.of());

        assertThat(h.executor().statementsContaining(REVENUE_SQL)).hasSize(2);
        assertThat(h.executor().boundValues(REVENUE_SQL).get(4)).isEqualTo("south");
    }
}
