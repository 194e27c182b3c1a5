package io.dashshare.adapter.mail;

import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link OneTimeCodeMailer}: SMTP when {@code sharing.smtp.host} is set, else the
 * console (development only). Environment variables map onto these properties
 * ({@code SHARING_SMTP_HOST} to {@code sharing.smtp.host}, and so on).
 */
@Factory
public class MailFactory {

    static final String PRODUCTION = "production";

    private static final Logger LOG = LoggerFactory.getLogger(MailFactory.class);

    /** Eager, so that production without SMTP fails at startup rather than at the first code request. */
    @Context
    OneTimeCodeMailer oneTimeCodeMailer(
            @Value("${sharing.env:dev}") String env,
            @Value("${sharing.smtp.host:}") String host,
            @Value("${sharing.smtp.port:}") String port,
            @Value("${sharing.smtp.username:}") String username,
            @Value("${sharing.smtp.password:}") String password,
            @Value("${sharing.smtp.starttls:true}") String startTls,
            @Value("${sharing.mail.from:no-reply@localhost}") String from) {
        return create(env, smtpSettings(host, port, username, password, startTls, from), System.out);
    }

    /** Invites travel the way the codes do: SMTP when configured, else the console (development only). */
    @Context
    InviteMailer inviteMailer(OneTimeCodeMailer codes) {
        return codes instanceof SmtpOneTimeCodeMailer smtp ? new SmtpInviteMailer(smtp)
                : new ConsoleInviteMailer(System.out);
    }

    /** Empty when no host is configured. Malformed values fail loudly instead of weakening delivery. */
    static Optional<MailSettings> smtpSettings(String host, String port, String username, String password,
                                               String startTls, String from) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        boolean tls = parseBoolean("sharing.smtp.starttls", startTls, true);
        int portNumber = port == null || port.isBlank() ? MailSettings.defaultPort(tls) : parsePort(port);
        return Optional.of(new MailSettings(host.strip(), portNumber, username, password, tls,
                from == null || from.isBlank() ? "no-reply@localhost" : from.strip()));
    }

    static OneTimeCodeMailer create(String env, Optional<MailSettings> smtp, PrintStream console) {
        boolean production = env != null && PRODUCTION.equals(env.strip().toLowerCase(Locale.ROOT));
        if (smtp.isPresent()) {
            MailSettings settings = smtp.get();
            if (settings.authenticates() && !settings.startTls()) {
                LOG.warn("SMTP credentials for {} are sent without STARTTLS (sharing.smtp.starttls=false)",
                        settings.host());
            }
            LOG.info("One-time codes are mailed through {}", settings);
            return new SmtpOneTimeCodeMailer(settings);
        }
        if (production) {
            throw new IllegalStateException("sharing.env=production needs an SMTP server for one-time codes: set "
                    + "SHARING_SMTP_HOST (sharing.smtp.host) and its companions; the console mail sender prints "
                    + "codes and is for development only");
        }
        LOG.warn("No SMTP host configured (SHARING_SMTP_HOST): one-time codes are printed to standard output. "
                + "DEV ONLY.");
        return new ConsoleOneTimeCodeMailer(console);
    }

    private static boolean parseBoolean(String property, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals("true")) {
            return true;
        }
        if (normalised.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(property + " must be true or false, not '" + value + "'");
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sharing.smtp.port must be a port number, not '" + value + "'", e);
        }
    }
}
