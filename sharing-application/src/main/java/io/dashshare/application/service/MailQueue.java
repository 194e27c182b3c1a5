package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.mail.MailBody;
import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.mail.OutboxMailId;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.Sealer;
import java.time.Instant;

/**
 * Puts mail in the outbox with its body sealed, and opens it again for the sender (README, mail
 * outbox). A use case calls {@link #queue} inside its own transaction, so the mail exists exactly
 * when what it announces does. Any kind of mail goes this way: a code, an invite.
 */
public final class MailQueue {

    private final MailOutbox outbox;
    private final Sealer sealer;
    private final RandomSource random;

    public MailQueue(MailOutbox outbox, Sealer sealer, RandomSource random) {
        this.outbox = outbox;
        this.sealer = sealer;
        this.random = random;
    }

    /**
     * Queues a mail worth sending until {@code deadline}; a mail of the same {@code topic} still
     * waiting is replaced by it.
     */
    public OutboxMail queue(MailKind kind, EmailAddress recipient, String topic, MailBody body, Instant now,
                            Instant deadline) {
        OutboxMailId id = new OutboxMailId(random.uuid());
        byte[] sealed = sealer.seal(body.encode(), OutboxMail.sealContext(id, kind, recipient));
        OutboxMail mail = OutboxMail.queue(id, kind, recipient, topic, sealed, now, deadline);
        outbox.enqueue(mail);
        return mail;
    }

    /** The body of a queued mail; {@link Sealer.BrokenSealException} when it no longer opens (another secret). */
    MailBody open(OutboxMail mail) {
        return MailBody.decode(sealer.open(mail.sealedBody(), mail.sealContext()));
    }
}
