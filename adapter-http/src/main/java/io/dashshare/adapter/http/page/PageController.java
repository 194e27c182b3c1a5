package io.dashshare.adapter.http.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The pages: one fixed HTML shell per flow, the owner's invite and the console. Nothing from the request reaches the HTML
 * (the scripts read the token or company slug from {@code location.pathname} and ask the API),
 * so a shell is the same bytes for every token, valid or not.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class PageController {

    private final PageShells shells;

    public PageController(PageShells shells) {
        this.shells = shells;
    }

    @Get(uri = "/s/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> publicLink() {
        return page(shells.publicLink());
    }

    @Get(uri = "/portal/{companySlug}", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> portal() {
        return page(shells.portal());
    }

    @Get(uri = "/embed/d/{token}", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> embed() {
        return page(shells.embed());
    }

    /** The invite link's page; the token is in the fragment, which never reaches the server (docs/api.md, owners). */
    @Get(uri = "/console/invite", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> invite() {
        return page(shells.invite());
    }

    /**
     * The console (docs/console.md): one shell for every console page; its scripts route by
     * {@code location.pathname} and talk to the owner API with the token kept in the tab
     * ({@code sessionStorage}, sent only as {@code Authorization}). The paths are listed, so that any
     * other {@code /console/...} path is the API's 404.
     */
    @Get(uris = {"/console", "/console/sign-in", "/console/account", "/console/dashboards",
        "/console/dashboards/{id}", "/console/dashboards/{id}/edit", "/console/contexts", "/console/contexts/{id}",
        "/console/embed", "/console/admin/{page}"}, produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> console() {
        return page(shells.console());
    }

    private static HttpResponse<byte[]> page(byte[] html) {
        // frame-ancestors is added by the edge filters: 'none' here, the company's origins on /embed/**.
        return HttpResponse.ok(html)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(PagePolicy.HEADER, PagePolicy.CONTENT_SECURITY_POLICY);
    }
}
