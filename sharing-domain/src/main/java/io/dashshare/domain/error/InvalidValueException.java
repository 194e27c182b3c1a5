package io.dashshare.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value that a value object, an aggregate or a use case refuses: 400 {@code INVALID_REQUEST}
 * naming the offending {@code field} ({@code details.field}), with a readable reason and, where a
 * client must tell causes apart, a stable {@code details.reason} code (docs/errors.md).
 *
 * <p>A value object does not know where its value came from, so it names the field by what it
 * is ({@code slug}, {@code email}); the adapter that parsed it puts it in place with
 * {@link #under} ({@code filters[1]} + {@code slug} = {@code filters[1].slug}) or
 * {@link #renamed} ({@code slug} sent as {@code company_slug}). Because it is a
 * {@link SharingException}, a forgotten re-pathing still answers 400, never 500.
 */
public final class InvalidValueException extends SharingException {

    private final String field;
    private final String reason;
    private final String reasonCode;

    public InvalidValueException(String field, String reason) {
        this(field, reason, null);
    }

    public InvalidValueException(String field, String reason, String reasonCode) {
        super(ErrorCode.INVALID_REQUEST, field + ": " + reason, details(field, reasonCode));
        this.field = field;
        this.reason = reason;
        this.reasonCode = reasonCode;
    }

    private static Map<String, Object> details(String field, String reasonCode) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        if (reasonCode != null) {
            details.put("reason", reasonCode);
        }
        return details;
    }

    public String field() {
        return field;
    }

    /** The readable reason without the field, e.g. {@code must not be blank} (the message is {@code field: reason}). */
    public String reason() {
        return reason;
    }

    public Optional<String> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }

    /** The same refusal one level down: {@code filters[1]} + {@code slug} is {@code filters[1].slug}. */
    public InvalidValueException under(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        String path = field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
        return new InvalidValueException(path, reason, reasonCode);
    }

    /** The same refusal under the name the client used for the value. */
    public InvalidValueException renamed(String name) {
        return new InvalidValueException(name, reason, reasonCode);
    }

    /** Runs {@code parse}, putting any refusal it makes under {@code parent}. */
    public static <T> T under(String parent, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw e.under(parent);
        }
    }

    /** Runs {@code parse}, naming any refusal it makes {@code name}. */
    public static <T> T named(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw e.renamed(name);
        }
    }
}
