package io.dashshare.adapter.crypto;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.dashshare.domain.port.PasswordHasher;

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), encoded as a PHC string so
 * that stored hashes carry their own parameters and stay verifiable after a cost increase.
 */

public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

    @Override
    public String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformedHash) {
            // A corrupt stored hash matches nothing; it must not turn a login into a 500.
            return false;
        }
    }
}
