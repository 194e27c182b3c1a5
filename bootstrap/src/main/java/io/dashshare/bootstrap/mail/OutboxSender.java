package io.dashshare.bootstrap.mail;

import io.dashshare.application.port.in.DeliverMailUseCase;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's background sender (README, mail outbox): every instance runs it, one run at a
 * time, {@code sharing.outbox.poll-interval} apart. While the service database is away it waits
 * for the next run; the database adapter has already said why.
 */
@Singleton
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final DeliverMailUseCase deliver;

    public OutboxSender(DeliverMailUseCase deliver) {
        this.deliver = deliver;
    }

    @Scheduled(fixedDelay = "${sharing.outbox.poll-interval:1s}", initialDelay = "${sharing.outbox.poll-interval:1s}")
    void sendDue() {
        try {
            deliver.deliverDue();
        } catch (SharingException e) {
            if (e.code() != ErrorCode.SERVICE_UNAVAILABLE) {
                LOG.error("The outbox sender stopped this run: {}", e.code());
            }
        } catch (RuntimeException e) {
            // Class only: a message could quote a mail.
            LOG.error("The outbox sender stopped this run ({}); it runs again shortly", e.getClass().getName());
        }
    }
}
