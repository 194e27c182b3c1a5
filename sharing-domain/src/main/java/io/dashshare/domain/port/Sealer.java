package io.dashshare.domain.port;

/**
 * Authenticated encryption under a server-held key (the mail outbox's bodies: docs/security.md,
 * codes). {@code context} is bound to the sealed bytes without being stored in them: opening with
 * another context fails.
 */
public interface Sealer {

    byte[] seal(byte[] plaintext, byte[] context);

    /** The plaintext, or {@link BrokenSealException} when the bytes were altered, or sealed under another key or context. */
    byte[] open(byte[] sealed, byte[] context);

    class BrokenSealException extends RuntimeException {
        public BrokenSealException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
