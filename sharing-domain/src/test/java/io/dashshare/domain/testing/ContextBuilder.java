package io.dashshare.domain.testing;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.MemberType;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.UUID;

/** Test builder for share contexts and their members. */
public final class ContextBuilder {

    private ShareContextId id = new ShareContextId(UUID.randomUUID());
    private CompanyId companyId = new CompanyId(UUID.randomUUID());
    private String name = "Partners";
    private String description = "External partners";
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    private ContextBuilder() {
    }

    public static ContextBuilder aContext() {
        return new ContextBuilder();
    }

    public static Member aMember(ShareContextId context, String email) {
        return aMember(context, new EmailAddress(email), Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Member aMember(ShareContextId context, EmailAddress email, Instant createdAt) {
        return new Member(new MemberId(UUID.randomUUID()), context, MemberType.EXTERNAL_EMAIL, email, createdAt);
    }

    public ContextBuilder withId(ShareContextId value) {
        this.id = value;
        return this;
    }

    public ContextBuilder inCompany(CompanyId value) {
        this.companyId = value;
        return this;
    }

    public ContextBuilder named(String value) {
        this.name = value;
        return this;
    }

    public ContextBuilder describedAs(String value) {
        this.description = value;
        return this;
    }

    public ContextBuilder createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public ShareContext build() {
        return new ShareContext(id, companyId, name, description, createdAt);
    }
}
