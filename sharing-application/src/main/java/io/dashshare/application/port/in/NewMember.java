package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who a share context admits, and until when (docs/api.md, share contexts). */
public sealed interface NewMember {

    /** Empty: the member does not expire. */
    Optional<Instant> expiresAt();

    /** One address. */
    record ExternalEmail(EmailAddress email, Optional<Instant> expiresAt) implements NewMember {
        public ExternalEmail {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        public ExternalEmail(EmailAddress email) {
            this(email, Optional.empty());
        }
    }

    /** Every address exactly at one domain; never a free-mail domain. */
    record EmailDomainMember(EmailDomain domain, Optional<Instant> expiresAt) implements NewMember {
        public EmailDomainMember {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
