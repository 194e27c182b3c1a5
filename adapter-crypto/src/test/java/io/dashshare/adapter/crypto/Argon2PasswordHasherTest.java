package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    /** Written by password4j 1.8.2, the hasher before this one: data directories hold hashes like it. */
    private static final String EARLIER_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$YFW6k5Vx6R7wjbkfzdu6vw$3e+aUGZAY4E50xNRTg/p/OcnQjTHa0DPWIRhn0vcAG0";

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void a_hash_is_salted_argon2id_and_matches_only_its_password() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery staple", first)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", first)).isFalse();
    }

    @Test
    void hashes_stored_by_the_earlier_hasher_still_match() {
        assertThat(hasher.matches("correct horse battery staple", EARLIER_HASH)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", EARLIER_HASH)).isFalse();
    }

    @Test
    void a_corrupt_or_foreign_hash_matches_nothing() {
        assertThat(hasher.matches("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.matches("x", "$argon2i$v=19$m=19456,t=2,p=1$YFW6k5Vx6R7wjbkfzdu6vw$3e+aUGZAY4E50xNRTg/p/OcnQjTHa0DPWIRhn0vcAG0")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=4194304,t=2,p=1$YFW6k5Vx6R7wjbkfzdu6vw$3e+aUGZAY4E50xNRTg/p/OcnQjTHa0DPWIRhn0vcAG0"))
                .as("a memory cost past the bound is not computed").isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("x"))).isFalse();
    }

    @Test
    void no_more_than_the_bound_hash_at_once_and_the_rest_wait_their_turn() throws Exception {
        Argon2PasswordHasher bounded = new Argon2PasswordHasher(2, Duration.ofSeconds(30));
        String stored = bounded.hash("a password of the test");
        AtomicInteger matched = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    if (bounded.matches("a password of the test", stored)) {
                        matched.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(matched).hasValue(6);
    }

    @Test
    void a_hash_that_waited_past_the_bound_is_refused_with_RATE_LIMITED() throws Exception {
        Argon2PasswordHasher one = new Argon2PasswordHasher(1, Duration.ofMillis(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Throwable> refused = new ArrayList<>();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> one.hash("a password of the test")));
            }
            for (Future<?> call : calls) {
                try {
                    call.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(RateLimitedException.class)
                .extracting(t -> ((RateLimitedException) t).code()).isEqualTo(ErrorCode.RATE_LIMITED));
        assertThatThrownBy(() -> { throw refused.get(0); }).hasMessageNotContaining("password of the test");
    }
}
