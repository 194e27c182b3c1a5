package io.dashshare.domain.filter;

import static io.dashshare.domain.testing.SharingExceptionAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a §6 table: under these rules, when the viewer sends these values, the effective
 * value of one filter is this (or unset), or the request is refused with this code and details.
 * Its {@code toString} is the behaviour, so it names the parameterized test.
 */
record ResolveCase(String behaviour, List<FilterDefinition> filters, AccessRules rules,
                   Map<String, RawValue> viewer, String slug, Optional<FilterValue> expected,
                   ErrorCode refusal, Map<String, Object> details) {

    static Builder when(String behaviour) {
        return new Builder(behaviour);
    }

    void check() {
        if (refusal != null) {
            assertRefused(() -> FilterResolver.resolve(filters, rules, viewer).orElseThrow())
                    .hasCode(refusal)
                    .hasDetails(details);
        } else {
            EffectiveParameters parameters = FilterResolver.resolve(filters, rules, viewer).orElseThrow();
            assertThat(parameters.get(new FilterSlug(slug))).as("effective value of %s", slug).isEqualTo(expected);
        }
    }

    @Override
    public String toString() {
        return behaviour;
    }

    static final class Builder {
        private final String behaviour;
        private List<FilterDefinition> filters = Fixture.FILTERS;
        private AccessRules rules = AccessRules.UNRESTRICTED;
        private final Map<String, RawValue> viewer = new LinkedHashMap<>();

        private Builder(String behaviour) {
            this.behaviour = behaviour;
        }

        Builder on(List<FilterDefinition> value) {
            this.filters = value;
            return this;
        }

        Builder under(AccessRules value) {
            this.rules = value;
            return this;
        }

        /** {@code value} may be Java {@code null}: the key is present with no value at all. */
        Builder sends(String slug, RawValue value) {
            viewer.put(slug, value);
            return this;
        }

        ResolveCase gives(String slug, FilterValue value) {
            return new ResolveCase(behaviour, filters, rules, viewer, slug, Optional.of(value), null, Map.of());
        }

        ResolveCase leavesUnset(String slug) {
            return new ResolveCase(behaviour, filters, rules, viewer, slug, Optional.empty(), null, Map.of());
        }

        ResolveCase isRefused(ErrorCode code, Object... detailPairs) {
            Map<String, Object> details = new LinkedHashMap<>();
            for (int i = 0; i < detailPairs.length; i += 2) {
                details.put((String) detailPairs[i], detailPairs[i + 1]);
            }
            return new ResolveCase(behaviour, filters, rules, viewer, null, Optional.empty(), code, details);
        }
    }
}
