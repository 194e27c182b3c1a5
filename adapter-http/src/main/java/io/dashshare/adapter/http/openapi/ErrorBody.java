package io.dashshare.adapter.http.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The error body of every failure, as the OpenAPI document shows it (docs/api.md, errors). Only
 * a schema: {@code ErrorResponses} writes the real bytes.
 */
@Schema(name = "Error", description = "Every failure (docs/api.md, errors). `error_code` is one of the table of docs/api.md; "
        + "the response header X-Request-Id equals `request_id`.")
public record ErrorBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "INVALID_REQUEST",
                allowableValues = {"INVALID_REQUEST", "INVALID_PARAMETER", "INVALID_CONTEXT_ID", "SHARE_FILTER_POLICY_VIOLATION",
                    "DB_QUERY_ERROR", "UNAUTHENTICATED", "TOKEN_INVALID", "AUTH_REQUIRED", "CODE_INVALID",
                    "FILTER_DISABLED_BY_POLICY", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "METHOD_NOT_ALLOWED",
                    "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"})
        String errorCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String requestId,
        @Schema(description = "AUTH_REQUIRED only: the portal to sign in at") String companySlug,
        @Schema(description = "`field`, `filter_slug`, `reason`, ... (docs/api.md)", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> details) {
}
