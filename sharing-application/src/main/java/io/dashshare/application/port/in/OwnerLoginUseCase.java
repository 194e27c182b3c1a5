package io.dashshare.application.port.in;

import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.tenant.CompanySlug;
import java.util.Objects;
import java.util.Optional;

/** Password login of the company's own people (docs/security.md#owners-2). */
public interface OwnerLoginUseCase {

    /**
     * Wrong password, unknown email, an invited, disabled or suspended owner all answer
     * {@code UNAUTHENTICATED} alike, with comparable timing. Throttled per account and per client
     * address ({@code RATE_LIMITED}). An email that is an owner in several companies needs
     * {@code company}: without it a right password is {@code INVALID_REQUEST}
     * ({@code company_slug_required}), and only then.
     */
    SignedInOwner login(LoginAttempt attempt);

    /**
     * {@code client} is where the attempt came from, for its {@code owner.signed_in} or
     * {@code owner.sign_in_failed} event (the latter only when the email is an owner's).
     */
    record LoginAttempt(EmailAddress email, String password, Optional<CompanySlug> company, String clientAddress,
                        AuditClient client) {
        public LoginAttempt {
            Objects.requireNonNull(email, "email");
            company = company == null ? Optional.empty() : company;
            Objects.requireNonNull(clientAddress, "clientAddress");
            client = client == null ? AuditClient.NONE : client;
        }

        public LoginAttempt(EmailAddress email, String password, Optional<CompanySlug> company, String clientAddress) {
            this(email, password, company, clientAddress, AuditClient.NONE);
        }

        @Override
        public String toString() {
            return "LoginAttempt[" + email + ", password=redacted]";
        }
    }
}
