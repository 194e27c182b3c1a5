package io.dashshare.domain.context;

import io.dashshare.domain.common.EmailAddress;
import java.time.Instant;
import java.util.Objects;

/** A person admitted to a share context, by normalised email. */
public record Member(MemberId id, ShareContextId contextId, MemberType type, EmailAddress email, Instant createdAt) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
