package io.dashshare.domain.mail;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a queued mail says, as named fields (the code, the company's name, ...), before it is
 * sealed. Encoded as {@code application/x-www-form-urlencoded} by the JDK's own codec: it keeps
 * any text, and the domain needs no JSON library for it.
 */
public final class MailBody {

    private final Map<String, String> fields;

    private MailBody(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    public static MailBody of(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        return new MailBody(fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field, or {@link IllegalStateException}: a body of a known kind always has its fields. */
    public String require(String name) {
        return field(name).orElseThrow(() -> new IllegalStateException("mail body without " + name));
    }

    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static MailBody decode(byte[] encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(encoded, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("malformed mail body");
                }
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new MailBody(fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailBody other && other.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** Bodies carry codes: never printed. */
    @Override
    public String toString() {
        return "MailBody[" + fields.size() + " fields, redacted]";
    }
}
