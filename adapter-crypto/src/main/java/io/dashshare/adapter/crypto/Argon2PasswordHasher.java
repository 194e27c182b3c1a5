package io.dashshare.adapter.crypto;

import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.port.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), encoded as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, unpadded base64) so that stored hashes carry
 * their own parameters and stay verifiable after a cost increase (docs/security.md).
 *
 * <p>Each hash needs its 19 MiB for the time it runs, so at most {@link #CONCURRENT} run at once
 * and the others wait their turn for up to {@link #WAIT}, then get {@code RATE_LIMITED}: unbounded,
 * 16 concurrent sign-ins with wrong passwords exhausted the service's 128 MB heap and the process
 * exited (docs/operations.md, memory). The generator is Bouncy Castle's, which allocates its memory
 * per hash and keeps none of it afterwards. Bouncy Castle has no PHC encoding, so the few lines of
 * it are here, read strictly (the shape, the variant, bounded costs).
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    /** Hashes at once: about the cores a small instance has; 2 x 19 MiB of heap at most. */
    static final int CONCURRENT = 2;
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Stored costs beyond these are not ours and would cost more than any sign-in is worth. */
    private static final int MAX_MEMORY_KIB = 262_144;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 8;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore running;
    private final Duration wait;

    public Argon2PasswordHasher() {
        this(CONCURRENT, WAIT);
    }

    Argon2PasswordHasher(int concurrent, Duration wait) {
        this.running = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    @Override
    public String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            // A corrupt or foreign stored hash matches nothing; it must not turn a login into a 500.
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int parallelism = Integer.parseInt(phc.group(3));
        if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_IN.decode(phc.group(4));
            expected = B64_IN.decode(phc.group(5));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        boolean acquired;
        try {
            acquired = running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateLimitedException(Duration.ofSeconds(1));
        }
        if (!acquired) {
            throw new RateLimitedException(Duration.ofSeconds(1));
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                    .withSalt(salt).build());
            byte[] out = new byte[length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            running.release();
        }
    }
}
