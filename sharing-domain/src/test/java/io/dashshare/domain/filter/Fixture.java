package io.dashshare.domain.filter;

import static io.dashshare.domain.testing.DashboardBuilder.aDashboardWithEveryFilterKind;

import io.dashshare.domain.dashboard.DashboardDefinition;
import java.util.List;

/** The dashboard most filter tests run against: one filter of every kind and options source. */
final class Fixture {

    static final DashboardDefinition DASHBOARD = aDashboardWithEveryFilterKind().definition();
    static final List<FilterDefinition> FILTERS = DASHBOARD.filters();

    static final FilterDefinition PERIOD_START = filter("period_start"); // date, default 2025-01-01
    static final FilterDefinition PERIOD_END = filter("period_end"); // date, default 2025-12-31
    static final FilterDefinition STATUS = filter("status"); // multi_select, dynamic, no default
    static final FilterDefinition REGION = filter("region"); // select, static north/south/east/west, no default
    static final FilterDefinition MIN_AMOUNT = filter("min_amount"); // number, no default
    static final FilterDefinition CUSTOMER = filter("customer"); // text, no default
    static final FilterDefinition CHANNEL = filter("channel"); // select, static web/store/phone, default web
    static final FilterDefinition TAGS = filter("tags"); // multi_select, static a/b/c, default [a]
    static final FilterDefinition SEGMENT = filter("segment"); // select, dynamic, no default

    private Fixture() {
    }

    static FilterDefinition filter(String slug) {
        return DASHBOARD.filter(slug).orElseThrow();
    }
}
