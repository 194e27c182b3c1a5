package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Optional;

/**
 * One {@code share_filter_policies} entry as the integration guide writes it:
 * {@code {filter_slug, filter_kind, mode, allowed_values, value}} (docs/filters.md, share policies).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PolicyDoc(String filterSlug, Optional<String> filterKind, String mode,
                        Optional<List<RawValue>> allowedValues, Optional<RawValue> value) {

    PolicyDraft toDraft() {
        FilterSlug slug = InvalidValueException.named("filter_slug", () -> new FilterSlug(filterSlug));
        Optional<FilterKind> kind = filterKind.map(k -> FilterKind.fromWire(k).orElseThrow(() ->
                new InvalidValueException("filter_kind", "unknown filter_kind '" + k + "'")));
        PolicyMode policyMode = PolicyMode.fromWire(mode).orElseThrow(() ->
                new InvalidValueException("mode", "must be selectable, fixed or disabled"));
        return new PolicyDraft(slug, kind, policyMode, allowedValues.orElse(List.of()), value);
    }

    static List<PolicyDraft> drafts(List<PolicyDoc> docs) {
        List<PolicyDraft> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            PolicyDoc doc = docs.get(i);
            drafts.add(InvalidValueException.under("share_filter_policies[" + i + "]", doc::toDraft));
        }
        return drafts;
    }

    static PolicyDoc from(FilterPolicy policy) {
        return new PolicyDoc(policy.filterSlug().value(), Optional.of(policy.filterKind().wire()), policy.mode().wire(),
                policy.allowedValues().isEmpty() ? Optional.empty()
                        : Optional.of(policy.allowedValues().stream().map(FilterValue::toRaw).toList()),
                policy.value().map(FilterValue::toRaw));
    }
}
