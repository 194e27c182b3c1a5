package io.dashshare.application.service;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.Widget;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.port.ResultCache;

/**
 * Result-cache keys. Each carries the company, the dashboard's version (so an edit is never served
 * from an older entry) and the canonical effective parameters (so two restrictions never share a
 * result), see docs/filters.md.
 */
final class ResultKeys {

    private ResultKeys() {
    }

    static ResultCache.Key widget(Dashboard dashboard, Widget widget, EffectiveParameters parameters) {
        return key(dashboard, "widget:" + widget.slug().value(), parameters.canonicalKey());
    }

    static ResultCache.Key options(Dashboard dashboard, String filterSlug, EffectiveParameters context, String search) {
        return key(dashboard, "options:" + filterSlug,
                context.canonicalKey() + "|search=" + (search == null ? "-" : search.length() + ":" + search));
    }

    private static ResultCache.Key key(Dashboard dashboard, String part, String parameters) {
        return new ResultCache.Key(dashboard.companyId().toString(), dashboard.id().toString(), dashboard.version(),
                part, parameters);
    }
}
