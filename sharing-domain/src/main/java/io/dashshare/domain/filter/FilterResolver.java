package io.dashshare.domain.filter;

import io.dashshare.domain.error.ErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filter rules of docs/filters.md as pure functions: (dashboard filters, access rules, viewer
 * values) to effective typed parameters, or the {@link Rejection} the request answers with.
 *
 * <p>Effective value = dashboard default, then the flow's rule, then the viewer's value where the
 * rule lets it through. A blank value ({@code null}, {@code ""}, {@code []}) counts as omitted,
 * so it can never lift a restriction.
 */
public final class FilterResolver {

    private FilterResolver() {
    }

    public static Resolution<EffectiveParameters> resolve(List<FilterDefinition> filters, AccessRules rules,
                                                          Map<String, RawValue> viewerValues) {
        Optional<Rejection> refused = rules.refusal().or(() -> unknownSlug(filters, viewerValues));
        if (refused.isPresent()) {
            return Resolution.refused(refused.get());
        }
        Map<FilterSlug, FilterValue> effective = new LinkedHashMap<>();
        for (FilterDefinition filter : filters) {
            String slug = filter.slug().value();
            Resolution<Optional<FilterValue>> one = resolveOne(filter, rules, viewerValues.containsKey(slug),
                    viewerValues.get(slug));
            if (one instanceof Resolution.Refused<Optional<FilterValue>> refusal) {
                return Resolution.refused(refusal.rejection());
            }
            ((Resolution.Allowed<Optional<FilterValue>>) one).value().ifPresent(value -> effective.put(filter.slug(), value));
            if (filter.required() && !effective.containsKey(filter.slug())) {
                return Resolution.refused(Rejection.of(ErrorCode.INVALID_PARAMETER, "Filter '" + slug + "' needs a value.",
                        slug, "required"));
            }
        }
        return Resolution.allowed(new EffectiveParameters(filters, effective));
    }

    /**
     * What applies when the viewer sends nothing, without the "must be sent" checks: the values
     * shown as defaults and bound into dynamic option queries. A rule that cannot be applied
     * refuses the whole: leaving its filter unset would bind the option query with less
     * restriction than the share allows.
     */
    public static Resolution<EffectiveParameters> omittedValues(List<FilterDefinition> filters, AccessRules rules) {
        Map<FilterSlug, FilterValue> effective = new LinkedHashMap<>();
        for (FilterDefinition filter : filters) {
            FilterRule rule = rules.ruleFor(filter);
            if (rule instanceof FilterRule.Refused refused) {
                return Resolution.refused(refused.rejection());
            }
            whenOmitted(filter, rule).ifPresent(value -> effective.put(filter.slug(), value));
        }
        return Resolution.allowed(new EffectiveParameters(filters, effective));
    }

    /** The filters a viewer may use, with their effective mode; disabled ones are left out. */
    public static Resolution<List<ViewerFilter>> visibleFilters(List<FilterDefinition> filters, AccessRules rules) {
        if (rules.refusal().isPresent()) {
            return Resolution.refused(rules.refusal().get());
        }
        List<ViewerFilter> visible = new ArrayList<>();
        for (FilterDefinition filter : filters) {
            FilterRule rule = rules.ruleFor(filter);
            boolean required = filter.required() || rules.mustBeSent(filter);
            Optional<FilterValue> omitted = whenOmitted(filter, rule);
            Optional<OptionsSource> source = filter.options().map(FilterOptions::source);
            if (rule instanceof FilterRule.Refused refused) {
                return Resolution.refused(refused.rejection());
            } else if (rule instanceof FilterRule.Free) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.FREE, List.of(), omitted, source, required));
            } else if (rule instanceof FilterRule.Selectable selectable) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.SELECTABLE,
                        labelled(filter, selectable.allowedElements()), omitted, Optional.of(OptionsSource.POLICY), required));
            } else if (rule instanceof FilterRule.Fixed fixed) {
                visible.add(new ViewerFilter(filter, ViewerFilter.ViewerMode.FIXED,
                        labelled(filter, fixed.value().elements()), omitted, Optional.of(OptionsSource.POLICY), false));
            }
        }
        return Resolution.allowed(visible);
    }

    /** How the options endpoint answers for this filter, or the refusal it answers with. */
    public static Resolution<OptionsPlan> optionsPlan(FilterDefinition filter, AccessRules rules) {
        FilterRule rule = rules.ruleFor(filter);
        if (rule instanceof FilterRule.Refused refused) {
            return Resolution.refused(refused.rejection());
        }
        if (rule instanceof FilterRule.Disabled) {
            return Resolution.refused(Rejection.disabled(filter.slug().value()));
        }
        // docs/filters.md: an embed slug outside allowed_params has no options, even when the token fixes it.
        if (rule instanceof FilterRule.Fixed fixed && !fixed.viewerMaySend()) {
            return Resolution.refused(Rejection.disabled(filter.slug().value()));
        }
        if (rule instanceof FilterRule.Selectable selectable) {
            return Resolution.allowed(new OptionsPlan.Listed(labelled(filter, selectable.allowedElements()),
                    OptionsSource.POLICY));
        }
        if (rule instanceof FilterRule.Fixed fixed) {
            return Resolution.allowed(new OptionsPlan.Listed(labelled(filter, fixed.value().elements()),
                    OptionsSource.POLICY));
        }
        FilterOptions options = filter.options().orElse(null);
        if (options instanceof FilterOptions.Static list) {
            return Resolution.allowed(new OptionsPlan.Listed(list.values(), OptionsSource.STATIC));
        }
        if (options instanceof FilterOptions.Dynamic dynamic) {
            return Resolution.allowed(new OptionsPlan.Query(dynamic.sql()));
        }
        return Resolution.refused(Rejection.of(ErrorCode.INVALID_PARAMETER,
                "Filter '" + filter.slug() + "' has no options.", filter.slug().value(), "no_options"));
    }

    private static Resolution<Optional<FilterValue>> resolveOne(FilterDefinition filter, AccessRules rules,
                                                                boolean sent, RawValue raw) {
        FilterRule rule = rules.ruleFor(filter);
        String slug = filter.slug().value();
        boolean blank = !sent || raw == null || raw.isBlank();
        if (rule instanceof FilterRule.Refused refused) {
            return Resolution.refused(refused.rejection());
        }
        if (rule instanceof FilterRule.Disabled && sent) {
            return Resolution.refused(Rejection.disabled(slug));
        }
        if (rule instanceof FilterRule.Fixed fixed && sent && !fixed.viewerMaySend()) {
            return Resolution.refused(Rejection.disabled(slug));
        }
        if (blank) {
            if (rules.mustBeSent(filter)) {
                return Resolution.refused(Rejection.violation(slug, "required", "Filter '" + slug + "' is required."));
            }
            return Resolution.allowed(whenOmitted(filter, rule));
        }
        FilterValue value;
        try {
            value = filter.kind().parse(raw);
        } catch (FilterKind.UnfitValueException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filter_slug", slug);
            details.put("reason", e.reason());
            details.put("detail", e.getMessage());
            return Resolution.refused(new Rejection(ErrorCode.INVALID_PARAMETER,
                    "Invalid value for filter '" + slug + "': " + e.getMessage() + ".", details));
        }
        if (rule instanceof FilterRule.Selectable selectable) {
            for (String element : value.elements()) {
                if (!selectable.allowedElements().contains(element)) {
                    return Resolution.refused(Rejection.violation(slug, "value_not_allowed",
                            "A value of filter '" + slug + "' is not allowed by this share."));
                }
            }
            return Resolution.allowed(Optional.of(value));
        }
        if (rule instanceof FilterRule.Fixed fixed) {
            if (!sameValue(fixed.value(), value)) {
                return Resolution.refused(Rejection.violation(slug, "value_is_fixed",
                        "Filter '" + slug + "' is fixed by this share."));
            }
            return Resolution.allowed(Optional.of(fixed.value()));
        }
        if (!filter.isOffered(value)) {
            return Resolution.refused(Rejection.of(ErrorCode.INVALID_PARAMETER,
                    "Value is not an option of filter '" + slug + "'.", slug, "not_an_option"));
        }
        return Resolution.allowed(Optional.of(value));
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
        if (rule instanceof FilterRule.Refused) {
            return Optional.empty();
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

    private static boolean sameValue(FilterValue fixed, FilterValue sent) {
        if (fixed instanceof FilterValue.TextList a && sent instanceof FilterValue.TextList b) {
            return a.sameSetAs(b);
        }
        return fixed.equals(sent);
    }

    private static Optional<Rejection> unknownSlug(List<FilterDefinition> filters, Map<String, RawValue> viewerValues) {
        for (String key : viewerValues.keySet()) {
            boolean known = filters.stream().anyMatch(f -> f.slug().value().equals(key));
            if (!known) {
                return Optional.of(unknownFilter(key));
            }
        }
        return Optional.empty();
    }

    /** A slug that is no filter of the dashboard, echoed without control characters and at a bounded length. */
    public static Rejection unknownFilter(String key) {
        String cleaned = key == null ? "" : key.replaceAll("\\p{Cntrl}", "?");
        String printable = cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
        return Rejection.violation(printable, "unknown_filter", "This dashboard has no filter '" + printable + "'.");
    }

    private static List<FilterOption> labelled(FilterDefinition filter, List<String> elements) {
        return elements.stream().map(e -> new FilterOption(filter.labelOf(e), e)).toList();
    }
}
