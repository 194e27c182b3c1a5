package io.dashshare.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.PolicyMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A share's stored policies, {@code [{"filter_slug","filter_kind","mode","allowed_values","value"}]}. */
final class StoredPolicies {

    private StoredPolicies() {
    }

    static JsonNode write(JsonNodeFactory json, List<FilterPolicy> policies) {
        ArrayNode out = json.arrayNode();
        for (FilterPolicy policy : policies) {
            ObjectNode node = out.addObject();
            node.put("filter_slug", policy.filterSlug().value());
            node.put("filter_kind", policy.filterKind().wire());
            node.put("mode", policy.mode().wire());
            if (!policy.allowedValues().isEmpty()) {
                ArrayNode allowed = node.putArray("allowed_values");
                policy.allowedValues().forEach(v -> allowed.add(StoredJson.node(json, v.toRaw())));
            }
            policy.value().ifPresent(v -> node.set("value", StoredJson.node(json, v.toRaw())));
        }
        return out;
    }

    /**
     * A stored policy was checked against its dashboard when the owner wrote it, so it is rebuilt
     * as it stands; its values are typed again by the kind it was stored with.
     */
    static List<FilterPolicy> read(JsonNode stored) {
        if (!stored.isArray()) {
            throw new IllegalStateException("not a JSON array");
        }
        List<FilterPolicy> policies = new ArrayList<>();
        for (JsonNode node : stored) {
            FilterKind kind = FilterKind.fromWire(StoredJson.text(node, "filter_kind")).orElseThrow();
            List<FilterValue> allowed = new ArrayList<>();
            for (JsonNode item : StoredJson.array(node, "allowed_values")) {
                allowed.add(kind.parseElement(StoredJson.raw(item)));
            }
            JsonNode value = node.get("value");
            Optional<FilterValue> fixed = value == null || value.isNull() ? Optional.empty()
                    : Optional.of(kind.parse(StoredJson.raw(value)));
            policies.add(new FilterPolicy(new FilterSlug(StoredJson.text(node, "filter_slug")), kind,
                    PolicyMode.fromWire(StoredJson.text(node, "mode")).orElseThrow(), allowed, fixed));
        }
        return List.copyOf(policies);
    }
}
