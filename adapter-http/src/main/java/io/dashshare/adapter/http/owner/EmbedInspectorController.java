package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.adapter.http.openapi.ApiDocument;
import io.dashshare.adapter.http.security.OwnerAccess;
import io.dashshare.application.port.in.InspectEmbedTokenUseCase;
import io.dashshare.domain.error.InvalidValueException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import io.dashshare.adapter.http.openapi.Errors;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code POST /api/v1/embed/tokens/inspect} (editor): why a self-signed embed token is refused,
 * with the reason codes of docs/embedding.md. A refused token is still a 200 here: the answer is the
 * inspection, not the token's use.
 */
@Tag(name = "embed-admin")
@SecurityRequirement(name = ApiDocument.OWNER)
@Controller(value = "/api/v1/embed/tokens", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedInspectorController {

    private final InspectEmbedTokenUseCase inspector;
    private final OwnerAccess access;

    public EmbedInspectorController(InspectEmbedTokenUseCase inspector, OwnerAccess access) {
        this.inspector = inspector;
        this.access = access;
    }

    @Post("/inspect")
    @Operation(operationId = "inspectEmbedToken")
    @Errors.Invalid
    @Errors.Body
    @Errors.OwnerRole
    public Inspection inspect(Authentication authentication, @Body Inspect body) {
        if (body.token() == null) {
            throw new InvalidValueException("token", "is required");
        }
        InspectEmbedTokenUseCase.Inspection inspection = inspector.inspect(access.principal(authentication), body.token());
        return new Inspection(inspection.valid(), inspection.reason().orElse(null), inspection.header(),
                inspection.claims().orElse(null));
    }

    /** The body: the token to inspect. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Inspect(String token) implements JsonBody {

        @Override
        public String toString() {
            return "Inspect[token=redacted]";
        }
    }

    /** The answer of docs/embedding.md: {@code reason} null when valid, {@code claims} null unless the signature held. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Inspection(boolean valid,
                             @io.micronaut.core.annotation.Nullable
                             @Schema(nullable = true, description = "a reason code of docs/embedding.md; null when valid")
                             String reason,
                             @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "the token's header as written, unverified") Map<String, Object> header,
                             @io.micronaut.core.annotation.Nullable
                             @Schema(type = "object", nullable = true, additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                                     description = "the claims, only when the signature verifies with one of this company's keys")
                             Map<String, Object> claims) {
    }
}
