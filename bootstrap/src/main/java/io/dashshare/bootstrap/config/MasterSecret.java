package io.dashshare.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master secret behind token signing and code hashing (docs/security.md#codes-3): from
 * {@code SHARING_SECRET}; in dev, generated once and kept in the data directory; in production,
 * required. Nothing is ever shipped as a default.
 */
public final class MasterSecret {

    private static final int MIN_LENGTH = 32;

    private MasterSecret() {
    }

    public static byte[] resolve(ServiceConfig config) {
        var given = config.get("SHARING_SECRET");
        if (given.isPresent()) {
            if (given.get().length() < MIN_LENGTH) {
                throw new IllegalStateException("SHARING_SECRET must be at least " + MIN_LENGTH + " characters");
            }
            return given.get().getBytes(StandardCharsets.UTF_8);
        }
        if (config.production()) {
            throw new IllegalStateException("SHARING_SECRET is required when SHARING_ENV=production");
        }
        return devSecret(config.dataDir().resolve("secret"));
    }

    private static byte[] devSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file stays with default permissions.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev secret at " + file, e);
        }
    }
}
