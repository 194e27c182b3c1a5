package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.application.port.in.ManageApiKeysUseCase.CreatedApiKey;
import io.dashshare.application.port.in.ManageOwnersUseCase.InvitedOwner;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** The answers of the team routes: owners, API keys, who am I (docs/api.md, owners and API keys). */
public final class TeamViews {

    private TeamViews() {
    }

    /** An owner as the company's list shows it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OwnerView(String id, String email, String role, String status, Instant createdAt,
                            @io.micronaut.core.annotation.Nullable Instant lastLoginAt) {

        public static OwnerView from(OwnerAccount owner) {
            return new OwnerView(owner.id().toString(), owner.email().value(), owner.role().wire(),
                    owner.status().wire(), owner.createdAt(), owner.lastLoginAt().orElse(null));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OwnersPage(List<OwnerView> owners) {
    }

    /** {@code POST /api/v1/owners}: the owner and the invite link, shown only here. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InvitedOwnerView(String id, String email, String role, String status, Instant createdAt,
                                   @io.micronaut.core.annotation.Nullable Instant lastLoginAt, @io.micronaut.core.annotation.Nullable String inviteUrl) {

        public static InvitedOwnerView from(InvitedOwner invited) {
            OwnerView owner = OwnerView.from(invited.owner());
            return new InvitedOwnerView(owner.id(), owner.email(), owner.role(), owner.status(), owner.createdAt(),
                    owner.lastLoginAt(), invited.inviteUrl());
        }

        @Override
        public String toString() {
            return "InvitedOwnerView[" + id + ", invite_url=redacted]";
        }
    }

    /** An API key in a list: never the key, only its prefix. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiKeyView(String id, String name, String role, String prefix, Instant createdAt, @io.micronaut.core.annotation.Nullable Instant expiresAt,
                             @io.micronaut.core.annotation.Nullable Instant lastUsedAt, @io.micronaut.core.annotation.Nullable Instant revokedAt) {

        public static ApiKeyView from(ApiKey key) {
            return new ApiKeyView(key.id().toString(), key.name(), key.role().wire(), key.prefix(), key.createdAt(),
                    key.expiresAt().orElse(null), key.lastUsedAt().orElse(null), key.revokedAt().orElse(null));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiKeysPage(List<ApiKeyView> apiKeys) {
    }

    /** {@code POST /api/v1/api-keys}: the key itself, shown only here. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreatedApiKeyView(String id, String name, String role, String key, String prefix, Instant createdAt,
                                    @io.micronaut.core.annotation.Nullable Instant expiresAt) {

        public static CreatedApiKeyView from(CreatedApiKey created) {
            ApiKey key = created.key();
            return new CreatedApiKeyView(key.id().toString(), key.name(), key.role().wire(), created.plainKey(),
                    key.prefix(), key.createdAt(), key.expiresAt().orElse(null));
        }

        @Override
        public String toString() {
            return "CreatedApiKeyView[" + id + ", key=redacted]";
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CompanyRef(String id, String slug, String name) {

        public static CompanyRef from(Company company) {
            return new CompanyRef(company.id().toString(), company.slug().value(), company.name());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KeyRef(String id, String name) {
    }

    /**
     * {@code GET /api/v1/auth/me}: a person's {@code id} and {@code email}, or an API key's
     * {@code api_key}; the members that do not apply are left out.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeView(@io.micronaut.core.annotation.Nullable String id, @io.micronaut.core.annotation.Nullable String email, @io.micronaut.core.annotation.Nullable KeyRef apiKey, String role, CompanyRef company) {

        public static MeView from(OwnerSelfUseCase.Me me) {
            OwnerPrincipal principal = me.principal();
            CompanyRef company = CompanyRef.from(me.company());
            if (principal.actor() instanceof OwnerPrincipal.Actor.Key key) {
                return new MeView(null, null, new KeyRef(key.id().toString(), key.name()), principal.role().wire(),
                        company);
            }
            OwnerPrincipal.Actor.Person person = (OwnerPrincipal.Actor.Person) principal.actor();
            return new MeView(person.id().toString(), person.email().value(), null, principal.role().wire(), company);
        }
    }
}
