package io.dashshare.domain.filter;

import io.dashshare.domain.sql.SqlParam;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a query runs with, per filter, after defaults, rules and viewer values.
 * A filter missing from the map is unset (bound as SQL NULL).
 */
public final class EffectiveParameters {

    private final List<FilterDefinition> filters;
    private final Map<FilterSlug, FilterValue> values;

    EffectiveParameters(List<FilterDefinition> filters, Map<FilterSlug, FilterValue> values) {
        this.filters = List.copyOf(filters);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every filter of the dashboard, set or not, in dashboard order. */
    public List<FilterDefinition> filters() {
        return filters;
    }

    public Optional<FilterValue> get(FilterSlug slug) {
        return Optional.ofNullable(values.get(slug));
    }

    public Map<FilterSlug, FilterValue> values() {
        return values;
    }

    /** The typed bind value of a filter slug, NULL of the filter's type when unset. */
    public Optional<SqlParam> sqlParam(String name) {
        for (FilterDefinition filter : filters) {
            if (filter.slug().value().equals(name)) {
                return Optional.of(toSqlParam(filter.kind(), values.get(filter.slug())));
            }
        }
        return Optional.empty();
    }

    static SqlParam toSqlParam(FilterKind kind, FilterValue value) {
        return switch (kind) {
            case DATE -> new SqlParam.DateParam(value == null ? null : ((FilterValue.DateValue) value).value());
            case NUMBER -> new SqlParam.NumberParam(value == null ? null : ((FilterValue.NumberValue) value).value());
            case TEXT, SELECT -> new SqlParam.TextParam(value == null ? null : ((FilterValue.TextValue) value).value());
            case MULTI_SELECT -> new SqlParam.TextArrayParam(value == null ? null : ((FilterValue.TextList) value).values());
        };
    }

    /**
     * An unambiguous text of every filter's value, in dashboard order: part of the result-cache
     * key, so two different restrictions can never share a cached result.
     */
    public String canonicalKey() {
        StringBuilder key = new StringBuilder();
        for (FilterDefinition filter : filters) {
            key.append(filter.slug().value()).append('=');
            FilterValue value = values.get(filter.slug());
            if (value == null) {
                key.append('-');
            } else {
                key.append(filter.kind().wire()).append('[');
                for (String element : value.elements()) {
                    key.append(element.length()).append(':').append(element);
                }
                key.append(']');
            }
            key.append(';');
        }
        return key.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectiveParameters other && other.canonicalKey().equals(canonicalKey());
    }

    @Override
    public int hashCode() {
        return canonicalKey().hashCode();
    }

    @Override
    public String toString() {
        return canonicalKey();
    }
}
