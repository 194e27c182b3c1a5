package io.dashshare.inmemory;

import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.mail.OutboxMailId;
import io.dashshare.domain.port.MailOutbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The mail outbox in memory. A mail being sent is marked held (as a row lock does in the database)
 * and the store's monitor is let go while the attempt runs, so other senders and writers go on.
 */
public final class InMemoryMailOutbox implements MailOutbox {

    private static final Comparator<OutboxMail> DUE_ORDER = Comparator
            .comparing((OutboxMail m) -> m.nextAttemptAt().isBefore(m.deadline()) ? m.nextAttemptAt() : m.deadline())
            .thenComparing(OutboxMail::createdAt)
            .thenComparing(m -> m.id().value().toString());

    private final InMemoryStore store;
    private final Map<OutboxMailId, OutboxMail> rows;
    private final Set<OutboxMailId> held = ConcurrentHashMap.newKeySet();

    InMemoryMailOutbox(InMemoryStore store) {
        this.store = store;
        this.rows = store.table();
    }

    @Override
    public void enqueue(OutboxMail mail) {
        synchronized (store) {
            if (rows.containsKey(mail.id())) {
                throw new IllegalStateException("mail " + mail.id() + " exists already: ids must be fresh");
            }
            rows.values().removeIf(m -> m.topic().equals(mail.topic()) && !held.contains(m.id()));
            rows.put(mail.id(), mail);
        }
    }

    @Override
    public Optional<Outcome> sendNext(Instant now, Function<OutboxMail, Outcome> attempt) {
        OutboxMail mail;
        synchronized (store) {
            Optional<OutboxMail> next = rows.values().stream()
                    .filter(m -> m.isDue(now) && !held.contains(m.id()))
                    .min(DUE_ORDER);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            mail = next.get();
            held.add(mail.id());
        }
        try {
            Outcome outcome = attempt.apply(mail);
            synchronized (store) {
                if (outcome instanceof Outcome.Retry retry) {
                    rows.put(mail.id(), retry.later());
                } else {
                    rows.remove(mail.id());
                }
            }
            return Optional.of(outcome);
        } finally {
            held.remove(mail.id());
        }
    }
}
