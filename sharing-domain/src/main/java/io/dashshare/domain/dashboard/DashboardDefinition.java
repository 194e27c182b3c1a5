package io.dashshare.domain.dashboard;

import io.dashshare.domain.common.Text;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.filter.FilterOptions;
import io.dashshare.domain.filter.FilterSlug;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an owner writes: the dashboard's identity, its filters and widgets. Every SQL parameter
 * must name a filter of this dashboard (option queries may also use {@code :search}), and slugs
 * are unique, so nothing a viewer sends can reach SQL except through a declared filter.
 */
public record DashboardDefinition(DashboardSlug slug, String name, String description, DataSourceName dataSource,
                                  List<FilterDefinition> filters, List<Widget> widgets) {

    public static final int MAX_FILTERS = 50;
    public static final int MAX_WIDGETS = 50;

    public DashboardDefinition {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(dataSource, "data_source");
        name = Text.requireName(name, 200, "name");
        description = description == null ? "" : Text.requireOptional(description, 2000, "description");
        filters = List.copyOf(filters);
        widgets = List.copyOf(widgets);
        if (filters.size() > MAX_FILTERS) {
            throw new InvalidValueException("filters", "must hold at most " + MAX_FILTERS + " filters");
        }
        if (widgets.size() > MAX_WIDGETS) {
            throw new InvalidValueException("widgets", "must hold at most " + MAX_WIDGETS + " widgets");
        }
        Set<String> filterSlugs = new HashSet<>();
        for (int i = 0; i < filters.size(); i++) {
            if (!filterSlugs.add(filters.get(i).slug().value())) {
                throw new InvalidValueException("filters[" + i + "].slug",
                        "duplicate filter slug '" + filters.get(i).slug() + "'");
            }
        }
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).options().orElse(null) instanceof FilterOptions.Dynamic dynamic) {
                Set<String> allowed = new HashSet<>(filterSlugs);
                allowed.add(FilterSlug.SEARCH);
                checkParameters(dynamic.sql().parameterNames(), allowed, "filters[" + i + "].options.sql");
            }
        }
        Set<String> widgetSlugs = new HashSet<>();
        for (int i = 0; i < widgets.size(); i++) {
            Widget widget = widgets.get(i);
            if (!widgetSlugs.add(widget.slug().value())) {
                throw new InvalidValueException("widgets[" + i + "].slug",
                        "duplicate widget slug '" + widget.slug() + "'");
            }
            checkParameters(widget.sql().parameterNames(), filterSlugs, "widgets[" + i + "].sql");
        }
    }

    private static void checkParameters(Set<String> used, Set<String> known, String field) {
        for (String name : used) {
            if (!known.contains(name)) {
                throw new InvalidValueException(field, "unknown parameter :" + name + " (parameters must be filter slugs)");
            }
        }
    }

    public Optional<FilterDefinition> filter(String slug) {
        return filters.stream().filter(f -> f.slug().value().equals(slug)).findFirst();
    }

    public Optional<Widget> widget(String slug) {
        return widgets.stream().filter(w -> w.slug().value().equals(slug)).findFirst();
    }
}
