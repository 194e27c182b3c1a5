package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.domain.tenant.Role;
import java.util.Map;
import java.util.Objects;

/**
 * Who calls an owner use case: a person of the company or one of its API keys, with the role that
 * bounds what they may do. Every owner use case is scoped to {@link #companyId()} and checks the
 * role first ({@link #require}).
 *
 * <p>{@code client} is where this request came from (address, user agent, request id), for the
 * audit events of the change (docs/api.md, audit log): it says nothing about who, so two
 * principals of the same actor, role and company are equal whatever their clients.
 */
public record OwnerPrincipal(CompanyId companyId, Role role, Actor actor, AuditClient client) {

    public OwnerPrincipal {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        client = client == null ? AuditClient.NONE : client;
    }

    /** A principal with no client facts (a caller outside HTTP: a test, another application). */
    public OwnerPrincipal(CompanyId companyId, Role role, Actor actor) {
        this(companyId, role, actor, AuditClient.NONE);
    }

    /** The same principal, calling from {@code requestClient}. */
    public OwnerPrincipal from(AuditClient requestClient) {
        return new OwnerPrincipal(companyId, role, actor, requestClient);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnerPrincipal that && companyId.equals(that.companyId) && role == that.role
                && actor.equals(that.actor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(companyId, role, actor);
    }

    /** Who acts: a person (an owner account) or a backend (an API key). */
    public sealed interface Actor {

        record Person(OwnerId id, EmailAddress email) implements Actor {
            public Person {
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(email, "email");
            }
        }

        record Key(ApiKeyId id, String name) implements Actor {
            public Key {
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(name, "name");
            }
        }
    }

    public static OwnerPrincipal person(OwnerId id, EmailAddress email, CompanyId companyId, Role role) {
        return new OwnerPrincipal(companyId, role, new Actor.Person(id, email));
    }

    /** 403 {@code FORBIDDEN} unless the role may do this (docs/api.md, roles). */
    public OwnerPrincipal require(Permission permission) {
        if (!role.may(permission)) {
            throw new SharingException(ErrorCode.FORBIDDEN, "Your role may not do this.",
                    Map.of("reason", "role", "role", role.wire()));
        }
        return this;
    }
}
