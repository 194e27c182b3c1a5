package io.dashshare.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of the sharing rules, with the defaults of PRODUCT.md and SECURITY.md.
 * Bootstrap builds it from configuration; tests shorten what they need.
 */
public record SharingSettings(
        String publicBaseUrl,
        Duration queryTimeout,
        int maxRowsPerWidget,
        int maxOptionRows,
        int maxSearchLength,
        Duration codeValidity,
        int codeRequestsPerEmail,
        int codeRequestsPerClient,
        Duration codeRequestWindow,
        int failedCodesPerEmailPerHour,
        Duration minimumCodeRequestTime,
        Duration accessTokenTtl,
        Duration sessionLifetime,
        Duration embedDefaultTtl,
        Duration embedMaxTtl,
        Duration tokenLeeway,
        int executionsPerSharePerMinute,
        int executionsPerEmbedDashboardPerMinute) {

    public SharingSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        if (accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("share-access tokens live at most one hour");
        }
        if (tokenLeeway.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("token leeway is at most 60 s");
        }
    }

    public static SharingSettings defaults(String publicBaseUrl) {
        return new SharingSettings(publicBaseUrl, Duration.ofSeconds(15), 10_000, 1_000, 200,
                Duration.ofMinutes(10), 5, 30, Duration.ofMinutes(15), 100, Duration.ofMillis(250),
                Duration.ofMinutes(15), Duration.ofHours(12), Duration.ofHours(1), Duration.ofDays(30),
                Duration.ofSeconds(30), 600, 1_200);
    }

    public SharingSettings withMinimumCodeRequestTime(Duration value) {
        return new SharingSettings(publicBaseUrl, queryTimeout, maxRowsPerWidget, maxOptionRows, maxSearchLength,
                codeValidity, codeRequestsPerEmail, codeRequestsPerClient, codeRequestWindow,
                failedCodesPerEmailPerHour, value, accessTokenTtl, sessionLifetime, embedDefaultTtl, embedMaxTtl,
                tokenLeeway, executionsPerSharePerMinute, executionsPerEmbedDashboardPerMinute);
    }

    /**
     * Dashboard executions that reach the data source, per minute: per share (public link and
     * portal) and per embedded dashboard; 0 or less turns that limit off.
     */
    public SharingSettings withExecutionLimits(int perSharePerMinute, int perEmbedDashboardPerMinute) {
        return new SharingSettings(publicBaseUrl, queryTimeout, maxRowsPerWidget, maxOptionRows, maxSearchLength,
                codeValidity, codeRequestsPerEmail, codeRequestsPerClient, codeRequestWindow,
                failedCodesPerEmailPerHour, minimumCodeRequestTime, accessTokenTtl, sessionLifetime, embedDefaultTtl,
                embedMaxTtl, tokenLeeway, perSharePerMinute, perEmbedDashboardPerMinute);
    }
}
