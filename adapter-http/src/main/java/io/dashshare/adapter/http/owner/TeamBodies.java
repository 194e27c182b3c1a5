package io.dashshare.adapter.http.owner;

import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The request bodies of the team and auth routes (docs/api.md, owners and API keys). */
final class TeamBodies {

    private TeamBodies() {
    }

    static Role role(String field, String raw) {
        return Role.fromWire(raw).orElseThrow(() ->
                new InvalidValueException(field, "must be 'admin', 'editor' or 'viewer'"));
    }

    /** {@code POST /api/v1/auth/login}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Login(String email, String password, Optional<String> companySlug) implements JsonBody {
        @Override
        public String toString() {
            return "Login[redacted]";
        }
    }

    /** {@code POST /api/v1/auth/accept-invite}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record AcceptInvite(String token, String password) implements JsonBody {
        @Override
        public String toString() {
            return "AcceptInvite[redacted]";
        }
    }

    /** {@code POST /api/v1/auth/password}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record ChangePassword(String currentPassword, String newPassword) implements JsonBody {
        @Override
        public String toString() {
            return "ChangePassword[redacted]";
        }
    }

    /** {@code POST /api/v1/owners}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Invite(String email, String role) implements JsonBody {
    }

    /** {@code PATCH /api/v1/owners/{id}}: absent members stay as they are. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record UpdateOwner(Optional<String> role, Optional<String> status) implements JsonBody {

        Optional<Role> newRole() {
            return role.map(r -> TeamBodies.role("role", r));
        }

        Optional<OwnerStatus> newStatus() {
            return status.map(s -> switch (s) {
                case "active" -> OwnerStatus.ACTIVE;
                case "disabled" -> OwnerStatus.DISABLED;
                default -> throw new InvalidValueException("status", "must be 'active' or 'disabled'");
            });
        }
    }

    /** {@code POST /api/v1/api-keys}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record CreateApiKey(String name, String role, Optional<String> expiresAt) implements JsonBody {

        Optional<Instant> expiry() {
            return expiresAt.map(text -> {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidValueException("expires_at",
                            "must be an RFC 3339 time with its offset, such as 2027-01-31T00:00:00Z");
                }
            });
        }
    }
}
