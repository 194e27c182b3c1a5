package io.dashshare.domain.dashboard;

import static io.dashshare.domain.testing.DashboardBuilder.aSalesDashboard;
import static io.dashshare.domain.testing.FilterBuilder.aMultiSelect;
import static io.dashshare.domain.testing.FilterBuilder.aSelect;
import static io.dashshare.domain.testing.FilterBuilder.aTextFilter;
import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.testing.DashboardBuilder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nothing a viewer sends can reach SQL except through a declared filter (docs/filters.md). */
class DashboardDefinitionTest {

    @Test
    void the_demo_dashboard_is_valid() {
        DashboardDefinition sales = aSalesDashboard().definition();

        assertThat(sales.filters()).extracting(f -> f.slug().value())
                .containsExactly("period_start", "period_end", "status", "region");
        assertThat(sales.widget("revenue")).isPresent();
        assertThat(sales.filter("region")).isPresent();
        assertThat(sales.filter("nope")).isEmpty();
    }

    @Test
    void a_duplicate_filter_slug_is_refused_naming_the_second_one() {
        assertRefused(() -> aSalesDashboard().withFilter(aTextFilter("region")).definition())
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "filters[4].slug");
    }

    @Test
    void a_duplicate_widget_slug_is_refused_naming_the_second_one() {
        assertRefused(() -> aSalesDashboard().withWidget("revenue", Visualization.TABLE, "select 1").definition())
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "widgets[1].slug");
    }

    @Test
    void an_unknown_parameter_in_widget_sql_is_refused_naming_the_widget() {
        assertRefused(() -> aSalesDashboard()
                .withWidget("by_country", Visualization.BAR, "select * from demo.orders where country = :country")
                .definition())
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "widgets[1].sql");
    }

    @Test
    void search_is_not_a_parameter_of_widget_sql() {
        assertRefused(() -> aSalesDashboard()
                .withWidget("find", Visualization.TABLE, "select * from demo.orders where customer ilike :search")
                .definition())
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "widgets[1].sql");
    }

    @Test
    void an_unknown_parameter_in_option_sql_is_refused_naming_the_filter() {
        assertRefused(() -> aSalesDashboard()
                .withFilter(aSelect("customer").withDynamicOptions("select name as value from demo.c where x = :tenant"))
                .definition())
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "filters[4].options.sql");
    }

    @Test
    void option_sql_may_use_search_and_the_other_filters() {
        DashboardDefinition definition = aSalesDashboard()
                .withFilter(aMultiSelect("customer").withDynamicOptions(
                        "select name as value from demo.orders where (:search::text is null or name ilike :search)"
                                + " and order_date >= :period_start and (:region::text is null or region = :region)"))
                .definition();

        assertThat(definition.filter("customer")).isPresent();
    }

    @Test
    void option_sql_may_use_a_filter_declared_after_it() {
        DashboardDefinition definition = DashboardBuilder.aDashboard()
                .withFilter(aSelect("city").withDynamicOptions("select c as value from t where country = :country"))
                .withFilter(aSelect("country").withStaticOptions("fr", "de"))
                .definition();

        assertThat(definition.filters()).hasSize(2);
    }

    @Test
    void a_parameter_inside_a_literal_or_comment_is_no_parameter() {
        DashboardDefinition definition = aSalesDashboard()
                .withWidget("notes", Visualization.TABLE, "select ':country' as x -- :tenant\n from demo.orders")
                .definition();

        assertThat(definition.widgets()).hasSize(2);
    }

    @Test
    void at_most_50_filters_are_accepted() {
        DashboardBuilder builder = DashboardBuilder.aDashboard();
        IntStream.range(0, DashboardDefinition.MAX_FILTERS + 1).forEach(i -> builder.withFilter(aTextFilter("f" + i)));

        assertRefused(builder::definition).hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "filters");
    }

    @Test
    void at_most_50_widgets_are_accepted() {
        DashboardBuilder builder = DashboardBuilder.aDashboard();
        IntStream.range(0, DashboardDefinition.MAX_WIDGETS + 1)
                .forEach(i -> builder.withWidget("w" + i, Visualization.NUMBER, "select 1"));

        assertRefused(builder::definition).hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "widgets");
    }

    @Test
    void a_blank_name_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aSalesDashboard().withName(" ").definition());
    }

    @Test
    void slugs_and_data_source_names_have_one_shape() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new DashboardSlug("Sales"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new DashboardSlug("-sales"));
        assertThat(new DashboardSlug("sales-overview").value()).isEqualTo("sales-overview");
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new DataSourceName("demo-2"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> new WidgetSlug("Revenue"));
    }
}
