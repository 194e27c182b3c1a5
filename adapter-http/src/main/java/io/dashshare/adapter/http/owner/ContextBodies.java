package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.Change;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.application.port.in.NewMember;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.InvalidValueException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
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
    record Update(Optional<String> name, Change<String> description) implements JsonBody {

        Optional<String> newDescription() {
            return description.map(text -> text).map(d -> d.orElse(""));
        }
    }

    /** {@code POST /api/v1/share-contexts/{id}/members}: the guide's {@code external_email} member. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record AddMember(String memberType, String email) implements JsonBody {

        NewMember toMember() {
            if (!"external_email".equals(memberType)) {
                throw new InvalidValueException("member_type", "must be 'external_email'");
            }
            return new NewMember.ExternalEmail(EmailAddress.parseField("email", email));
        }
    }
}
