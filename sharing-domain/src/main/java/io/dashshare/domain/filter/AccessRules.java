package io.dashshare.domain.filter;

import io.dashshare.domain.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The restrictions one flow puts on a dashboard's filters. */
public sealed interface AccessRules {

    /** The rule for one filter of the dashboard. */
    FilterRule ruleFor(FilterDefinition filter);

    /** Whether the viewer must send a value for this filter (embed {@code required_params}). */
    default boolean mustBeSent(FilterDefinition filter) {
        return false;
    }

    /** A refusal of every request under these rules, whatever the filters. */
    default Optional<Rejection> refusal() {
        return Optional.empty();
    }

    /** Rules that cannot be applied at all: every request is refused with {@code rejection}. */
    record Refusing(Rejection rejection) implements AccessRules {
        @Override
        public FilterRule ruleFor(FilterDefinition filter) {
            return new FilterRule.Refused(rejection);
        }

        @Override
        public Optional<Rejection> refusal() {
            return Optional.of(rejection);
        }
    }

    /** The owner's preview: no restriction beyond the dashboard's own. */
    record Unrestricted() implements AccessRules {
        @Override
        public FilterRule ruleFor(FilterDefinition filter) {
            return FilterRule.FREE;
        }
    }

    AccessRules UNRESTRICTED = new Unrestricted();

    /** A share's filter policies, keyed by filter slug. */
    record SharePolicies(Map<FilterSlug, FilterPolicy> policies) implements AccessRules {
        public SharePolicies {
            policies = Map.copyOf(policies);
        }

        public static SharePolicies of(List<FilterPolicy> policies) {
            Map<FilterSlug, FilterPolicy> bySlug = new LinkedHashMap<>();
            policies.forEach(p -> bySlug.put(p.filterSlug(), p));
            return new SharePolicies(bySlug);
        }

        @Override
        public FilterRule ruleFor(FilterDefinition filter) {
            FilterPolicy policy = policies.get(filter.slug());
            if (policy == null) {
                return FilterRule.FREE;
            }
            if (policy.filterKind() != filter.kind()) {
                // The dashboard changed under the share: refuse rather than guess a narrower rule.
                return new FilterRule.Refused(Rejection.of(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                        "The share's policy for this filter no longer matches the dashboard.",
                        filter.slug().value(), "policy_out_of_date"));
            }
            return switch (policy.mode()) {
                case SELECTABLE -> new FilterRule.Selectable(
                        policy.allowedValues().stream().map(v -> v.elements().get(0)).toList());
                case FIXED -> new FilterRule.Fixed(policy.value().orElseThrow(), true);
                case DISABLED -> FilterRule.DISABLED;
            };
        }
    }

    /**
     * An embed token's params. Slugs outside {@code allowed} are disabled unless fixed; fixed
     * values always win.
     */
    record EmbedParams(Set<FilterSlug> allowed, Set<FilterSlug> required, Map<FilterSlug, FilterValue> fixed)
            implements AccessRules {
        public EmbedParams {
            allowed = Set.copyOf(allowed);
            required = Set.copyOf(required);
            fixed = Map.copyOf(fixed);
        }

        @Override
        public FilterRule ruleFor(FilterDefinition filter) {
            FilterValue fixedValue = fixed.get(filter.slug());
            if (fixedValue != null) {
                if (!filter.kind().accepts(fixedValue)) {
                    return new FilterRule.Refused(Rejection.of(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                            "The token's fixed value does not fit this filter.", filter.slug().value(),
                            "fixed_param_invalid"));
                }
                return new FilterRule.Fixed(fixedValue, allowed.contains(filter.slug()));
            }
            return allowed.contains(filter.slug()) ? FilterRule.FREE : FilterRule.DISABLED;
        }

        @Override
        public boolean mustBeSent(FilterDefinition filter) {
            return required.contains(filter.slug()) && !fixed.containsKey(filter.slug());
        }
    }
}
