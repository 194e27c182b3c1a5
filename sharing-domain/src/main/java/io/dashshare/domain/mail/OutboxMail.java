package io.dashshare.domain.mail;

import io.dashshare.domain.common.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mail waiting in the outbox (docs/operations.md, mail outbox): written in the same transaction
 * as what it announces, sent by a background sender, retried until {@code deadline} and then
 * dropped. Its body is sealed (encrypted and authenticated) before it reaches the store.
 * A mail of the same {@code topic} queued later replaces it while unsent: only the newest code
 * for one person at one company is worth sending.
 */
public final class OutboxMail {

    private final OutboxMailId id;
    private final MailKind kind;
    private final EmailAddress recipient;
    private final String topic;
    private final byte[] sealedBody;
    private final Instant createdAt;
    private final Instant deadline;
    private final int attempts;
    private final Instant nextAttemptAt;

    private OutboxMail(OutboxMailId id, MailKind kind, EmailAddress recipient, String topic, byte[] sealedBody,
                       Instant createdAt, Instant deadline, int attempts, Instant nextAttemptAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.sealedBody = Objects.requireNonNull(sealedBody, "sealedBody").clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.attempts = attempts;
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A mail to send at once, worth sending until {@code deadline}. */
    public static OutboxMail queue(OutboxMailId id, MailKind kind, EmailAddress recipient, String topic,
                                   byte[] sealedBody, Instant now, Instant deadline) {
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException("a mail's deadline must lie ahead");
        }
        return new OutboxMail(id, kind, recipient, topic, sealedBody, now, deadline, 0, now);
    }

    /** For persistence mappers only. */
    public static OutboxMail rehydrate(OutboxMailId id, MailKind kind, EmailAddress recipient, String topic,
                                       byte[] sealedBody, Instant createdAt, Instant deadline, int attempts,
                                       Instant nextAttemptAt) {
        return new OutboxMail(id, kind, recipient, topic, sealedBody, createdAt, deadline, attempts, nextAttemptAt);
    }

    /** The same mail after one more failed attempt, due again after {@code wait} but never after its deadline. */
    public OutboxMail failedOnce(Instant now, Duration wait) {
        Instant next = now.plus(wait);
        return new OutboxMail(id, kind, recipient, topic, sealedBody, createdAt, deadline, attempts + 1,
                next.isAfter(deadline) ? deadline : next);
    }

    public boolean isPastDeadline(Instant now) {
        return !now.isBefore(deadline);
    }

    public boolean isDue(Instant now) {
        return !now.isBefore(nextAttemptAt) || isPastDeadline(now);
    }

    /**
     * What the seal binds the body to: this mail's id, kind and recipient, so that a body moved to
     * another row or recipient in the database no longer opens.
     */
    public byte[] sealContext() {
        return sealContext(id, kind, recipient);
    }

    public static byte[] sealContext(OutboxMailId id, MailKind kind, EmailAddress recipient) {
        return ("outbox\u001f" + id + "\u001f" + kind.wire() + "\u001f" + recipient.value())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public OutboxMailId id() {
        return id;
    }

    public MailKind kind() {
        return kind;
    }

    public EmailAddress recipient() {
        return recipient;
    }

    public String topic() {
        return topic;
    }

    public byte[] sealedBody() {
        return sealedBody.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxMail m && m.id.equals(id) && m.kind == kind && m.recipient.equals(recipient)
                && m.topic.equals(topic) && Arrays.equals(m.sealedBody, sealedBody) && m.createdAt.equals(createdAt)
                && m.deadline.equals(deadline) && m.attempts == attempts && m.nextAttemptAt.equals(nextAttemptAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutboxMail[id=" + id + ", kind=" + kind.wire() + ", attempts=" + attempts + ", deadline=" + deadline
                + "]";
    }
}
