package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.portal.OneTimeCode;
import java.time.Duration;

/** Delivers one-time codes. Implementations never log the code. */
public interface OneTimeCodeMailer {

    /** Throws {@link DeliveryFailedException} when the message could not be handed over. */
    void send(Message message);

    record Message(EmailAddress to, String companyName, String companySlug, OneTimeCode code, Duration validFor,
                   String portalUrl) {
    }

    class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
