package io.dashshare.adapter.http.viewer;

import io.dashshare.adapter.http.view.ViewerViews;
import io.dashshare.adapter.http.web.BearerTokens;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.ClientAddresses;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.ShareAuthUseCase;
import io.dashshare.domain.document.Tree;
import io.dashshare.domain.error.SharingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Guide flow 2, step 4: one-time code login of external people, refresh and logout. */
@Controller(value = "/api/v1/share-auth", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareAuthController {

    static final Map<String, Object> ACCEPTED;

    static {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("message", "If this email may see dashboards of this company, a code is on its way.");
        ACCEPTED = java.util.Collections.unmodifiableMap(body);
    }

    private final ShareAuthUseCase auth;
    private final ClientAddresses clients;

    public ShareAuthController(ShareAuthUseCase auth, ClientAddresses clients) {
        this.auth = auth;
        this.clients = clients;
    }

    /**
     * Answers 202 with one fixed body for members, strangers and unknown companies alike
     * (SECURITY.md 5). Only what does not depend on membership may differ: a malformed request
     * (400), throttling (429), and a mail server that is down (503, issue 4: the code is then
     * withdrawn, and saying so beats a silent 202 the person would wait on in vain).
     */
    @Post("/request")
    public HttpResponse<byte[]> requestCode(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "company_slug", "email");
        auth.requestCode(root.requiredString("company_slug"), root.requiredString("email"), clients.of(request));
        return Responses.json(HttpStatus.ACCEPTED, ACCEPTED);
    }

    @Post("/verify")
    public HttpResponse<byte[]> verify(@Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "company_slug", "email", "code");
        return Responses.ok(ViewerViews.portalTokens(auth.verify(root.requiredString("company_slug"),
                root.requiredString("email"), root.requiredString("code"))));
    }

    @Post("/refresh")
    public HttpResponse<byte[]> refresh(@Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "refresh_token");
        return Responses.ok(ViewerViews.portalTokens(auth.refresh(root.requiredString("refresh_token"))));
    }

    /** Revokes the session of the bearer share-access token and/or the refresh token; always 204. */
    @Post("/logout")
    public HttpResponse<byte[]> logout(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Tree root = Bodies.optionalObject(body, "refresh_token");
        Optional<String> refresh = Optional.ofNullable(root.optionalString("refresh_token"));
        Optional<String> access = BearerTokens.of(request);
        if (refresh.isEmpty() && access.isEmpty()) {
            throw SharingException.invalidRequest("refresh_token",
                    "Send the share-access token as Authorization: Bearer and/or refresh_token in the body.");
        }
        auth.logout(access, refresh);
        return Responses.noContent();
    }
}
