package io.dashshare.application.testing;

import io.dashshare.domain.port.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A trivial, fast hasher that counts comparisons, so tests can see both login paths do the same work. */
public final class TestPasswordHasher implements PasswordHasher {

    private final AtomicInteger comparisons = new AtomicInteger();

    @Override
    public String hash(String password) {
        return "test$" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        comparisons.incrementAndGet();
        return hash.equals(hash(password));
    }

    public int comparisons() {
        return comparisons.get();
    }
}
