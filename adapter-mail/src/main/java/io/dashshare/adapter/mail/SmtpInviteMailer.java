package io.dashshare.adapter.mail;

import io.dashshare.domain.port.InviteMailer;
import java.util.Objects;

/** Owner invites through the same SMTP session as the one-time codes. */
public final class SmtpInviteMailer implements InviteMailer {

    private final SmtpOneTimeCodeMailer smtp;

    public SmtpInviteMailer(SmtpOneTimeCodeMailer smtp) {
        this.smtp = Objects.requireNonNull(smtp, "smtp");
    }

    @Override
    public void send(Invite invite) {
        InviteMail mail = InviteMail.of(invite);
        smtp.deliver(invite.to().value(), mail.subject(), mail.text(), mail.html(), "invite mail");
    }
}
