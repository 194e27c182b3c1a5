package io.dashshare.application.port.in;

import io.dashshare.domain.common.EmailAddress;
import java.util.Objects;

/** Who a share context admits: one address (docs/api.md, share contexts). */
public sealed interface NewMember {

    record ExternalEmail(EmailAddress email) implements NewMember {
        public ExternalEmail {
            Objects.requireNonNull(email, "email");
        }
    }
}
