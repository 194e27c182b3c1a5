package io.dashshare.domain.testing;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.Optional;
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
        return new Member(new MemberId(UUID.randomUUID()), context, new Member.Admits.Address(email), createdAt,
                Optional.empty());
    }

    /** A member admitting everyone exactly at {@code domain}. */
    public static Member aDomainMember(ShareContextId context, EmailDomain domain, Instant createdAt) {
        return new Member(new MemberId(UUID.randomUUID()), context, new Member.Admits.Domain(domain), createdAt,
                Optional.empty());
    }

    /** {@code member}, expiring at {@code at}, whatever the time now (the store does not judge). */
    public static Member expiring(Member member, Instant at) {
        return new Member(member.id(), member.contextId(), member.admits(), member.createdAt(), Optional.of(at));
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
