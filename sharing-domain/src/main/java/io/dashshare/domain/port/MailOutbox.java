package io.dashshare.domain.port;

import io.dashshare.domain.mail.OutboxMail;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mail waiting to be sent (docs/operations.md, mail outbox). Shared by every instance: a mail is
 * held by one sender at a time, so no two instances ever send it both.
 */
public interface MailOutbox {

    /**
     * Queues the mail, as part of the caller's transaction. Unsent mails of the same topic go: the
     * new one supersedes them. One being sent at this moment is left alone, and never waited for.
     */
    void enqueue(OutboxMail mail);

    /**
     * Takes the mail due at {@code now} (its next attempt, or its deadline, reached) that has
     * waited longest and that no other sender holds, holds it while {@code attempt} runs, and
     * stores what came of it: {@link Outcome.Sent} and {@link Outcome.Dropped} delete the mail,
     * {@link Outcome.Retry} keeps it for later. Empty when no mail is due and free.
     */
    Optional<Outcome> sendNext(Instant now, Function<OutboxMail, Outcome> attempt);

    /** What one attempt came to. */
    sealed interface Outcome {

        OutboxMail mail();

        record Sent(OutboxMail mail) implements Outcome {
        }

        /** Not sent and not worth trying again (past its deadline, or its body no longer opens). */
        record Dropped(OutboxMail mail, String reason) implements Outcome {
        }

        /** Not sent this time: {@code later} is the mail as it waits for the next attempt. */
        record Retry(OutboxMail mail, OutboxMail later) implements Outcome {
        }
    }
}
