package io.dashshare.bootstrap.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dashshare.bootstrap.SharingLauncher;
import io.dashshare.bootstrap.config.ServiceConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole service, started as {@code java -jar} starts it (embedded PostgreSQL, demo, real
 * SMTP through GreenMail), for tests that drive it over HTTP. {@link #shared()} is one instance
 * per test JVM; {@link #start(Map)} gives a dedicated one for tests that need their own settings
 * (a second instance on the same database, production mode, ...).
 */
public final class TestService implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@acme.test";
    public static final String ADMIN_PASSWORD = "admin-test-password-1";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4}-\\d{4})\\b");
    private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://\\S+/portal/\\S+#email=\\S+&code=\\S+");
    private static final Pattern INVITE = Pattern.compile("/console/invite#([A-Za-z0-9_-]{43})");
    /** The shared service's operator API is on, so tests make companies as a platform would. */
    public static final String OPERATOR_TOKEN = "operator-token-of-the-tests-0123456789abcdef";

    private static TestService shared;

    private final SharingLauncher.RunningService running;
    private final GreenMail mail;
    private final Path dataDir;
    private final String baseUrl;

    private TestService(SharingLauncher.RunningService running, GreenMail mail, Path dataDir, String baseUrl) {
        this.running = running;
        this.mail = mail;
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
    }

    public static synchronized TestService shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-service-shutdown"));
        }
        return shared;
    }

    /** A dedicated service; {@code env} adds to or overrides the test defaults (the README's configuration names). */
    public static TestService start(Map<String, String> env) {
        try {
            Path dataDir = Files.createTempDirectory("sharing-test-");
            GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            int port = freePort();
            Map<String, String> values = new HashMap<>();
            values.put("PORT", Integer.toString(port));
            values.put("SHARING_DATA_DIR", dataDir.toString());
            values.put("SHARING_ADMIN_EMAIL", ADMIN_EMAIL);
            values.put("SHARING_ADMIN_PASSWORD", ADMIN_PASSWORD);
            values.put("SHARING_SMTP_HOST", "127.0.0.1");
            values.put("SHARING_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
            values.put("SHARING_SMTP_STARTTLS", "false");
            values.put("SHARING_MAIL_FROM", "no-reply@sharing.test");
            values.put("sharing.otp.minimum-request-time", "0ms");
            values.put("SHARING_OPERATOR_TOKEN", OPERATOR_TOKEN);
            values.putAll(env);
            try {
                SharingLauncher.RunningService running = SharingLauncher.launch(new ServiceConfig(values), System.out);
                return new TestService(running, mail, dataDir, "http://localhost:" + running.port());
            } catch (RuntimeException refused) {
                mail.stop();
                throw refused;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiClient api() {
        return new ApiClient(baseUrl);
    }

    public SharingLauncher.RunningService running() {
        return running;
    }

    public GreenMail mail() {
        return mail;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The JDBC URL of the embedded database (for a second instance or direct checks). */
    public String jdbcUrl() {
        return running.embedded().jdbcUrl();
    }

    /** Waits for the newest one-time code mailed to {@code email}, as its recipient would read it. */
    public String latestCodeFor(String email) {
        return latestMatch(email, CODE, "code");
    }

    /** Waits for the newest owner invite mailed to {@code email}; answers the token of its link's fragment. */
    public String latestInviteTokenFor(String email) {
        return latestMatch(email, INVITE, "invite");
    }

    /** Waits for the newest mail to {@code email} whose decoded text matches {@code pattern}; answers group 1. */
    private String latestMatch(String email, Pattern pattern, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            String found = null;
            for (MimeMessage message : mail.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1))) {
                try {
                    if (List.of(message.getAllRecipients()).stream().anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                        Matcher m = pattern.matcher(text(message));
                        if (m.find()) {
                            found = m.group(1);
                        }
                    }
                } catch (jakarta.mail.MessagingException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (found != null) {
                return found;
            }
            sleep(50);
        }
        throw new AssertionError("no " + what + " was mailed to " + email);
    }

    /** The decoded text of a mail: its text/plain part, transfer encoding undone. */
    public static String text(jakarta.mail.Part part) throws jakarta.mail.MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    /**
     * The sign-in link of the newest code mail to {@code email}, read from its text part as a
     * recipient's mail program shows it ({@code <base>/portal/<slug>#email=...&code=...}).
     */
    public String latestSignInLinkFor(String email) {
        latestCodeFor(email);
        String link = null;
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (List.of(message.getAllRecipients()).stream().anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                    Matcher m = SIGN_IN_LINK.matcher(textPart(message.getContent()));
                    if (m.find()) {
                        link = m.group();
                    }
                }
            } catch (jakarta.mail.MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (link == null) {
            throw new AssertionError("no sign-in link was mailed to " + email);
        }
        return link;
    }

    private static String textPart(Object content) throws jakarta.mail.MessagingException, IOException {
        if (content instanceof jakarta.mail.internet.MimeMultipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart) {
                    text.append(textPart(part.getContent()));
                } else if (part.isMimeType("text/plain")) {
                    text.append(part.getContent());
                }
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    /** How many messages reached {@code email} so far. */
    public long mailsTo(String email) {
        return List.of(mail.getReceivedMessages()).stream().filter(m -> {
            try {
                return List.of(m.getAllRecipients()).stream().anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            running.close();
        } finally {
            mail.stop();
        }
    }
}
