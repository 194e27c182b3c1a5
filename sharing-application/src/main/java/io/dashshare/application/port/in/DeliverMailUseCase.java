package io.dashshare.application.port.in;

/** The outbox's sender (README, mail outbox): run over and over by a background task on every instance. */
public interface DeliverMailUseCase {

    /** Sends, retries later or drops the mails due now, up to one batch; returns how many it handled. */
    int deliverDue();
}
