package io.dashshare.domain.common;

import io.dashshare.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower case, an internationalised domain as its punycode)
 * so that comparison is plain equality, whatever case or script the person typed it in.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    // Deliberately plain: one @, a dot in the domain, no spaces or control characters.
    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidValueException("email", "must be a normalised email address");
        }
    }

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        Optional<String> domain = EmailDomain.ascii(trimmed.substring(at + 1));
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        String normalised = trimmed.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain.get();
        if (normalised.length() > MAX_LENGTH || !SHAPE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(normalised));
    }

    /** The part after the {@code @}, which an {@code email_domain} member matches exactly. */
    public EmailDomain domain() {
        return new EmailDomain(value.substring(value.lastIndexOf('@') + 1));
    }

    /** Parses a field of a request, refusing it as {@link InvalidValueException} naming the field. */
    public static EmailAddress parseField(String field, String raw) {
        return parse(raw).orElseThrow(() -> new InvalidValueException(field, "must be a valid email address"));
    }

    @Override
    public String toString() {
        return value;
    }
}
