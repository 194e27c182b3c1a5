package io.dashshare.domain.context;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a share context admits: one address, or anyone exactly at one domain (not its subdomains),
 * until {@code expiresAt} if it has one. Addresses and domains are normalised (case, punycode),
 * so admitting is plain equality.
 */
public record Member(MemberId id, ShareContextId contextId, Admits admits, Instant createdAt,
                     Optional<Instant> expiresAt) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(admits, "admits");
        Objects.requireNonNull(createdAt, "createdAt");
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    }

    /** What a member matches. */
    public sealed interface Admits {

        MemberType type();

        boolean admits(EmailAddress email);

        record Address(EmailAddress email) implements Admits {
            public Address {
                Objects.requireNonNull(email, "email");
            }

            @Override
            public MemberType type() {
                return MemberType.EXTERNAL_EMAIL;
            }

            @Override
            public boolean admits(EmailAddress candidate) {
                return email.equals(candidate);
            }
        }

        record Domain(EmailDomain domain) implements Admits {
            public Domain {
                Objects.requireNonNull(domain, "domain");
            }

            @Override
            public MemberType type() {
                return MemberType.EMAIL_DOMAIN;
            }

            @Override
            public boolean admits(EmailAddress candidate) {
                return domain.equals(candidate.domain());
            }
        }
    }

    /**
     * A new member. A free-mail domain admits anyone who opens an account there, so it is refused
     * ({@code details.reason} {@code public_email_domain}); an expiry must lie ahead.
     */
    public static Member create(MemberId id, ShareContextId contextId, Admits admits, Optional<Instant> expiresAt,
                                Instant now) {
        if (admits instanceof Admits.Domain d && d.domain().isPublicEmailDomain()) {
            throw new InvalidValueException("domain", "is a public email domain: add its people one by one",
                    "public_email_domain");
        }
        return new Member(id, contextId, admits, now, future(expiresAt, now));
    }

    /** The same member with another expiry (empty: none); a new expiry must lie ahead. */
    public Member expiringAt(Optional<Instant> at, Instant now) {
        return new Member(id, contextId, admits, createdAt, future(at, now));
    }

    public MemberType type() {
        return admits.type();
    }

    public boolean isActive(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /** True when this member lets {@code email} in at {@code now}. */
    public boolean admits(EmailAddress email, Instant now) {
        return isActive(now) && admits.admits(email);
    }

    private static Optional<Instant> future(Optional<Instant> at, Instant now) {
        if (at.isPresent() && !at.get().isAfter(now)) {
            throw new InvalidValueException("expires_at", "must be in the future");
        }
        return at;
    }
}
