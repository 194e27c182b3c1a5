package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.contract.Ports;
import io.dashshare.domain.contract.RateLimiterContract;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JooqRateLimiterTest extends RateLimiterContract {

    @Override
    protected Ports newPorts() {
        return JooqPorts.create();
    }

    @Test
    void two_service_instances_count_against_one_limit() {
        // Two independent adapter sets (own jOOQ context each), as two service nodes would have.
        JooqRateLimiter nodeA = JooqPersistence.on(TestDatabase.get().service()).rateLimiter();
        JooqRateLimiter nodeB = JooqPersistence.on(TestDatabase.get().service()).rateLimiter();
        String key = "email:" + UUID.randomUUID();
        Instant now = Instant.parse("2026-03-01T12:00:00Z");

        assertThat(nodeA.hit(key, 2, Duration.ofMinutes(10), now).allowed()).isTrue();
        assertThat(nodeB.hit(key, 2, Duration.ofMinutes(10), now.plusSeconds(1)).allowed()).isTrue();

        assertThat(nodeA.hit(key, 2, Duration.ofMinutes(10), now.plusSeconds(2)).allowed()).isFalse();
        assertThat(nodeB.hit(key, 2, Duration.ofMinutes(10), now.plusSeconds(3)).retryAfter())
                .isEqualTo(Duration.ofSeconds(597));
    }
}
