package io.dashshare.bootstrap.config;

import io.dashshare.application.service.Keyed;
import java.util.Base64;

/**
 * Independent keys derived from the master secret, one per purpose, so that no token type can be
 * verified with another type's key. Registered as a bean, never as a configuration property.
 */
public final class SharingKeys {

    private final byte[] ownerJwt;
    private final byte[] shareAccess;
    private final byte[] codeHmac;
    private final byte[] demoReader;
    private final byte[] mailOutbox;

    public SharingKeys(byte[] master) {
        this.ownerJwt = Keyed.derive(master, "owner-jwt");
        this.shareAccess = Keyed.derive(master, "share-access-jwt");
        this.codeHmac = Keyed.derive(master, "one-time-code-hmac");
        this.demoReader = Keyed.derive(master, "demo-reader-password");
        this.mailOutbox = Keyed.derive(master, "mail-outbox-aes-256-gcm");
    }

    /** For micronaut-security-jwt, which takes its HMAC secret as a string. */
    public String ownerJwtSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ownerJwt);
    }

    public byte[] shareAccess() {
        return shareAccess.clone();
    }

    public byte[] codeHmac() {
        return codeHmac.clone();
    }

    /** The AES-256 key that seals queued mail bodies (README, mail outbox). */
    public byte[] mailOutbox() {
        return mailOutbox.clone();
    }

    /** The password of the demo data source's read-only role: stable across restarts, never printed. */
    public String demoReaderPassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(demoReader);
    }

    @Override
    public String toString() {
        return "SharingKeys[redacted]";
    }
}
