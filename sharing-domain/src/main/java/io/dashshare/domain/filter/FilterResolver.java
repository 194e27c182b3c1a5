package io.dashshare.domain.filter;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filter rules of PRODUCT.md §6 as pure functions: (dashboard filters, access rules, viewer
 * values) to effective typed parameters, or a {@link SharingException} carrying the error code.
 *
 * <p>Effective value = dashboard default, then the flow's rule, then the viewer's value where the
 * rule lets it through. A blank value ({@code null}, {@code ""}, {@code []}) counts as omitted,
 * so it can never lift a restriction.
 */
public final class FilterResolver {

    private FilterResolver() {
    }

    public static EffectiveParameters resolve(List<FilterDefinition> filters, AccessRules rules,
                                              Map<String, RawValue> viewerValues) {
        rejectUnknownSlugs(filters, viewerValues);
        Map<FilterSlug, FilterValue> effective = new LinkedHashMap<>();
        for (FilterDefinition filter : filters) {
            String slug = filter.slug().value();
            resolveOne(filter, rules, viewerValues.containsKey(slug), viewerValues.get(slug))
                    .ifPresent(value -> effective.put(filter.slug(), value));
            if (filter.required() && !effective.containsKey(filter.slug())) {
                throw new SharingException(ErrorCode.INVALID_PARAMETER, "Filter '" + slug + "' needs a value.",
                        Map.of("filter_slug", slug, "reason", "required"));
            }
        }
        return new EffectiveParameters(filters, effective);
    }

    /**
     * What applies when the viewer sends nothing, without the "must be sent" checks: the values
     * shown as defaults and bound into dynamic option queries.
     */
    public static EffectiveParameters omittedValues(List<FilterDefinition> filters, AccessRules rules) {
        Map<FilterSlug, FilterValue> effective = new LinkedHashMap<>();
        for (FilterDefinition filter : filters) {
            whenOmitted(filter, rules.ruleFor(filter)).ifPresent(value -> effective.put(filter.slug(), value));
        }
        return new EffectiveParameters(filters, effective);
    }

    /** The filters a viewer may use, with their effective mode; disabled ones are left out. */
    public static List<ViewerFilter> visibleFilters(List<FilterDefinition> filters, AccessRules rules) {
        List<ViewerFilter> visible = new ArrayList<>();
        for (FilterDefinition filter : filters) {
            FilterRule rule = rules.ruleFor(filter);
            boolean required = filter.required() || rules.mustBeSent(filter);
            Optional<FilterValue> omitted = whenOmitted(filter, rule);
            Optional<OptionsSource> source = filter.options().map(FilterOptions::source);
            if (rule instanceof FilterRule.Free) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.FREE, List.of(), omitted, source, required));
            } else if (rule instanceof FilterRule.Selectable selectable) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.SELECTABLE,
                        labelled(filter, selectable.allowedElements()), omitted, Optional.of(OptionsSource.POLICY), required));
            } else if (rule instanceof FilterRule.Fixed fixed) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.FIXED,
                        labelled(filter, fixed.value().elements()), omitted, Optional.of(OptionsSource.POLICY), false));
            }
        }
        return visible;
    }

    /** How the options endpoint answers for this filter, or the refusal it answers with. */
    public static OptionsPlan optionsPlan(FilterDefinition filter, AccessRules rules) {
        FilterRule rule = rules.ruleFor(filter);
        if (rule instanceof FilterRule.Disabled) {
            throw disabled(filter);
        }
        // §6: an embed slug outside allowed_params has no options, even when the token fixes it.
        if (rule instanceof FilterRule.Fixed fixed && !fixed.viewerMaySend()) {
            throw disabled(filter);
        }
        if (rule instanceof FilterRule.Selectable selectable) {
            return new OptionsPlan.Listed(labelled(filter, selectable.allowedElements()), OptionsSource.POLICY);
        }
        if (rule instanceof FilterRule.Fixed fixed) {
            return new OptionsPlan.Listed(labelled(filter, fixed.value().elements()), OptionsSource.POLICY);
        }
        FilterOptions options = filter.options().orElse(null);
        if (options instanceof FilterOptions.Static list) {
            return new OptionsPlan.Listed(list.values(), OptionsSource.STATIC);
        }
        if (options instanceof FilterOptions.Dynamic dynamic) {
            return new OptionsPlan.Query(dynamic.sql());
        }
        throw new SharingException(ErrorCode.INVALID_PARAMETER, "Filter '" + filter.slug() + "' has no options.",
                Map.of("filter_slug", filter.slug().value(), "reason", "no_options"));
    }

    private static Optional<FilterValue> resolveOne(FilterDefinition filter, AccessRules rules,
                                                    boolean sent, RawValue raw) {
        FilterRule rule = rules.ruleFor(filter);
        boolean blank = !sent || raw == null || raw.isBlank();
        if (rule instanceof FilterRule.Disabled && sent) {
            throw disabled(filter);
        }
        if (rule instanceof FilterRule.Fixed fixed && sent && !fixed.viewerMaySend()) {
            throw disabled(filter);
        }
        if (blank) {
            if (rules.mustBeSent(filter)) {
                throw violation(filter, "required", "Filter '" + filter.slug() + "' is required.");
            }
            return whenOmitted(filter, rule);
        }
        FilterValue value = typed(filter, raw);
        if (rule instanceof FilterRule.Selectable selectable) {
            for (String element : value.elements()) {
                if (!selectable.allowedElements().contains(element)) {
                    throw violation(filter, "value_not_allowed",
                            "A value of filter '" + filter.slug() + "' is not allowed by this share.");
                }
            }
            return Optional.of(value);
        }
        if (rule instanceof FilterRule.Fixed fixed) {
            if (!sameValue(fixed.value(), value)) {
                throw violation(filter, "value_is_fixed", "Filter '" + filter.slug() + "' is fixed by this share.");
            }
            return Optional.of(fixed.value());
        }
        if (!filter.isOffered(value)) {
            throw new SharingException(ErrorCode.INVALID_PARAMETER,
                    "Value is not an option of filter '" + filter.slug() + "'.",
                    Map.of("filter_slug", filter.slug().value(), "reason", "not_an_option"));
        }
        return Optional.of(value);
    }

    private static Optional<FilterValue> whenOmitted(FilterDefinition filter, FilterRule rule) {
        if (rule instanceof FilterRule.Fixed fixed) {
            return Optional.of(fixed.value());
        }
        if (rule instanceof FilterRule.Selectable selectable) {
            List<String> allowed = selectable.allowedElements();
            if (filter.kind() == FilterKind.MULTI_SELECT) {
                return Optional.of(new FilterValue.TextList(allowed));
            }
            Optional<FilterValue> allowedDefault = filter.defaultValue()
                    .filter(d -> allowed.contains(d.elements().get(0)));
            return allowedDefault.isPresent() ? allowedDefault
                    : Optional.of(allowedElement(filter.kind(), allowed.get(0)));
        }
        return filter.defaultValue();
    }

    /**
     * An allowed element back as a typed value. It was typed when the policy was made; re-parsing
     * it as viewer input would refuse valid numbers whose plain form exceeds the input limits.
     */
    private static FilterValue allowedElement(FilterKind kind, String element) {
        return switch (kind) {
            case DATE -> new FilterValue.DateValue(LocalDate.parse(element));
            case NUMBER -> new FilterValue.NumberValue(new BigDecimal(element));
            case TEXT, SELECT, MULTI_SELECT -> new FilterValue.TextValue(element);
        };
    }

    private static FilterValue typed(FilterDefinition filter, RawValue raw) {
        try {
            return filter.kind().parse(raw);
        } catch (FilterKind.InvalidValueException e) {
            throw new SharingException(ErrorCode.INVALID_PARAMETER,
                    "Invalid value for filter '" + filter.slug() + "': " + e.getMessage() + ".",
                    Map.of("filter_slug", filter.slug().value(), "reason", e.reason(), "detail", e.getMessage()));
        }
    }

    private static boolean sameValue(FilterValue fixed, FilterValue sent) {
        if (fixed instanceof FilterValue.TextList a && sent instanceof FilterValue.TextList b) {
            return a.sameSetAs(b);
        }
        return fixed.equals(sent);
    }

    private static void rejectUnknownSlugs(List<FilterDefinition> filters, Map<String, RawValue> viewerValues) {
        for (String key : viewerValues.keySet()) {
            boolean known = filters.stream().anyMatch(f -> f.slug().value().equals(key));
            if (!known) {
                throw new SharingException(ErrorCode.SHARE_FILTER_POLICY_VIOLATION,
                        "This dashboard has no filter '" + printable(key) + "'.",
                        Map.of("filter_slug", printable(key), "reason", "unknown_filter"));
            }
        }
    }

    private static List<FilterOption> labelled(FilterDefinition filter, List<String> elements) {
        return elements.stream().map(e -> new FilterOption(filter.labelOf(e), e)).toList();
    }

    private static SharingException disabled(FilterDefinition filter) {
        return new SharingException(ErrorCode.FILTER_DISABLED_BY_POLICY,
                "Filter '" + filter.slug() + "' is disabled for this share.",
                Map.of("filter_slug", filter.slug().value()));
    }

    private static SharingException violation(FilterDefinition filter, String reason, String message) {
        return new SharingException(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, message,
                Map.of("filter_slug", filter.slug().value(), "reason", reason));
    }

    /** Echoes an unknown key back without control characters and at a bounded length. */
    private static String printable(String key) {
        String cleaned = key.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }
}
