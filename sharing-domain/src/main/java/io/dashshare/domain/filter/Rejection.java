package io.dashshare.domain.filter;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why the filter rules refuse a request, as a value: the error code the API answers with, a
 * message fit for a viewer, and details ({@code filter_slug}, {@code reason}). The caller decides
 * what to do with it (answer, record it in the audit log), see docs/filters.md.
 */
public record Rejection(ErrorCode code, String message, Map<String, Object> details) {

    public Rejection {
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public SharingException toException() {
        return new SharingException(code, message, details);
    }

    static Rejection of(ErrorCode code, String message, String filterSlug, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter_slug", filterSlug);
        if (reason != null) {
            details.put("reason", reason);
        }
        return new Rejection(code, message, details);
    }

    static Rejection violation(String filterSlug, String reason, String message) {
        return of(ErrorCode.SHARE_FILTER_POLICY_VIOLATION, message, filterSlug, reason);
    }

    static Rejection disabled(String filterSlug) {
        return of(ErrorCode.FILTER_DISABLED_BY_POLICY, "Filter '" + filterSlug + "' is disabled for this share.",
                filterSlug, null);
    }
}
