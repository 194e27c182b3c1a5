package io.dashshare.adapter.mail;

import io.dashshare.domain.port.OneTimeCodeMailer;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one-time codes through micronaut-email-javamail's {@link JavaxEmailSender} to the
 * configured SMTP server.
 *
 * <p>The {@link Session} is built here rather than by micronaut-email's {@code DefaultSessionProvider}:
 * that one reads {@code javamail.properties.*} and returns {@code Session.getDefaultInstance}, a
 * JVM-wide session fixed by whoever asks first, so our {@code sharing.smtp.*} settings, the
 * timeouts and a second configuration (tests) could silently lose. The sender, composer and
 * multipart layout remain micronaut-email's.
 */
public final class SmtpOneTimeCodeMailer implements OneTimeCodeMailer {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /*
     * Angus Mail writes the whole SMTP dialogue, message body included, to this java.util.logging
     * logger at FINEST. A verbose logging setup would put codes into logs, so it stays off. The
     * field keeps the logger (and so its level) from being garbage-collected.
     */
    private static final Logger PROTOCOL_TRACE = Logger.getLogger("org.eclipse.angus.mail.smtp.protocol");

    private final MailSettings settings;
    private final Session session;
    private final JavaxEmailSender sender;

    public SmtpOneTimeCodeMailer(MailSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    SmtpOneTimeCodeMailer(MailSettings settings, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(sessionProperties(settings, timeout), authenticator(settings));
        // The executor only serves sendAsync, which we never call: delivery runs on the caller's thread.
        this.sender = new JavaxEmailSender(ForkJoinPool.commonPool(),
                new JavaxEmailComposer(() -> session, new DefaultMessageComposer()));
    }

    static Properties sessionProperties(MailSettings settings, Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        props.setProperty("mail.smtp.from", settings.from());
        props.setProperty("mail.smtp.connectiontimeout", millis);
        props.setProperty("mail.smtp.timeout", millis);
        props.setProperty("mail.smtp.writetimeout", millis);
        props.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        props.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        props.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        if (settings.authenticates()) {
            props.setProperty("mail.smtp.user", settings.username());
        }
        // mail.debug prints the dialogue, code and (with mail.debug.auth) credentials to stdout.
        props.setProperty("mail.debug", "false");
        props.setProperty("mail.debug.auth", "false");
        return props;
    }

    Session session() {
        return session;
    }

    @Override
    public void send(Message message) {
        CodeMail mail = CodeMail.of(message);
        deliver(message.to().value(), mail.subject(), mail.text(), mail.html(), "one-time code mail");
    }

    /** Hands one multipart (HTML and text) mail to the server; {@code what} names it in a failure. */
    void deliver(String to, String subject, String text, String html, String what) {
        Email email = Email.builder()
                .from(settings.from())
                .to(to)
                .subject(subject)
                .body(new MultipartBody(html, text))
                .build();
        PROTOCOL_TRACE.setLevel(Level.OFF);
        try {
            sender.send(email, SmtpOneTimeCodeMailer::markAutomatic);
        } catch (EmailException e) {
            // Built from settings and exception class names only: server replies could echo anything.
            throw new DeliveryFailedException(what + " could not be handed to SMTP server "
                    + settings.host() + ":" + settings.port() + " (" + causeNames(e) + ")", e);
        }
    }

    private static void markAutomatic(jakarta.mail.Message mime) {
        try {
            // RFC 3834: no out-of-office replies or bounces to a robot.
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        } catch (MessagingException e) {
            throw new EmailException(e);
        }
    }

    private static String causeNames(Throwable failure) {
        Set<String> names = new LinkedHashSet<>();
        for (Throwable t = failure.getCause(); t != null && names.size() < 4; t = t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return names.isEmpty() ? failure.getClass().getSimpleName() : String.join(" <- ", names);
    }

    private static Authenticator authenticator(MailSettings settings) {
        if (!settings.authenticates()) {
            return null;
        }
        PasswordAuthentication credentials = new PasswordAuthentication(settings.username(), settings.password());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        };
    }
}
