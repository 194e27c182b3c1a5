package io.dashshare.domain.testing;

import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterKind;
import io.dashshare.domain.filter.FilterOption;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import io.dashshare.domain.filter.FilterValue;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.sql.SqlTemplate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Test builder for filter definitions. */
public final class FilterBuilder {

    private final String slug;
    private final FilterKind kind;
    private String label;
    private boolean required;
    private FilterValue defaultValue;
    private FilterOptions options;

    private FilterBuilder(String slug, FilterKind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    public static FilterBuilder aFilter(String slug, FilterKind kind) {
        return new FilterBuilder(slug, kind);
    }

    public static FilterBuilder aDateFilter(String slug) {
        return aFilter(slug, FilterKind.DATE);
    }

    public static FilterBuilder aNumberFilter(String slug) {
        return aFilter(slug, FilterKind.NUMBER);
    }

    public static FilterBuilder aTextFilter(String slug) {
        return aFilter(slug, FilterKind.TEXT);
    }

    public static FilterBuilder aSelect(String slug) {
        return aFilter(slug, FilterKind.SELECT);
    }

    public static FilterBuilder aMultiSelect(String slug) {
        return aFilter(slug, FilterKind.MULTI_SELECT);
    }

    public FilterBuilder labelled(String value) {
        this.label = value;
        return this;
    }

    public FilterBuilder required() {
        this.required = true;
        return this;
    }

    /** A default in its wire form: one string, or several for a multi_select. */
    public FilterBuilder withDefault(String... values) {
        RawValue raw = values.length == 1 && kind != FilterKind.MULTI_SELECT
                ? new RawValue.Str(values[0])
                : new RawValue.Arr(Arrays.stream(values).map(v -> (RawValue) new RawValue.Str(v)).toList());
        this.defaultValue = kind.parse(raw);
        return this;
    }

    public FilterBuilder withStaticOptions(String... values) {
        List<FilterOption> list = Arrays.stream(values).map(v -> new FilterOption(label(v), v)).toList();
        this.options = new FilterOptions.Static(list);
        return this;
    }

    public FilterBuilder withDynamicOptions(String sql) {
        this.options = new FilterOptions.Dynamic(SqlTemplate.parse(sql));
        return this;
    }

    private static String label(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    public FilterDefinition build() {
        return new FilterDefinition(new FilterSlug(slug), label, kind, required, Optional.ofNullable(defaultValue),
                Optional.ofNullable(options));
    }
}
