package io.dashshare.architecture.violations.domain.share;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Allowed: the JDK the core may see, a class (URI, MessageDigest) or a package at a time. */
public record ShareLink(URI origin, Duration lifetime, BigDecimal weight) {

    private static final Pattern SLUG = Pattern.compile("[a-z-]+");
    private static final Map<String, byte[]> DIGESTS = new ConcurrentHashMap<>();

    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(origin.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean slugged() {
        return SLUG.matcher(origin.getPath()).matches();
    }
}
