package io.dashshare.domain.port;

import io.dashshare.domain.common.EmailAddress;
import java.time.Instant;

/** Delivers owner invites. Implementations never log the link, which carries the invite token. */
public interface InviteMailer {

    /** Throws {@link OneTimeCodeMailer.DeliveryFailedException} when the message could not be handed over. */
    void send(Invite invite);

    record Invite(EmailAddress to, String companyName, String inviteUrl, Instant expiresAt) {
        @Override
        public String toString() {
            return "Invite[" + to + ", " + companyName + ", link=redacted]";
        }
    }
}
