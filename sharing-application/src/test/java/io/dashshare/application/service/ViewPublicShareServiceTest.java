package io.dashshare.application.service;

import io.dashshare.domain.share.ShareType;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.Values.arr;
import static io.dashshare.application.testing.Values.disabled;
import static io.dashshare.application.testing.Values.fixed;
import static io.dashshare.application.testing.Values.params;
import static io.dashshare.application.testing.Values.selectable;
import static io.dashshare.application.testing.Values.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.NewShare;
import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.ShareChanges;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Visualization;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.OptionsSource;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.filter.ViewerFilter;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.FilterBuilder;
import io.dashshare.domain.tenant.Company;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewPublicShareServiceTest {

    private static final String REVENUE_SQL = "sum(amount) as revenue";
    private static final String CUSTOMERS_SQL = "customer as name";
    private static final String STATUS_OPTIONS_SQL = "distinct status";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.dashboard(acme, DashboardBuilder.aSalesDashboard()
                .withFilter(FilterBuilder.aTextFilter("customer"))
                .withWidget("top_customers", Visualization.TABLE,
                        "select customer as name from demo.orders where (:customer::text is null or customer = :customer)"
                                + " and (:region::text is null or region = :region)"));
    }

    private String share(io.dashshare.domain.filter.PolicyDraft... policies) {
        return h.publicShare(owner, sales, policies).token();
    }

    @Nested
    class Tokens {

        @Test
        void unknown_revoked_expired_and_rotated_tokens_are_the_same_token_invalid() {
            CreatedShare revoked = h.publicShare(owner, sales);
            h.shares().revoke(owner, revoked.share().id());
            CreatedShare expiring = h.shares().create(owner, sales.id(), new NewShare("Soon gone", ShareType.LINK,
                    Optional.empty(), List.of(), Optional.of(h.clock().instant().plusSeconds(60))));
            CreatedShare rotated = h.publicShare(owner, sales);
            CreatedShare fresh = h.shares().rotateToken(owner, rotated.share().id());
            h.clock().advance(Duration.ofSeconds(60));

            List<SharingException> failures = new ArrayList<>();
            for (String token : List.of(revoked.token(), expiring.token(), rotated.token(), "A".repeat(43),
                    "not-a-token", "", "' OR '1'='1", "A".repeat(10_000))) {
                failures.add(failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(token)));
                failures.add(failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().execute(token, Map.of())));
                failures.add(failsWith(ErrorCode.TOKEN_INVALID,
                        () -> h.publicShares().options(token, "status", null)));
            }
            failures.add(failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(null)));

            assertThat(failures).extracting(SharingException::getMessage).containsOnly(failures.get(0).getMessage());
            assertThat(failures).allSatisfy(f -> assertThat(f.details()).isEmpty());
            assertThat(h.publicShares().resolve(fresh.token()).dashboard().id()).isEqualTo(sales.id());
            assertThat(h.executor().count()).isZero();
        }

        @Test
        void a_share_bound_to_a_context_requires_portal_login_naming_the_company() {
            ShareContext customers = h.context(owner, "Customers");
            String token = h.portalShare(owner, sales, customers).token();

            List<ThrowingCallable> calls = List.of(() -> h.publicShares().resolve(token),
                    () -> h.publicShares().execute(token, Map.of()),
                    () -> h.publicShares().options(token, "status", null));
            for (ThrowingCallable call : calls) {
                SharingException e = failsWith(ErrorCode.AUTH_REQUIRED, call);
                assertThat(e.details()).containsExactly(Map.entry("company_slug", "acme"));
            }
            assertThat(h.executor().count()).isZero();
        }

        @Test
        void a_revoked_context_bound_share_is_token_invalid_not_auth_required() {
            ShareContext customers = h.context(owner, "Customers");
            CreatedShare bound = h.portalShare(owner, sales, customers);
            h.shares().revoke(owner, bound.share().id());

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(bound.token()));
        }

        @Test
        void a_deleted_dashboard_takes_its_links_with_it() {
            String token = share();
            h.dashboards().delete(owner, sales.id());

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().execute(token, Map.of()));
        }
    }

    @Nested
    class Policies {

        private String token;

        @BeforeEach
        void shareWithEveryKindOfPolicy() {
            token = share(selectable("status", "multi_select", "Active", "Pending"),
                    selectable("region", "select", "south", "north"),
                    fixed("period_start", "date", str("2025-06-01")),
                    disabled("period_end", "date"));
        }

        private List<Object> revenueBoundWith(Map<String, RawValue> parameters) {
            h.publicShares().execute(token, parameters);
            return h.executor().boundValues(REVENUE_SQL);
        }

        @Test
        void omitted_values_take_the_policy_never_nothing() {
            assertThat(revenueBoundWith(Map.of())).containsExactly(LocalDate.parse("2025-06-01"),
                    LocalDate.parse("2025-12-31"), List.of("Active", "Pending"), List.of("Active", "Pending"), "south",
                    "south");
        }

        @Test
        void null_empty_string_and_empty_array_never_widen_a_policy() {
            for (RawValue blank : List.of(RawValue.NULL, str(""), arr())) {
                List<Object> bound = revenueBoundWith(params("status", blank, "region", blank, "period_start", blank));
                assertThat(bound).as("sent %s", blank).containsExactly(LocalDate.parse("2025-06-01"),
                        LocalDate.parse("2025-12-31"), List.of("Active", "Pending"), List.of("Active", "Pending"),
                        "south", "south");
            }
        }

        @Test
        void selectable_takes_allowed_values_and_refuses_others() {
            assertThat(revenueBoundWith(params("status", arr("Pending"), "region", str("north"))))
                    .containsSubsequence(List.of("Pending"), "north");

            for (RawValue outside : List.of(arr("Closed"), arr("Active", "Closed"), str("%"), arr("active"),
                    str("Active' OR '1'='1"))) {
                failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                        () -> h.publicShares().execute(token, params("status", outside)));
            }
            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.publicShares().execute(token, params("region", str("east"))));
        }

        @Test
        void oddly_typed_values_are_invalid_parameter_never_unrestricted() {
            int ran = h.executor().count();
            for (RawValue odd : List.of(new RawValue.Obj(), new RawValue.Num(BigDecimal.ONE), new RawValue.Bool(true),
                    new RawValue.Arr(List.of(arr("Active"))), new RawValue.Arr(List.of(RawValue.NULL)))) {
                failsWith(ErrorCode.INVALID_PARAMETER, () -> h.publicShares().execute(token, params("status", odd)));
            }
            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.publicShares().execute(token, params("region", arr("north"))));
            assertThat(h.executor().count()).isEqualTo(ran);
        }

        @Test
        void a_fixed_value_may_be_repeated_but_not_changed() {
            assertThat(revenueBoundWith(params("period_start", str("2025-06-01"))).get(0))
                    .isEqualTo(LocalDate.parse("2025-06-01"));

            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.publicShares().execute(token, params("period_start", str("2020-01-01"))));
            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.publicShares().execute(token, params("period_start", str("2025-02-30"))));
        }

        @Test
        void a_disabled_filter_cannot_be_sent_and_keeps_its_default() {
            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY,
                    () -> h.publicShares().execute(token, params("period_end", str("2030-01-01"))));
            SharingException e = failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY,
                    () -> h.publicShares().execute(token, params("period_end", RawValue.NULL)));
            assertThat(e.details()).containsEntry("filter_slug", "period_end");

            assertThat(revenueBoundWith(Map.of()).get(1)).isEqualTo(LocalDate.parse("2025-12-31"));
        }

        @Test
        void a_slug_that_is_no_filter_is_a_policy_violation() {
            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.publicShares().execute(token, params("amount", str("1"))));
            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                    () -> h.publicShares().execute(token, params("search", str("x"))));
        }

        @Test
        void resolve_lists_the_usable_filters_and_hides_disabled_ones() {
            SharedDashboard resolved = h.publicShares().resolve(token);

            assertThat(resolved.filters()).extracting(f -> f.definition().slug().value())
                    .containsExactly("period_start", "status", "region", "customer");
            ViewerFilter periodStart = resolved.filters().get(0);
            assertThat(periodStart.mode()).isEqualTo(ViewerFilter.ViewerMode.FIXED);
            assertThat(periodStart.effectiveDefault()).hasValueSatisfying(v ->
                    assertThat(v.elements()).containsExactly("2025-06-01"));
            ViewerFilter region = resolved.filters().get(2);
            assertThat(region.mode()).isEqualTo(ViewerFilter.ViewerMode.SELECTABLE);
            assertThat(region.allowedValues()).extracting(FilterOption::value).containsExactly("south", "north");
            assertThat(resolved.company().slug().value()).isEqualTo("acme");
        }

        @Test
        void options_follow_the_policies() {
            OptionsAnswer status = h.publicShares().options(token, "status", null);
            assertThat(status.source()).isEqualTo(OptionsSource.POLICY);
            assertThat(status.options()).extracting(FilterOption::value).containsExactly("Active", "Pending");

            OptionsAnswer region = h.publicShares().options(token, "region", "NOR");
            assertThat(region.source()).isEqualTo(OptionsSource.POLICY);
            assertThat(region.options()).containsExactly(new FilterOption("North", "north"));

            OptionsAnswer periodStart = h.publicShares().options(token, "period_start", null);
            assertThat(periodStart.options()).extracting(FilterOption::value).containsExactly("2025-06-01");

            failsWith(ErrorCode.FILTER_DISABLED_BY_POLICY, () -> h.publicShares().options(token, "period_end", null));
            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.publicShares().options(token, "nope", null));
            assertThat(h.executor().count()).as("policy options never run the filter SQL").isZero();
        }

        @Test
        void a_dashboard_edit_that_changes_a_filters_kind_refuses_rather_than_drops_the_policy() {
            h.dashboards().update(owner, sales.id(), DashboardBuilder.aDashboard()
                    .withFilter(FilterBuilder.aTextFilter("status"))
                    .withWidget("revenue", Visualization.NUMBER, "select 1 where :status::text is not null")
                    .definition());

            failsWith(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, () -> h.publicShares().execute(token, Map.of()));
            assertThat(h.executor().count()).isZero();
        }
    }

    @Nested
    class Injection {

        @Test
        void hostile_values_are_bound_literally_and_never_change_the_sql() {
            String token = share();
            h.publicShares().execute(token, Map.of());
            String sqlWithoutValues = h.executor().lastContaining(CUSTOMERS_SQL).sql();
            List<String> hostile = List.of("' OR '1'='1", "1);DROP TABLE t;--", "$$", "\\'", "'||pg_sleep(5)||'",
                    "Robert'); --", ":region", "?", "%");

            for (String value : hostile) {
                h.publicShares().execute(token, params("customer", str(value), "status", arr(value)));
                assertThat(h.executor().lastContaining(CUSTOMERS_SQL).sql()).isEqualTo(sqlWithoutValues);
                assertThat(h.executor().boundValues(CUSTOMERS_SQL)).containsExactly(value, value, null, null);
                assertThat(h.executor().boundValues(REVENUE_SQL).get(2)).isEqualTo(List.of(value));
            }
        }

        @Test
        void nul_and_other_control_characters_are_invalid_parameter() {
            String token = share();

            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.publicShares().execute(token, params("customer", str("a\u0000b"))));
            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.publicShares().execute(token, params("status", arr("\u001b[31m"))));
            assertThat(h.executor().count()).isZero();
        }

        @Test
        void a_value_outside_a_static_select_is_invalid_parameter() {
            failsWith(ErrorCode.INVALID_PARAMETER,
                    () -> h.publicShares().execute(share(), params("region", str("' OR '1'='1"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"%", "_", "\\", "50%_off\\"})
        void search_is_like_escaped(String search) {
            h.executor().answerOptions(STATUS_OPTIONS_SQL, "Active");

            h.publicShares().options(share(), "status", search);

            String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            assertThat(h.executor().boundValues(STATUS_OPTIONS_SQL)).containsExactly(escaped, escaped);
        }

        @Test
        void an_empty_search_binds_null() {
            h.executor().answerOptions(STATUS_OPTIONS_SQL, "Active");

            h.publicShares().options(share(), "status", "");

            assertThat(h.executor().boundValues(STATUS_OPTIONS_SQL)).containsExactly(null, null);
        }

        @Test
        void search_is_capped_at_two_hundred_characters() {
            String token = share();
            h.executor().answerOptions(STATUS_OPTIONS_SQL, "Active");
            h.publicShares().options(token, "status", "a".repeat(200));

            for (String tooLong : List.of("a".repeat(201), "%".repeat(10_240))) {
                SharingException e = failsWith(ErrorCode.INVALID_PARAMETER,
                        () -> h.publicShares().options(token, "status", tooLong));
                assertThat(e.details()).containsEntry("parameter", "search");
            }
            failsWith(ErrorCode.INVALID_PARAMETER, () -> h.publicShares().options(token, "status", "a\u0000"));
            assertThat(h.executor().count()).isEqualTo(1);
        }

        @Test
        void dynamic_options_answer_rows_as_value_and_label_and_drop_blank_or_repeated_ones() {
            h.executor().answerOptions(STATUS_OPTIONS_SQL, "Active", "Active", " ", "Pending");

            OptionsAnswer answer = h.publicShares().options(share(), "status", null);

            assertThat(answer.source()).isEqualTo(OptionsSource.DYNAMIC);
            assertThat(answer.filterSlug()).isEqualTo("status");
            assertThat(answer.options()).extracting(FilterOption::value).containsExactly("Active", "Pending");
        }
    }

    @Nested
    class Failures {

        @Test
        void failing_dynamic_options_are_db_query_error_without_sql_or_database_text() {
            h.executor().fail(STATUS_OPTIONS_SQL, QueryFailedException.Reason.REJECTED);

            SharingException e = failsWith(ErrorCode.DB_QUERY_ERROR,
                    () -> h.publicShares().options(share(), "status", "x"));

            assertThat(e.getMessage()).doesNotContainIgnoringCase("select").doesNotContain("secret_table")
                    .doesNotContain("demo.").doesNotContain("ERROR");
            assertThat(e.details().toString()).doesNotContain("secret_table").doesNotContainIgnoringCase("select");
        }

        @Test
        void a_failing_widget_carries_its_own_error_and_the_others_still_return() {
            h.executor().fail(CUSTOMERS_SQL, QueryFailedException.Reason.TIMEOUT);

            DashboardResult result = h.publicShares().execute(share(), Map.of());

            WidgetResult revenue = widget(result, "revenue");
            WidgetResult customers = widget(result, "top_customers");
            assertThat(revenue.error()).isEmpty();
            assertThat(revenue.result()).isPresent();
            assertThat(customers.error()).contains(ErrorCode.DB_QUERY_ERROR);
            assertThat(customers.result()).isEmpty();
        }

        @Test
        void a_widget_refused_for_load_makes_the_execution_RATE_LIMITED_with_a_retry_after() {
            h.executor().fail(CUSTOMERS_SQL, QueryFailedException.Reason.TOO_BUSY);
            String token = share();

            assertThatThrownBy(() -> h.publicShares().execute(token, Map.of()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(e.retryAfter()).isPositive();
                    });
        }

        @Test
        void a_failed_widget_is_not_cached() {
            String token = share();
            h.executor().fail(CUSTOMERS_SQL, QueryFailedException.Reason.UNAVAILABLE);
            h.publicShares().execute(token, Map.of());
            int ran = h.executor().count();

            h.publicShares().execute(token, Map.of());

            assertThat(h.executor().statementsContaining(CUSTOMERS_SQL)).hasSize(2);
            assertThat(h.executor().count()).isEqualTo(ran + 1);
        }
    }

    @Nested
    class ResultCache {

        @Test
        void a_second_identical_execute_is_served_from_the_cache() {
            String token = share();
            DashboardResult first = h.publicShares().execute(token, params("customer", str("ACME")));
            int ran = h.executor().count();

            DashboardResult second = h.publicShares().execute(token, params("customer", str("ACME")));

            assertThat(h.executor().count()).isEqualTo(ran);
            assertThat(second.widgets()).extracting(WidgetResult::result)
                    .isEqualTo(first.widgets().stream().map(WidgetResult::result).toList());
        }

        @Test
        void other_viewer_values_are_other_entries() {
            String token = share();
            h.publicShares().execute(token, params("customer", str("ACME")));
            int ran = h.executor().count();

            h.publicShares().execute(token, params("customer", str("Globex")));

            assertThat(h.executor().count()).as("both widgets run again").isEqualTo(ran + 2);
            assertThat(h.executor().boundValues(CUSTOMERS_SQL).get(0)).isEqualTo("Globex");
        }

        @Test
        void two_shares_with_different_policies_never_share_a_result() {
            String north = share(fixed("region", "select", str("north")));
            String south = share(fixed("region", "select", str("south")));
            String narrow = share(selectable("status", "multi_select", "Active"));
            String wide = share(selectable("status", "multi_select", "Active", "Pending"));

            DashboardResult northResult = h.publicShares().execute(north, Map.of());
            DashboardResult southResult = h.publicShares().execute(south, Map.of());
            h.publicShares().execute(narrow, Map.of());
            h.publicShares().execute(wide, Map.of());

            assertThat(h.executor().statementsContaining(REVENUE_SQL)).hasSize(4);
            assertThat(rows(northResult, "revenue")).isNotEqualTo(rows(southResult, "revenue"));
            assertThat(h.executor().boundValues(REVENUE_SQL).get(2)).isEqualTo(List.of("Active", "Pending"));
        }

        @Test
        void the_same_dashboard_of_another_company_never_shares_a_result() {
            h.publicShares().execute(share(), Map.of());
            Company globex = h.company("globex");
            OwnerPrincipal globexOwner = h.ownerOf(globex);
            Dashboard theirs = h.salesDashboard(globex);
            int ran = h.executor().count();

            h.publicShares().execute(h.publicShare(globexOwner, theirs).token(), Map.of());

            assertThat(h.executor().count()).isGreaterThan(ran);
        }

        @Test
        void a_dashboard_edit_misses_the_cache() {
            String token = share();
            h.publicShares().execute(token, Map.of());
            int ran = h.executor().count();

            h.dashboards().update(owner, sales.id(), sales.definition());
            h.publicShares().execute(token, Map.of());

            assertThat(h.executor().count()).isEqualTo(ran + 2);
        }

        @Test
        void cached_results_expire_after_the_ttl() {
            String token = share();
            h.publicShares().execute(token, Map.of());
            int ran = h.executor().count();

            h.clock().advance(Duration.ofSeconds(30));
            h.publicShares().execute(token, Map.of());

            assertThat(h.executor().count()).isEqualTo(ran + 2);
        }

        @Test
        void a_policy_change_takes_effect_at_once_despite_the_cache() {
            CreatedShare created = h.publicShare(owner, sales, fixed("region", "select", str("north")));
            h.publicShares().execute(created.token(), Map.of());

            h.shares().update(owner, created.share().id(), new ShareChanges(Optional.empty(),
                    Optional.of(List.of(fixed("region", "select", str("south")))), Optional.empty()));
            h.publicShares().execute(created.token(), Map.of());

            assertThat(h.executor().boundValues(REVENUE_SQL).get(4)).isEqualTo("south");
        }

        @Test
        void dynamic_options_are_cached_per_search_term() {
            String token = share();
            h.executor().answerOptions(STATUS_OPTIONS_SQL, "Active");
            h.publicShares().options(token, "status", "a");
            h.publicShares().options(token, "status", "a");
            h.publicShares().options(token, "status", "b");

            assertThat(h.executor().statementsContaining(STATUS_OPTIONS_SQL)).hasSize(2);
        }
    }

    private static WidgetResult widget(DashboardResult result, String slug) {
        return result.widgets().stream().filter(w -> w.widget().slug().value().equals(slug)).findFirst().orElseThrow();
    }

    private static List<List<Object>> rows(DashboardResult result, String slug) {
        return widget(result, slug).result().orElseThrow().rows();
    }
}
