package io.dashshare.adapter.mail;

import io.dashshare.domain.port.OneTimeCodeMailer;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Development stand-in for SMTP: prints the code to standard output. The only place a code is
 * ever printed; {@link MailFactory} refuses it when {@code sharing.env=production}. It writes to
 * the console directly rather than through a logger so that no log shipping picks codes up.
 */
public final class ConsoleOneTimeCodeMailer implements OneTimeCodeMailer {

    private static final String RULE = "=".repeat(72);

    private final PrintStream out;

    public ConsoleOneTimeCodeMailer() {
        this(System.out);
    }

    public ConsoleOneTimeCodeMailer(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void send(Message message) {
        CodeMail.requireValid(message);
        String block = "\n" + RULE + "\n"
                + "DEV ONLY - one-time code mail printed instead of sent (no SMTP configured)\n"
                + "To:      " + message.to().value() + "\n"
                + "Company: " + CodeMail.oneLine(message.companyName())
                + " (" + CodeMail.oneLine(String.valueOf(message.companySlug())) + ")\n"
                + "Code:    " + message.code().display() + "  (valid for " + CodeMail.describe(message.validFor()) + ")\n"
                + "Portal:  " + CodeMail.oneLine(message.portalUrl()) + "\n"
                + "Sign in: " + CodeMail.oneLine(CodeMail.signInLink(message)) + "\n"
                + RULE + "\n";
        // One write, so that lines of concurrent requests do not interleave.
        synchronized (out) {
            out.print(block);
            out.flush();
        }
    }
}
