package io.dashshare.adapter.http.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers of the OpenAPI document, one annotation per meaning (docs/api.md, "The API
 * describes itself"). Each operation carries the ones it can answer, so the document lists per
 * operation its real error statuses with the {@link ErrorBody} schema; micronaut-openapi reads these
 * as stereotypes of {@code @ApiResponse}. An answer that needs its own words (a 400 naming
 * particular codes, a 409 naming what is taken) is an {@code @ApiResponse} on the method itself.
 *
 * <p>Answers any route may give and that are not an operation's own are documented once, in the
 * document's description and docs/api.md, not on every operation: 400 {@code malformed_http} /
 * {@code malformed_uri}, 406, 414, 431 (refused at the edge before any route runs) and 500.
 */
public final class Errors {

    private Errors() {
    }

    /** 400: a body or query value refused (only {@code INVALID_REQUEST}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: malformed JSON, a missing, unknown, null or mistyped "
            + "member (`details.field`, `details.reason`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface Invalid {
    }

    /** 413 and 415: every operation that reads a JSON body. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: body over 1 MB (`details.reason` `body_too_large`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = "INVALID_REQUEST: the body is not sent as `Content-Type: application/json`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface Body {
    }

    /** 401 of the owner routes (access token or API key). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED (no bearer), TOKEN_INVALID (expired, logged out, "
            + "revoked key, disabled or removed owner, suspended company)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface OwnerUnauthenticated {
    }

    /** 403: the caller's role may not use the route (docs/api.md, roles). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: the caller's role may not do this (`details.reason` `role`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface RoleForbidden {
    }

    /** 404: an id of the path that is unknown, not a UUID, or another company's. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such resource of the caller's company (an id that is not "
            + "a UUID, or another company's, is 404 too)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface NotFound {
    }

    /** 429 with {@code Retry-After}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED: throttled; `Retry-After` gives the seconds to wait",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface RateLimited {
    }

    /** 503: every operation that needs the service database. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the service database is unreachable (retry later)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface Unavailable {
    }

    /** 400 of an execution or export: the body, a filter value or the share's rules. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST (body), INVALID_PARAMETER (a value that does not fit its filter, `details.reason`), "
            + "SHARE_FILTER_POLICY_VIOLATION (the share's or embed token's rules)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface InvalidValues {
    }

    /** 400 of a portal execution or export: as {@link InvalidValues}, and the context. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST (body), INVALID_PARAMETER (a value that does not fit its filter), "
            + "SHARE_FILTER_POLICY_VIOLATION, INVALID_CONTEXT_ID (`context_id` not one of the viewer's)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface InvalidPortalValues {
    }

    /** 400 of a filter's options: the search text or the options query. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER (`search` too long or with control characters), DB_QUERY_ERROR (a dynamic filter's "
            + "options query failed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface InvalidOptions {
    }

    /** 400 of a portal filter's options: as {@link InvalidOptions}, and the context. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER (`search`), DB_QUERY_ERROR (the options query failed), INVALID_CONTEXT_ID "
            + "(`context_id` not one of the viewer's), INVALID_REQUEST (`context_id` missing)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface InvalidPortalOptions {
    }

    /** 403 of a viewer execution or options: the share's policy blocks a filter. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "FILTER_DISABLED_BY_POLICY: a filter disabled by the share's policy or not in the embed token's `allowed_params`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface PolicyForbidden {
    }

    /** 403 of a viewer export: a blocked filter or no downloads. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "FILTER_DISABLED_BY_POLICY, FORBIDDEN (`details.reason` `downloads_disabled`: the share or token allows no downloads)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface ExportForbidden {
    }

    /** 404 of an export. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no widget of that slug on the dashboard",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface UnknownWidget {
    }

    /** 404 of a filter's options. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no filter of that slug, or not a select filter",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface UnknownFilter {
    }

    /** 401 of the public link routes (the token is the path segment). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "TOKEN_INVALID (revoked, expired, rotated or unknown token), AUTH_REQUIRED (the share is bound to a share "
            + "context: sign in at the portal of `company_slug`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface PublicToken {
    }

    /** 401 of the embed routes (the token is the path segment). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "TOKEN_INVALID: the embed token is refused (the inspector, POST /api/v1/embed/tokens/inspect, says why)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface EmbedToken {
    }

    /** 401 of the share portal (a share access token). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED (no bearer), TOKEN_INVALID (expired, signed out, ended session, suspended company)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface ShareAccess {
    }

    /** 401 of the operator API. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED (no bearer), TOKEN_INVALID (any bearer but the operator token)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public @interface OperatorUnauthenticated {
    }

    /** What every owner route can answer: 401 and 503. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @OwnerUnauthenticated
    @Unavailable
    public @interface Owner {
    }

    /** An owner route a role may be refused: 401, 403 and 503. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @OwnerUnauthenticated
    @RoleForbidden
    @Unavailable
    public @interface OwnerRole {
    }

    /**
     * The viewer routes (public link, portal, embed) that run queries: 429 when the share's
     * executions per minute are spent or the data source is at its concurrency cap, and 503.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @RateLimited
    @Unavailable
    public @interface Viewer {
    }
}
