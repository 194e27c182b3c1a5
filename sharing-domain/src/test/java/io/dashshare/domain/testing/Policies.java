package io.dashshare.domain.testing;

import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.PolicyDraft;
import io.dashshare.domain.filter.PolicyMode;
import io.dashshare.domain.filter.RawValue;
import java.util.List;
import java.util.Optional;

/** A policy from raw parts, as an owner's draft of it would give. */
public final class Policies {

    private Policies() {
    }

    public static FilterPolicy of(FilterDefinition filter, FilterKind kind, PolicyMode mode, List<RawValue> allowed,
                                  RawValue value) {
        return FilterPolicy.of(filter, new PolicyDraft(filter.slug(), Optional.ofNullable(kind), mode, allowed,
                Optional.ofNullable(value)));
    }
}
