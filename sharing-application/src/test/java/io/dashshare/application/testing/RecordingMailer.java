package io.dashshare.application.testing;

import io.dashshare.domain.port.OneTimeCodeMailer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every one-time code message instead of sending it. Told to fail, it keeps the message it
 * could not deliver (so a test can prove that code is dead) and throws as an SMTP outage would.
 */
public final class RecordingMailer implements OneTimeCodeMailer {

    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final List<Message> undelivered = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile Duration delay = Duration.ZERO;

    @Override
    public void send(Message message) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing) {
            undelivered.add(message);
            throw new DeliveryFailedException("550 relay refused (test)", null);
        }
        sent.add(message);
    }

    public void failFromNowOn() {
        failing = true;
    }

    public void deliverAgain() {
        failing = false;
    }

    public void takeTime(Duration value) {
        delay = value;
    }

    public List<Message> sent() {
        return List.copyOf(sent);
    }

    public List<Message> undelivered() {
        return List.copyOf(undelivered);
    }

    public List<Message> sentTo(String email) {
        return sent.stream().filter(m -> m.to().value().equals(email)).toList();
    }

    /** The code of the latest mail to {@code email}, as the mail shows it ({@code 1234-5678}). */
    public String lastCodeFor(String email) {
        List<Message> mine = sentTo(email);
        if (mine.isEmpty()) {
            throw new AssertionError("no code was mailed to " + email);
        }
        return mine.get(mine.size() - 1).code().display();
    }
}
