package io.dashshare.domain.port;

import java.util.UUID;

/** Randomness for ids, tokens, keys and codes. Production implementations are CSPRNGs. */
public interface RandomSource {

    byte[] bytes(int count);

    /** Uniform in [0, bound). */
    int nextInt(int bound);

    UUID uuid();
}
