package io.dashshare.domain.testing;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test builder for tenants and their owner accounts. Slugs and emails are random by default so
 * that tests sharing one database never collide on the unique columns.
 */
public final class CompanyBuilder {

    /** Whole seconds, which every store keeps exactly. */
    public static final Instant CREATED_AT = Instant.parse("2026-01-01T09:00:00Z");

    private CompanyId id = new CompanyId(UUID.randomUUID());
    private String slug = "co-" + UUID.randomUUID().toString().substring(0, 12);
    private String name = "Acme";
    private final List<EmbedOrigin> origins = new ArrayList<>();
    private CompanyStatus status = CompanyStatus.ACTIVE;
    private Instant createdAt = CREATED_AT;

    private CompanyBuilder() {
    }

    public static CompanyBuilder aCompany() {
        return new CompanyBuilder();
    }

    /** An active admin of {@code company} with a random email and an opaque hash. */
    public static OwnerAccount anOwnerOf(CompanyId company) {
        return anOwnerOf(company, Role.ADMIN);
    }

    public static OwnerAccount anOwnerOf(CompanyId company, Role role) {
        return OwnerAccount.active(new OwnerId(UUID.randomUUID()), company, randomEmail("owner"), role,
                "hash-" + UUID.randomUUID(), CREATED_AT);
    }

    public static EmailAddress randomEmail(String localPrefix) {
        return new EmailAddress(localPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    public CompanyBuilder withId(CompanyId value) {
        this.id = value;
        return this;
    }

    public CompanyBuilder withSlug(String value) {
        this.slug = value;
        return this;
    }

    public CompanyBuilder named(String value) {
        this.name = value;
        return this;
    }

    public CompanyBuilder withEmbedOrigin(String value) {
        origins.add(new EmbedOrigin(value));
        return this;
    }

    public CompanyBuilder suspended() {
        this.status = CompanyStatus.SUSPENDED;
        return this;
    }

    public CompanyBuilder createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public Company build() {
        return new Company(id, new CompanySlug(slug), name, origins, status, createdAt);
    }
}
