package io.dashshare.application.testing;

import io.dashshare.domain.port.RandomSource;
import java.util.Random;
import java.util.UUID;

/** Randomness for use-case tests; production's CSPRNG source lives in adapter-crypto. */
public final class TestRandomSource implements RandomSource {

    private final Random random = new Random();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
