package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.MAIL_OUTBOX;

import io.dashshare.adapter.persistence.jooq.tables.records.MailOutboxRecord;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.port.MailOutbox;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.ContextTransactionalCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The mail outbox in table {@code mail_outbox} (migration V6). A sender takes one due row with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and keeps its transaction open while the mail goes
 * to SMTP: another instance skips that row instead of sending it too, and the row is deleted (or
 * rescheduled) in the same transaction. A crash mid-send rolls back and the mail is tried again:
 * at-least-once towards SMTP, but never two senders at once.
 */
public final class JooqMailOutbox implements MailOutbox {

    /** A mail is due when its next attempt or its deadline has come, whichever is first (indexed). */
    private static final Field<java.time.OffsetDateTime> DUE_AT = DSL.least(MAIL_OUTBOX.NEXT_ATTEMPT_AT,
            MAIL_OUTBOX.DEADLINE);

    private final DSLContext db;

    public JooqMailOutbox(DSLContext db) {
        this.db = db;
    }

    /** Joins the caller's transaction; the superseded rows a sender holds right now are skipped, not waited for. */
    @Override
    public void enqueue(OutboxMail mail) {
        MailOutboxRecord row = RecordMappers.record(mail);
        DatabaseFailures.run(() -> {
            db.deleteFrom(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.ID.in(DSL.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX)
                            .where(MAIL_OUTBOX.TOPIC.eq(mail.topic()))
                            .forUpdate().skipLocked()))
                    .execute();
            db.insertInto(MAIL_OUTBOX).set(row).execute();
        });
    }

    @Override
    public Optional<Outcome> sendNext(Instant now, Function<OutboxMail, Outcome> attempt) {
        return DatabaseFailures.call(() -> db.transactionResult((ContextTransactionalCallable<Optional<Outcome>>) () -> {
            Optional<OutboxMail> next = db.selectFrom(MAIL_OUTBOX)
                    .where(DUE_AT.le(Times.column(now)))
                    .orderBy(DUE_AT, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                    .limit(1)
                    .forUpdate().skipLocked()
                    .fetchOptional()
                    .map(RecordMappers::outboxMail);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Outcome outcome = attempt.apply(next.get());
            if (outcome instanceof Outcome.Retry retry) {
                db.update(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.ATTEMPTS, retry.later().attempts())
                        .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Times.column(retry.later().nextAttemptAt()))
                        .where(MAIL_OUTBOX.ID.eq(next.get().id().value()))
                        .execute();
            } else {
                db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(next.get().id().value())).execute();
            }
            return Optional.of(outcome);
        }));
    }
}
