package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.Change;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.application.port.in.NewMember;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.error.InvalidValueException;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.Optional;

/** The request bodies of the share-context routes (docs/api.md, share contexts). */
final class ContextBodies {

    private ContextBodies() {
    }

    /** {@code POST /api/v1/share-contexts}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Create(String name, Optional<String> description) implements JsonBody {
    }

    /** {@code PATCH /api/v1/share-contexts/{id}}: absent members stay; {@code "description": null} clears it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Update(Optional<String> name,
                  @Schema(implementation = String.class, nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                          description = "null clears the description; absent leaves it") Change<String> description) implements JsonBody {

        Optional<String> newDescription() {
            return description.map(text -> text).map(d -> d.orElse(""));
        }
    }

    /**
     * {@code POST /api/v1/share-contexts/{id}/members}: the guide's {@code external_email} member
     * with its {@code email}, or an {@code email_domain} member with its {@code domain}; either
     * with an optional {@code expires_at}.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record AddMember(String memberType, Optional<String> email, Optional<String> domain, Optional<Instant> expiresAt)
            implements JsonBody {

        NewMember toMember() {
            if ("external_email".equals(memberType)) {
                refuseBeside("domain", domain);
                return new NewMember.ExternalEmail(EmailAddress.parseField("email", required("email", email)), expiresAt);
            }
            if ("email_domain".equals(memberType)) {
                refuseBeside("email", email);
                return new NewMember.EmailDomainMember(EmailDomain.parseField("domain", required("domain", domain)),
                        expiresAt);
            }
            throw new InvalidValueException("member_type", "must be 'external_email' or 'email_domain'");
        }

        private static String required(String field, Optional<String> value) {
            return value.orElseThrow(() -> new InvalidValueException(field, "is required for this member_type"));
        }

        private void refuseBeside(String field, Optional<String> value) {
            if (value.isPresent()) {
                throw new InvalidValueException(field, "is not a field of a " + memberType + " member");
            }
        }
    }

    /** {@code PATCH /api/v1/share-contexts/{id}/members/{member_id}}: {@code "expires_at": null} removes the expiry. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record UpdateMember(@Schema(implementation = Instant.class, nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                                description = "null removes the expiry; absent leaves it") Change<Instant> expiresAt) implements JsonBody {

        Optional<Optional<Instant>> newExpiry() {
            return expiresAt.map(at -> at);
        }
    }
}
