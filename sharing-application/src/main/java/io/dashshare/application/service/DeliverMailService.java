package io.dashshare.application.service;

import io.dashshare.application.port.in.DeliverMailUseCase;
import io.dashshare.domain.mail.MailBody;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.MailOutbox.Outcome;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.Sealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends what the outbox holds (README, mail outbox). A mail that SMTP refuses is tried again after
 * a backoff that doubles up to a cap, until its deadline (a code's or an invite's expiry): then it
 * is dropped, because a late code or a dead link is no use. Each failure is one log line naming the mail, never its body.
 */
public final class DeliverMailService implements DeliverMailUseCase {

    private static final System.Logger LOG = System.getLogger(DeliverMailService.class.getName());

    private final MailOutbox outbox;
    private final MailQueue queue;
    private final OneTimeCodeMailer codes;
    private final InviteMailer invites;
    private final Clock clock;
    private final Backoff backoff;

    public DeliverMailService(MailOutbox outbox, MailQueue queue, OneTimeCodeMailer codes, InviteMailer invites,
                              Clock clock, Backoff backoff) {
        this.outbox = outbox;
        this.queue = queue;
        this.codes = codes;
        this.invites = invites;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** The wait before attempt n+1 is {@code first} × 2^n, at most {@code max}; a run handles at most {@code batch}. */
    public record Backoff(Duration first, Duration max, int batch) {

        public static final Backoff DEFAULTS = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 50);

        public Backoff {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || batch < 1) {
                throw new IllegalArgumentException("backoff needs 0 < first <= max and a batch of at least 1");
            }
        }

        Duration after(int failedAttempts) {
            Duration wait = first;
            for (int i = 0; i < failedAttempts && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    @Override
    public int deliverDue() {
        int handled = 0;
        while (handled < backoff.batch()) {
            Optional<Outcome> outcome = outbox.sendNext(clock.instant(), this::attempt);
            if (outcome.isEmpty()) {
                break;
            }
            handled++;
        }
        return handled;
    }

    private Outcome attempt(OutboxMail mail) {
        Instant now = clock.instant();
        if (mail.isPastDeadline(now)) {
            LOG.log(System.Logger.Level.WARNING, "mail {0} ({1}) dropped: its deadline passed after {2} failed attempts",
                    mail.id(), mail.kind().wire(), mail.attempts());
            return new Outcome.Dropped(mail, "deadline passed");
        }
        MailBody body;
        try {
            body = queue.open(mail);
        } catch (Sealer.BrokenSealException e) {
            LOG.log(System.Logger.Level.ERROR, "mail {0} ({1}) dropped: its body does not open; was SHARING_SECRET "
                    + "changed since it was queued?", mail.id(), mail.kind().wire());
            return new Outcome.Dropped(mail, "body does not open");
        }
        try {
            switch (mail.kind()) {
                case ONE_TIME_CODE -> codes.send(OneTimeCodeMails.message(mail.recipient(), body));
                case OWNER_INVITE -> invites.send(OwnerInvites.mail(mail.recipient(), body));
            }
            return new Outcome.Sent(mail);
        } catch (OneTimeCodeMailer.DeliveryFailedException e) {
            OutboxMail later = mail.failedOnce(now, backoff.after(mail.attempts()));
            // The failure's message names the server and the exception classes only (adapter-mail), never the body.
            LOG.log(System.Logger.Level.WARNING, "mail {0} ({1}) attempt {2} failed, next attempt at {3}: {4}",
                    mail.id(), mail.kind().wire(), later.attempts(), later.nextAttemptAt(), e.getMessage());
            return new Outcome.Retry(mail, later);
        } catch (RuntimeException e) {
            // A bug, not an outage: back off all the same, so that one bad mail cannot spin the sender;
            // only the exception's class is logged, its message could quote the body.
            OutboxMail later = mail.failedOnce(now, backoff.after(mail.attempts()));
            LOG.log(System.Logger.Level.ERROR, "mail {0} ({1}) attempt {2} failed unexpectedly ({3}), next attempt at {4}",
                    mail.id(), mail.kind().wire(), later.attempts(), e.getClass().getName(), later.nextAttemptAt());
            return new Outcome.Retry(mail, later);
        }
    }
}
