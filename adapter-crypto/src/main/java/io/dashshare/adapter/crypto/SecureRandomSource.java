package io.dashshare.adapter.crypto;

import io.dashshare.domain.port.RandomSource;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/** The production {@link RandomSource}: the JDK's CSPRNG for tokens, keys, codes and ids. */
public final class SecureRandomSource implements RandomSource {

    private final SecureRandom random;

    public SecureRandomSource() {
        this(new SecureRandom());
    }

    public SecureRandomSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public byte[] bytes(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@link SecureRandom#nextInt(int)} rejects and redraws, so the result carries no modulo bias. */
    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A version-4 UUID drawn from this source rather than from the JDK's hidden shared instance. */
    @Override
    public UUID uuid() {
        byte[] b = bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
