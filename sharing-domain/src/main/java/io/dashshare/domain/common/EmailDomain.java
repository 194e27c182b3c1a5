package io.dashshare.domain.common;

import io.dashshare.domain.error.InvalidValueException;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain part of an email address, normalised to lower-case ASCII: an internationalised name
 * ({@code bücher.de}) is held as its punycode ({@code xn--bcher-kva.de}), so that one domain has
 * one spelling and matching it is plain equality (docs/api.md, share contexts).
 */
public record EmailDomain(String value) {

    private static final int MAX_LENGTH = 253;
    static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailDomain {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("domain", "must be a normalised domain name");
        }
    }

    /** Trims, lower-cases and converts an internationalised name to punycode; empty when it is no domain name. */
    public static Optional<EmailDomain> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return ascii(raw.strip()).filter(d -> d.length() <= MAX_LENGTH && SHAPE.matcher(d).matches())
                .map(EmailDomain::new);
    }

    public static EmailDomain parseField(String field, String raw) {
        return parse(raw).orElseThrow(() -> new InvalidValueException(field,
                "must be a domain name such as customer.com"));
    }

    /** {@link IDN#toASCII} (IDNA 2003, with the host-name rules) maps case and Unicode forms to one spelling. */
    static Optional<String> ascii(String name) {
        try {
            return Optional.of(IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A free-mail provider's domain: anyone may have an address there, so it admits no one in particular. */
    public boolean isPublicEmailDomain() {
        return PublicEmailDomains.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
