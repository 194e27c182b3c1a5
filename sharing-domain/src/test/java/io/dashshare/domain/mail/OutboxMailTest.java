package io.dashshare.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private static OutboxMail mail() {
        return OutboxMail.queue(new OutboxMailId(UUID.randomUUID()), MailKind.ONE_TIME_CODE,
                new EmailAddress("jane@customer.com"), "t", new byte[] {1, 2, 3}, NOW, NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void a_new_mail_is_due_at_once() {
        assertThat(mail().isDue(NOW)).isTrue();
        assertThat(mail().attempts()).isZero();
    }

    @Test
    void a_failed_attempt_counts_and_waits_but_never_past_the_deadline() {
        OutboxMail once = mail().failedOnce(NOW, Duration.ofSeconds(30));
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.isDue(NOW.plusSeconds(29))).isFalse();
        assertThat(once.isDue(NOW.plusSeconds(30))).isTrue();

        OutboxMail late = once.failedOnce(NOW.plusSeconds(590), Duration.ofMinutes(5));
        assertThat(late.nextAttemptAt()).isEqualTo(late.deadline());
        assertThat(late.isPastDeadline(late.deadline())).isTrue();
    }

    @Test
    void the_seal_context_names_the_mail_its_kind_and_its_recipient() {
        OutboxMail mail = mail();
        OutboxMail other = OutboxMail.queue(new OutboxMailId(UUID.randomUUID()), MailKind.ONE_TIME_CODE,
                new EmailAddress("jane@customer.com"), "t", new byte[] {1, 2, 3}, NOW, NOW.plusSeconds(60));

        assertThat(mail.sealContext()).isNotEqualTo(other.sealContext());
        assertThat(new String(mail.sealContext())).contains(mail.id().toString(), "one_time_code", "jane@customer.com");
    }
}
