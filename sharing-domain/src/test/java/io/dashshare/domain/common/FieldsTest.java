package io.dashshare.domain.common;

import static io.dashshare.domain.testing.DashboardBuilder.aSalesDashboard;
import static io.dashshare.domain.testing.FilterBuilder.aTextFilter;
import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterSlug;
import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void an_illegal_argument_becomes_INVALID_REQUEST_naming_the_field() {
        assertRefused(() -> Fields.at("filters[1].slug", () -> new FilterSlug("Bad Slug")))
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "filters[1].slug");
    }

    @Test
    void a_nested_field_is_qualified_by_the_outer_one() {
        assertRefused(() -> Fields.at("dashboard", () -> aSalesDashboard().withFilter(aTextFilter("region")).definition()))
                .hasCode(ErrorCode.INVALID_REQUEST).hasDetails("field", "dashboard.filters[4].slug");
        assertRefused(() -> Fields.at("items", () -> {
            throw SharingException.invalidRequest("[2].name", "[2].name: blank");
        })).hasDetails("field", "items[2].name");
    }

    @Test
    void other_refusals_pass_through_unchanged() {
        assertRefused(() -> Fields.at("x", () -> {
            throw SharingException.tokenInvalid();
        })).hasCode(ErrorCode.TOKEN_INVALID).hasDetails();
    }

    @Test
    void a_valid_value_is_returned() {
        assertThat(Fields.at("slug", () -> new FilterSlug("region"))).isEqualTo(new FilterSlug("region"));
    }
}
