package io.dashshare.application.testing;

import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.OneTimeCodeMailer;
import java.util.ArrayList;
import java.util.List;

/** Keeps every invite "sent", or refuses them all while {@link #failing} is set (an SMTP outage). */
public final class RecordingInviteMailer implements InviteMailer {

    private final List<Invite> sent = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized void send(Invite invite) {
        if (failing) {
            throw new OneTimeCodeMailer.DeliveryFailedException("SMTP down", null);
        }
        sent.add(invite);
    }

    public synchronized List<Invite> sent() {
        return List.copyOf(sent);
    }

    /** The invite token of the latest mail to {@code email}, read from its link's fragment. */
    public synchronized String lastTokenFor(String email) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).to().value().equals(email)) {
                String url = sent.get(i).inviteUrl();
                return url.substring(url.indexOf('#') + 1);
            }
        }
        throw new AssertionError("no invite was mailed to " + email);
    }

    public synchronized void failing(boolean value) {
        this.failing = value;
    }
}
