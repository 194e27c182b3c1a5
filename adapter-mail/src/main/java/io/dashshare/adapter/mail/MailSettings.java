package io.dashshare.adapter.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * Where and how one-time code mail is handed over. {@code username} and {@code password} are
 * both set (SMTP AUTH) or both null. {@code startTls} means STARTTLS is required, not merely
 * attempted: a server that does not offer it is a delivery failure, never a silent downgrade to
 * plain text.
 */
public record MailSettings(String host, int port, String username, String password, boolean startTls,
                           String from) {

    public static final int SUBMISSION_PORT = 587;
    public static final int RELAY_PORT = 25;

    public MailSettings {
        if (host == null || host.isBlank() || !host.equals(host.strip())) {
            throw new IllegalArgumentException("SMTP host must be a non-blank name without surrounding spaces");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535, not " + port);
        }
        username = blankToNull(username);
        password = blankToNull(password);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("SMTP username and password must be set together");
        }
        Objects.requireNonNull(from, "from");
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("sender address is not a valid email address: " + from, e);
        }
    }

    /** The port to use when none is configured: submission with STARTTLS, else the relay port. */
    public static int defaultPort(boolean startTls) {
        return startTls ? SUBMISSION_PORT : RELAY_PORT;
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", startTls=" + startTls
                + ", from=" + from + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
