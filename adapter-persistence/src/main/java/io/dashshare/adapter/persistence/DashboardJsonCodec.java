package io.dashshare.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.filter.FilterPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.JSONB;

/**
 * The JSON stored in {@code dashboards.definition} and {@code shares.policies}. This is the
 * stored format, owned here and written and read only here, so that renaming a member of the
 * HTTP API never migrates data (docs/architecture.md). Today it spells members as the API does
 * (snake_case, see docs/api.md). Jackson's tree model turns text into nodes and back, with
 * numbers kept as exact decimals. Stored JSON that no longer reads is a bug or a tampered row,
 * never the caller's fault, so it fails with {@link IllegalStateException} rather than a 400.
 */
public final class DashboardJsonCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

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
        return JSONB.jsonb(write(StoredDefinitions.write(JSON.getNodeFactory(), definition)));
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
        try {
            return StoredDefinitions.read(slug, name, description, dataSource, read(body));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored dashboard '" + slug + "' no longer reads: " + e.getMessage(), e);
        }
    }

    /** {@code [{"filter_slug","filter_kind","mode","allowed_values","value"}]} */
    public static JSONB policies(List<FilterPolicy> policies) {
        return JSONB.jsonb(write(StoredPolicies.write(JSON.getNodeFactory(), policies)));
    }

    public static List<FilterPolicy> policies(JSONB stored) {
        if (stored == null) {
            return readPolicies(null);
        }
        List<FilterPolicy> known = POLICIES.get(stored.data());
        return known != null ? known : remember(POLICIES, stored.data(), readPolicies(stored));
    }

    private static List<FilterPolicy> readPolicies(JSONB stored) {
        try {
            return StoredPolicies.read(read(stored));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored policies no longer read: " + e.getMessage(), e);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** A missing column reads as an empty list of policies (the column's default). */
    private static JsonNode read(JSONB stored) {
        if (stored == null) {
            return JSON.getNodeFactory().arrayNode();
        }
        try {
            return JSON.readTree(stored.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
