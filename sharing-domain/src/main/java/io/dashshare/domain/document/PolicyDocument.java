package io.dashshare.domain.document;

import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.FilterValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A filter policy as the guide writes it: {@code {filter_slug, filter_kind, mode, allowed_values, value}}. */
public final class PolicyDocument {

    private PolicyDocument() {
    }

    public static Map<String, Object> write(FilterPolicy policy) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("filter_slug", policy.filterSlug().value());
        node.put("filter_kind", policy.filterKind().wire());
        node.put("mode", policy.mode().wire());
        if (!policy.allowedValues().isEmpty()) {
            List<Object> allowed = new ArrayList<>();
            for (FilterValue value : policy.allowedValues()) {
                allowed.add(Tree.fromRaw(value.toRaw()));
            }
            node.put("allowed_values", allowed);
        }
        policy.value().ifPresent(v -> node.put("value", Tree.fromRaw(v.toRaw())));
        return node;
    }

    public static List<Object> writeAll(List<FilterPolicy> policies) {
        List<Object> out = new ArrayList<>();
        policies.forEach(p -> out.add(write(p)));
        return out;
    }
}
