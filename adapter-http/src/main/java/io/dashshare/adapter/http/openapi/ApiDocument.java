package io.dashshare.adapter.http.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The head of the OpenAPI document that micronaut-openapi writes at compile time from the
 * controllers (docs/api.md, "The API describes itself"): its title, the three bearer schemes and
 * the tags. The document is served at {@code /openapi.yml} and {@code /openapi.json}.
 */
@OpenAPIDefinition(
        info = @Info(title = "dashshare", version = "1",
                description = "Dashboard sharing service: owner API, operator API, public links, portal, embeds. "
                        + "Every failure answers the Error body; docs/api.md is the prose reference. Each operation lists "
                        + "the error statuses it answers itself; besides, any request may be refused at the edge, before "
                        + "any route runs, with 400 INVALID_REQUEST (`details.reason` `malformed_http` or `malformed_uri`), "
                        + "406 INVALID_REQUEST (an Accept without application/json), 414 or 431 PAYLOAD_TOO_LARGE "
                        + "(request line over 16 KB, headers over 8 KB), and a bug answers 500 INTERNAL_ERROR."),
        tags = {
            @Tag(name = "auth", description = "Owner sign-in, invites, password, logout"),
            @Tag(name = "owners", description = "The team (admin)"),
            @Tag(name = "api-keys", description = "API keys (admin)"),
            @Tag(name = "dashboards", description = "Dashboards, owner preview, exports and options"),
            @Tag(name = "shares", description = "Share links"),
            @Tag(name = "share-contexts", description = "Share contexts, members and portal sessions"),
            @Tag(name = "embed-admin", description = "Embed tokens, signing keys, the token inspector"),
            @Tag(name = "company", description = "The caller's company"),
            @Tag(name = "audit", description = "Audit log and share statistics"),
            @Tag(name = "operator", description = "Tenant provisioning (operator token)"),
            @Tag(name = "public", description = "A public share link; the share token is the path segment"),
            @Tag(name = "share-auth", description = "One-time codes of the email portal"),
            @Tag(name = "share-portal", description = "The email portal (share access token)"),
            @Tag(name = "embed", description = "The iframe's API; the embed token is the path segment"),
            @Tag(name = "ops", description = "Health, metrics and this document"),
            @Tag(name = "pages", description = "The HTML pages (public link, portal, embed, console): the same shell for every token")
        })
@SecurityScheme(name = ApiDocument.OWNER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An owner access token (POST /api/v1/auth/login, accept-invite) or an API key `dsk_...`")
@SecurityScheme(name = ApiDocument.SHARE_ACCESS, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A share access token of the email portal (POST /api/v1/share-auth/verify or refresh)")
@SecurityScheme(name = ApiDocument.OPERATOR, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "SHARING_OPERATOR_TOKEN")
public final class ApiDocument {

    public static final String OWNER = "owner";
    public static final String SHARE_ACCESS = "shareAccess";
    public static final String OPERATOR = "operator";

    private ApiDocument() {
    }
}
