package io.dashshare.adapter.mail;

import io.dashshare.domain.port.OneTimeCodeMailer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The words of a one-time code mail, apart from how it travels: subject, text and HTML with the
 * company's name, the code, its lifetime in minutes and a sign-in link
 * {@code <portal>#email=<email>&code=<code>} (docs/viewer.md, portal). The link's values ride in
 * the fragment, which browsers never send to a server, and the portal page only fills its form
 * from them: a mail scanner that opens the link cannot spend the code. The code stays out of the
 * subject on purpose: subjects end up in mail server logs and lock-screen previews.
 */
record CodeMail(String subject, String text, String html) {

    static CodeMail of(OneTimeCodeMailer.Message message) {
        requireValid(message);
        String company = oneLine(message.companyName());
        String code = message.code().display();
        String validity = describe(message.validFor());
        String portal = message.portalUrl();
        String link = signInLink(message);

        String subject = "Your sign-in code for " + company;
        String text = "Hello,\n\n"
                + "use this code to open the dashboards that " + company + " shares with you:\n\n"
                + "    " + code + "\n\n"
                + "The code is valid for " + validity + " and works once.\n\n"
                + "Sign in with one click: " + link + "\n\n"
                + "Or open " + portal + " and enter the code there.\n\n"
                + "If you did not request this code, ignore this email; nobody gets access without it.\n";
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(subject) + "</title></head>"
                + "<body style=\"font-family:sans-serif\">\n"
                + "<p>Hello,</p>\n"
                + "<p>use this code to open the dashboards that <strong>" + escape(company)
                + "</strong> shares with you:</p>\n"
                + "<p style=\"font-size:28px;font-family:monospace;letter-spacing:2px\"><strong>" + escape(code)
                + "</strong></p>\n"
                + "<p>The code is valid for " + escape(validity) + " and works once.</p>\n"
                + "<p><a href=\"" + escape(link) + "\">Sign in to " + escape(company) + "</a></p>\n"
                + "<p>Or open <a href=\"" + escape(portal) + "\">" + escape(portal) + "</a> and enter the code there.</p>\n"
                + "<p>If you did not request this code, ignore this email; nobody gets access without it.</p>\n"
                + "</body></html>\n";
        return new CodeMail(subject, text, html);
    }

    /**
     * The portal link with the email and the code in its fragment, percent-encoded as the page's
     * {@code URLSearchParams} reads them ({@code +} must not turn into a space); {@code @} is
     * legal in a fragment and kept readable.
     */
    static String signInLink(OneTimeCodeMailer.Message message) {
        String email = URLEncoder.encode(message.to().value(), StandardCharsets.UTF_8).replace("%40", "@");
        return message.portalUrl() + "#email=" + email + "&code=" + message.code().display();
    }

    /** "10 minutes", "1 hour", "90 seconds": the largest whole unit. */
    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Control characters (a company name may hold newlines) would break headers and terminals. */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    static void requireValid(OneTimeCodeMailer.Message message) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(message.to(), "to");
        Objects.requireNonNull(message.code(), "code");
        Objects.requireNonNull(message.companyName(), "companyName");
        Objects.requireNonNull(message.validFor(), "validFor");
        Objects.requireNonNull(message.portalUrl(), "portalUrl");
        if (message.validFor().isNegative() || message.validFor().isZero()) {
            throw new IllegalArgumentException("validFor must be positive");
        }
        if (message.portalUrl().contains("#")) {
            throw new IllegalArgumentException("portalUrl must not have a fragment of its own");
        }
        requireHttpUrl(message.portalUrl(), "portalUrl");
    }

    /** A link is clickable in the HTML part: only http(s) may get there, never javascript: or data:. */
    static void requireHttpUrl(String url, String what) {
        Objects.requireNonNull(url, what);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL", e);
        }
    }

    @Override
    public String toString() {
        return "CodeMail[subject=" + subject + ", body redacted]";
    }
}
