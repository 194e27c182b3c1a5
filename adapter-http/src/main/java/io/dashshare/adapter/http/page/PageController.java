package io.dashshare.adapter.http.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pages: one fixed HTML shell per flow, the owner's invite and the console. Nothing from the request reaches the HTML
 * (the scripts read the token or company slug from {@code location.pathname} and ask the API),
 * so a shell is the same bytes for every token, valid or not.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "pages")
public class PageController {

    private final PageShells shells;

    public PageController(PageShells shells) {
        this.shells = shells;
    }

    @Get(uri = "/s/{token}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "publicLinkPage")
    @ApiResponse(responseCode = "200", description = "The public link page (the same shell for every token)", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> publicLink() {
        return page(shells.publicLink());
    }

    @Get(uri = "/portal/{companySlug}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "portalPage")
    @ApiResponse(responseCode = "200", description = "The email portal page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> portal() {
        return page(shells.portal());
    }

    @Get(uri = "/embed/d/{token}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "embedPage")
    @ApiResponse(responseCode = "200", description = "The embed page (framed only by the company's embed origins)", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> embed() {
        return page(shells.embed());
    }

    /** The invite link's page; the token is in the fragment, which never reaches the server (docs/api.md, owners). */
    @Get(uri = "/console/invite", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleInvitePage")
    @ApiResponse(responseCode = "200", description = "The invite page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> invite() {
        return page(shells.invite());
    }

    /**
     * The console (docs/console.md): one shell for every console page; its scripts route by
     * {@code location.pathname} and talk to the owner API with the token kept in the tab
     * ({@code sessionStorage}, sent only as {@code Authorization}). The paths are listed, so that any
     * other {@code /console/...} path is the API's 404; one method each, so that each has its own
     * operation id in the OpenAPI document (docs/api.md, "The API describes itself").
     */
    private HttpResponse<byte[]> console() {
        return page(shells.console());
    }

    @Get(uri = "/console", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consolePage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consolePage() {
        return console();
    }

    @Get(uri = "/console/sign-in", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleSignInPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleSignInPage() {
        return console();
    }

    @Get(uri = "/console/account", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleAccountPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleAccountPage() {
        return console();
    }

    @Get(uri = "/console/dashboards", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleDashboardsPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleDashboardsPage() {
        return console();
    }

    @Get(uri = "/console/dashboards/{id}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleDashboardPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleDashboardPage() {
        return console();
    }

    @Get(uri = "/console/dashboards/{id}/edit", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleDashboardEditPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleDashboardEditPage() {
        return console();
    }

    @Get(uri = "/console/contexts", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleContextsPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleContextsPage() {
        return console();
    }

    @Get(uri = "/console/contexts/{id}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleContextPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleContextPage() {
        return console();
    }

    @Get(uri = "/console/embed", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleEmbedPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleEmbedPage() {
        return console();
    }

    @Get(uri = "/console/admin/{page}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "consoleAdminPage")
    @ApiResponse(responseCode = "200", description = "The console shell", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    public HttpResponse<byte[]> consoleAdminPage() {
        return console();
    }

    private static HttpResponse<byte[]> page(byte[] html) {
        // frame-ancestors is added by the edge filters: 'none' here, the company's origins on /embed/**.
        return HttpResponse.ok(html)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(PagePolicy.HEADER, PagePolicy.CONTENT_SECURITY_POLICY);
    }
}
