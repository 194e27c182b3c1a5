package io.dashshare.domain.error;

/**
 * The API's {@code error_code} table in one place (docs/errors.md#codes).
 * The HTTP status lives here so that every adapter maps a failure the same way.
 */
public enum ErrorCode {
    AUTH_REQUIRED(401),
    TOKEN_INVALID(401),
    INVALID_CONTEXT_ID(400),
    FILTER_DISABLED_BY_POLICY(403),
    DB_QUERY_ERROR(400),
    SHARE_FILTER_POLICY_VIOLATION(400),
    INVALID_REQUEST(400),
    INVALID_PARAMETER(400),
    UNAUTHENTICATED(401),
    CODE_INVALID(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    RATE_LIMITED(429),
    PAYLOAD_TOO_LARGE(413),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
