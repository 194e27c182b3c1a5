package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.adapter.http.web.Bodies;
import io.dashshare.adapter.http.web.Responses;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.document.Tree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

/** {@code POST /api/v1/auth/login}: an owner's password for an access token. */
@Controller(value = "/api/v1/auth", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final OwnerLoginUseCase login;
    private final OwnerTokens tokens;

    public AuthController(OwnerLoginUseCase login, OwnerTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @Post("/login")
    public HttpResponse<byte[]> login(@Nullable @Body byte[] body) {
        Tree root = Bodies.object(body, "email", "password");
        OwnerPrincipal owner = login.login(root.requiredString("email"), root.requiredString("password"));
        OwnerTokens.Issued issued = tokens.issue(owner);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.token());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", issued.expiresInSeconds());
        return Responses.ok(answer);
    }
}
