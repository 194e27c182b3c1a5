package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.mail.OutboxMailId;
import io.dashshare.domain.port.MailOutbox.Outcome;
import io.dashshare.domain.testing.CompanyBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class MailOutboxContract extends PortContract {

    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    /** The outbox is one queue for the whole store: start each test with nothing due in it. */
    @BeforeEach
    void drain() {
        while (ports.mailOutbox().sendNext(FAR_FUTURE, m -> new Outcome.Dropped(m, "test cleanup")).isPresent()) {
            // dropped
        }
    }

    private static OutboxMail mail(String topic, Instant now) {
        byte[] body = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return OutboxMail.queue(new OutboxMailId(UUID.randomUUID()), MailKind.ONE_TIME_CODE,
                CompanyBuilder.randomEmail("to"), topic, body, now, now.plus(Duration.ofMinutes(10)));
    }

    private static String topic() {
        return "topic-" + UUID.randomUUID();
    }

    private OutboxMail queued(Instant now) {
        OutboxMail mail = mail(topic(), now);
        ports.mailOutbox().enqueue(mail);
        return mail;
    }

    private Optional<OutboxMail> sentNext(Instant now) {
        return ports.mailOutbox().sendNext(now, Outcome.Sent::new).map(Outcome::mail);
    }

    @Test
    void a_queued_mail_is_handed_over_whole_and_is_gone_once_sent() {
        OutboxMail mail = queued(T0);

        assertThat(sentNext(T0)).contains(mail);
        assertThat(sentNext(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void a_retried_mail_waits_for_its_next_attempt_and_counts_it() {
        OutboxMail mail = queued(T0);

        Optional<Outcome> first = ports.mailOutbox().sendNext(T0,
                m -> new Outcome.Retry(m, m.failedOnce(T0, Duration.ofSeconds(30))));

        assertThat(first).containsInstanceOf(Outcome.Retry.class);
        assertThat(sentNext(T0.plusSeconds(29))).isEmpty();
        OutboxMail again = sentNext(T0.plusSeconds(30)).orElseThrow();
        assertThat(again.id()).isEqualTo(mail.id());
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.sealedBody()).isEqualTo(mail.sealedBody());
    }

    @Test
    void a_mail_past_its_deadline_is_due_whatever_its_next_attempt_and_a_dropped_one_is_gone() {
        OutboxMail mail = queued(T0);
        ports.mailOutbox().sendNext(T0, m -> new Outcome.Retry(m, OutboxMail.rehydrate(m.id(), m.kind(), m.recipient(),
                m.topic(), m.sealedBody(), m.createdAt(), m.deadline(), 1, m.deadline().plusSeconds(3600))));

        Optional<Outcome> atDeadline = ports.mailOutbox().sendNext(mail.deadline(),
                m -> new Outcome.Dropped(m, "expired"));

        assertThat(atDeadline).map(Outcome::mail).map(OutboxMail::id).contains(mail.id());
        assertThat(sentNext(FAR_FUTURE)).isEmpty();
    }

    @Test
    void mails_go_in_the_order_they_became_due() {
        OutboxMail later = queued(T0.plusSeconds(2));
        OutboxMail earlier = queued(T0.plusSeconds(1));

        assertThat(sentNext(T0.plusSeconds(5))).contains(earlier);
        assertThat(sentNext(T0.plusSeconds(5))).contains(later);
    }

    @Test
    void a_later_mail_of_the_same_topic_supersedes_the_unsent_one() {
        String topic = topic();
        ports.mailOutbox().enqueue(mail(topic, T0));
        OutboxMail newer = mail(topic, T0.plusSeconds(1));
        ports.mailOutbox().enqueue(newer);
        OutboxMail other = queued(T0.plusSeconds(2));

        assertThat(sentNext(T0.plusSeconds(5))).contains(newer);
        assertThat(sentNext(T0.plusSeconds(5))).contains(other);
        assertThat(sentNext(T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void a_mail_queued_in_a_transaction_that_fails_is_never_sent() {
        OutboxMail mail = mail(topic(), T0);

        assertThatThrownBy(() -> ports.unitOfWork().run(() -> {
            ports.mailOutbox().enqueue(mail);
            throw new IllegalStateException("the rest of the use case failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sentNext(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void an_attempt_that_throws_leaves_the_mail_as_it_was() {
        OutboxMail mail = queued(T0);

        assertThatThrownBy(() -> ports.mailOutbox().sendNext(T0, m -> {
            throw new IllegalStateException("a bug in the sender");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sentNext(T0)).contains(mail);
    }

    @Test
    void a_mail_held_by_one_sender_is_skipped_by_the_others_and_a_new_one_of_its_topic_does_not_wait() throws Exception {
        OutboxMail held = queued(T0);
        OutboxMail free = queued(T0.plusSeconds(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Outcome>> first = CompletableFuture.supplyAsync(() ->
                ports.mailOutbox().sendNext(T0.plusSeconds(5), m -> {
                    holding.countDown();
                    await(release);
                    return new Outcome.Sent(m);
                }));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThat(sentNext(T0.plusSeconds(5))).contains(free);
            assertThat(sentNext(T0.plusSeconds(5))).as("the held mail is not handed out twice").isEmpty();
            OutboxMail successor = mail(held.topic(), T0.plusSeconds(2));
            ports.mailOutbox().enqueue(successor);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).map(Outcome::mail).contains(held);
            assertThat(sentNext(T0.plusSeconds(5))).contains(successor);
        } finally {
            release.countDown();
        }
    }

    @Test
    void twenty_mails_taken_by_eight_senders_at_once_are_each_sent_exactly_once() throws Exception {
        List<OutboxMailId> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(queued(T0.plusMillis(i)).id());
        }
        List<OutboxMailId> sent = Collections.synchronizedList(new ArrayList<>());

        concurrently(8, () -> {
            while (ports.mailOutbox().sendNext(T0.plusSeconds(5), m -> {
                sent.add(m.id());
                sleep(10);
                return new Outcome.Sent(m);
            }).isPresent()) {
                // next
            }
            return null;
        });

        assertThat(sent).containsExactlyInAnyOrderElementsOf(queued);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
