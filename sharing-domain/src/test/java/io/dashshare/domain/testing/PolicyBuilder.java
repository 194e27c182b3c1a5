package io.dashshare.domain.testing;

import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import java.util.Arrays;
import java.util.List;

/** Test builder for share filter policies, checked against a filter as the API does. */
public final class PolicyBuilder {

    private PolicyBuilder() {
    }

    public static FilterPolicy selectable(FilterDefinition filter, String... allowed) {
        List<RawValue> values = Arrays.stream(allowed).map(v -> (RawValue) new RawValue.Str(v)).toList();
        return Policies.of(filter, filter.kind(), PolicyMode.SELECTABLE, values, null);
    }

    public static FilterPolicy fixed(FilterDefinition filter, RawValue value) {
        return Policies.of(filter, filter.kind(), PolicyMode.FIXED, List.of(), value);
    }

    public static FilterPolicy fixed(FilterDefinition filter, String value) {
        return fixed(filter, new RawValue.Str(value));
    }

    /** A fixed multi_select value (or any kind's value given as a JSON array). */
    public static FilterPolicy fixedList(FilterDefinition filter, String... values) {
        return fixed(filter, new RawValue.Arr(Arrays.stream(values).map(v -> (RawValue) new RawValue.Str(v)).toList()));
    }

    public static FilterPolicy disabled(FilterDefinition filter) {
        return Policies.of(filter, filter.kind(), PolicyMode.DISABLED, List.of(), null);
    }

    /** The access rules of a share holding these policies. */
    public static AccessRules.SharePolicies sharing(FilterPolicy... policies) {
        return AccessRules.SharePolicies.of(List.of(policies));
    }
}
