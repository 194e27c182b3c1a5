package io.dashshare.domain.tenant;

import io.dashshare.domain.common.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant. {@code embedOrigins} are the exact origins allowed to frame embed pages
 * (CSP {@code frame-ancestors}); empty means no site may frame them. A suspended company is
 * refused everywhere until it is active again.
 */
public record Company(CompanyId id, CompanySlug slug, String name, List<EmbedOrigin> embedOrigins, CompanyStatus status,
                      Instant createdAt) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Text.requireName(name, 200, "name");
        embedOrigins = List.copyOf(embedOrigins);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, active company without embed origins. */
    public static Company create(CompanyId id, CompanySlug slug, String name, Instant now) {
        return new Company(id, slug, name, List.of(), CompanyStatus.ACTIVE, now);
    }

    public boolean isActive() {
        return status == CompanyStatus.ACTIVE;
    }

    public Company withEmbedOrigins(List<EmbedOrigin> origins) {
        return new Company(id, slug, name, origins, status, createdAt);
    }

    public Company renamed(String newName) {
        return new Company(id, slug, newName, embedOrigins, status, createdAt);
    }

    public Company withStatus(CompanyStatus newStatus) {
        return new Company(id, slug, name, embedOrigins, newStatus, createdAt);
    }
}
