package io.dashshare.adapter.mail;

import io.dashshare.domain.port.InviteMailer;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Development stand-in for SMTP: prints the invite link to standard output (never through a
 * logger, so that no log shipping picks it up). Refused in production like its code twin.
 */
public final class ConsoleInviteMailer implements InviteMailer {

    private static final String RULE = "=".repeat(72);

    private final PrintStream out;

    public ConsoleInviteMailer(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void send(Invite invite) {
        InviteMail mail = InviteMail.of(invite);
        String block = "\n" + RULE + "\n"
                + "DEV ONLY - owner invite printed instead of sent (no SMTP configured)\n"
                + "To:      " + invite.to().value() + "\n"
                + "Subject: " + mail.subject() + "\n"
                + "Link:    " + invite.inviteUrl() + "\n"
                + RULE + "\n";
        synchronized (out) {
            out.print(block);
            out.flush();
        }
    }
}
