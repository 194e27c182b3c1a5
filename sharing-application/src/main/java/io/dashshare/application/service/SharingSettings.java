package io.dashshare.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of the sharing rules, grouped by what they bound, with the defaults that
 * docs/security.md and docs/operations.md give. Bootstrap builds it from configuration; tests
 * change the one group they need.
 */
public record SharingSettings(String publicBaseUrl, Queries queries, Codes codes, Tokens tokens, Limits limits) {

    public SharingSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Dashboard SQL: statement timeout, row caps (a widget's answer, an options list, a streamed
     * export), and the longest {@code search} an options query takes.
     */
    public record Queries(Duration timeout, int maxRowsPerWidget, int maxOptionRows, int maxSearchLength,
                          int maxExportRows) {

        public static final Queries DEFAULTS = new Queries(Duration.ofSeconds(15), 10_000, 1_000, 200, 100_000);

        public Queries {
            if (maxExportRows < 1) {
                throw new IllegalArgumentException("the export row cap must be positive");
            }
        }

        public Queries withMaxExportRows(int value) {
            return new Queries(timeout, maxRowsPerWidget, maxOptionRows, maxSearchLength, value);
        }
    }

    /** One-time codes (docs/security.md#one-time-codes): validity, throttles, and the pace of the request path. */
    public record Codes(Duration validity, int requestsPerEmail, int requestsPerClient, Duration requestWindow,
                        int failuresPerEmailPerHour, Duration minimumRequestTime) {

        public static final Codes DEFAULTS = new Codes(Duration.ofMinutes(10), 5, 30, Duration.ofMinutes(15), 100,
                Duration.ofMillis(250));

        public Codes withMinimumRequestTime(Duration value) {
            return new Codes(validity, requestsPerEmail, requestsPerClient, requestWindow, failuresPerEmailPerHour, value);
        }
    }

    /** Token lifetimes (docs/tokens.md): share-access at most an hour, leeway at most a minute. */
    public record Tokens(Duration accessTokenTtl, Duration sessionLifetime, Duration embedDefaultTtl,
                         Duration embedMaxTtl, Duration leeway) {

        public static final Tokens DEFAULTS = new Tokens(Duration.ofMinutes(15), Duration.ofHours(12),
                Duration.ofHours(1), Duration.ofDays(30), Duration.ofSeconds(30));

        public Tokens {
            if (accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("share-access tokens live at most one hour");
            }
            if (leeway.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("token leeway is at most 60 s");
            }
        }
    }

    /**
     * Dashboard executions that reach the data source, per minute: per share (public link and
     * portal) and per embedded dashboard; 0 or less turns that limit off.
     */
    public record Limits(int executionsPerSharePerMinute, int executionsPerEmbedDashboardPerMinute) {

        public static final Limits DEFAULTS = new Limits(600, 1_200);
    }

    public static SharingSettings defaults(String publicBaseUrl) {
        return new SharingSettings(publicBaseUrl, Queries.DEFAULTS, Codes.DEFAULTS, Tokens.DEFAULTS, Limits.DEFAULTS);
    }

    public SharingSettings withQueries(Queries value) {
        return new SharingSettings(publicBaseUrl, value, codes, tokens, limits);
    }

    public SharingSettings withCodes(Codes value) {
        return new SharingSettings(publicBaseUrl, queries, value, tokens, limits);
    }

    public SharingSettings withTokens(Tokens value) {
        return new SharingSettings(publicBaseUrl, queries, codes, value, limits);
    }

    public SharingSettings withLimits(Limits value) {
        return new SharingSettings(publicBaseUrl, queries, codes, tokens, value);
    }
}
