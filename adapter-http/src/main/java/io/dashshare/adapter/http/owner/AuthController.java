package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.common.EmailAddress;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

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

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record LoginBody(String email, String password) implements JsonBody {

        @Override
        public String toString() {
            return "LoginBody[redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {

        static AccessToken from(OwnerTokens.Issued issued) {
            return new AccessToken(issued.token(), "Bearer", issued.expiresInSeconds());
        }

        @Override
        public String toString() {
            return "AccessToken[redacted]";
        }
    }

    @Post("/login")
    public AccessToken login(@Body LoginBody body) {
        OwnerPrincipal owner = login.login(EmailAddress.parseField("email", body.email()), body.password());
        return AccessToken.from(tokens.issue(owner));
    }
}
