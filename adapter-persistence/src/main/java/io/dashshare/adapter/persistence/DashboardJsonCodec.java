package io.dashshare.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.document.DashboardDocument;
import io.dashshare.domain.document.PolicyDocument;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterPolicy;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.PolicyMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.JSONB;

/**
 * The JSON stored in {@code dashboards.definition} and {@code shares.policies}: the API's own
 * snake_case shapes (PRODUCT.md section 5), written and read by the domain's
 * {@link DashboardDocument} and {@link PolicyDocument} so that the wire and the table never
 * drift apart. Jackson only turns text into that tree and back (numbers stay exact decimals).
 * Stored JSON that no longer reads is a bug or a tampered row, never the caller's fault, so it
 * fails with {@link IllegalStateException} rather than a 400.
 */
public final class DashboardJsonCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Set<String> POLICY = Set.of("filter_slug", "filter_kind", "mode", "allowed_values", "value");

    /**
     * Stored JSON already read, by its exact text. Every viewer request loads its dashboard (and
     * share policies), and reading a definition (JSON, then every filter, option and widget SQL
     * template) cost more CPU than the rest of a resolve together. The same text always reads to the
     * same immutable value, so the memo can never serve stale data; it only skips re-reading.
     */
    private static final int MEMO_LIMIT = 1_024;
    private static final Map<List<String>, DashboardDefinition> DEFINITIONS = new ConcurrentHashMap<>();
    private static final Map<String, List<FilterPolicy>> POLICIES = new ConcurrentHashMap<>();

    private DashboardJsonCodec() {
    }

    private static <K, V> V remember(Map<K, V> memo, K key, V value) {
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(key, value);
        return value;
    }

    /** {@code {"filters": [...], "widgets": [...]}}; slug, name, description and data source have columns. */
    public static JSONB definitionBody(DashboardDefinition definition) {
        Map<String, Object> whole = DashboardDocument.write(definition);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filters", whole.get("filters"));
        body.put("widgets", whole.get("widgets"));
        return JSONB.jsonb(write(body));
    }

    public static DashboardDefinition definition(String slug, String name, String description, String dataSource,
                                                 JSONB body) {
        List<String> key = Arrays.asList(slug, name, description, dataSource, body == null ? null : body.data());
        DashboardDefinition known = DEFINITIONS.get(key);
        return known != null ? known : remember(DEFINITIONS, key, readDefinition(slug, name, description, dataSource,
                body));
    }

    private static DashboardDefinition readDefinition(String slug, String name, String description,
                                                      String dataSource, JSONB body) {
        Object tree = read(body);
        if (!(tree instanceof Map<?, ?> parts)) {
            throw new IllegalStateException("stored dashboard definition is not a JSON object");
        }
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("slug", slug);
        whole.put("name", name);
        whole.put("description", description);
        whole.put("data_source", dataSource);
        whole.put("filters", parts.get("filters"));
        whole.put("widgets", parts.get("widgets"));
        try {
            return DashboardDocument.read(whole);
        } catch (SharingException e) {
            throw new IllegalStateException("stored dashboard '" + slug + "' no longer reads: " + e.getMessage(), e);
        }
    }

    /** {@code [{"filter_slug","filter_kind","mode","allowed_values","value"}]} */
    public static JSONB policies(List<FilterPolicy> policies) {
        return JSONB.jsonb(write(PolicyDocument.writeAll(policies)));
    }

    public static List<FilterPolicy> policies(JSONB stored) {
        if (stored == null) {
            return readPolicies(null);
        }
        List<FilterPolicy> known = POLICIES.get(stored.data());
        return known != null ? known : remember(POLICIES, stored.data(), readPolicies(stored));
    }

    private static List<FilterPolicy> readPolicies(JSONB stored) {
        Object tree = read(stored);
        if (!(tree instanceof List<?> items)) {
            throw new IllegalStateException("stored policies are not a JSON array");
        }
        List<FilterPolicy> policies = new ArrayList<>();
        try {
            for (int i = 0; i < items.size(); i++) {
                policies.add(policy(Tree.object(items.get(i), "policies[" + i + "]").onlyKnown(POLICY)));
            }
        } catch (SharingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored policies no longer read: " + e.getMessage(), e);
        }
        return List.copyOf(policies);
    }

    /**
     * A stored policy was checked against its dashboard when the owner wrote it, so it is rebuilt
     * as it stands; its values are typed again by the kind it was stored with.
     */
    private static FilterPolicy policy(Tree node) {
        FilterSlug slug = new FilterSlug(node.requiredString("filter_slug"));
        FilterKind kind = FilterKind.fromWire(node.requiredString("filter_kind"))
                .orElseThrow(() -> new IllegalArgumentException("unknown filter_kind"));
        PolicyMode mode = PolicyMode.fromWire(node.requiredString("mode"))
                .orElseThrow(() -> new IllegalArgumentException("unknown mode"));
        List<FilterValue> allowed = new ArrayList<>();
        for (Object item : node.list("allowed_values", false)) {
            allowed.add(kind.parseElement(Tree.toRaw(item)));
        }
        Object value = node.raw("value");
        Optional<FilterValue> fixed = value == null ? Optional.empty() : Optional.of(kind.parse(Tree.toRaw(value)));
        return new FilterPolicy(slug, kind, mode, allowed, fixed);
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document tree always serialises", e);
        }
    }

    private static Object read(JSONB stored) {
        try {
            return JSON.readValue(stored.data(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
