package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.port.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class RateLimiterContract extends PortContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static String aKey() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void hits_up_to_the_limit_are_allowed_and_the_next_is_refused_until_the_window_ends() {
        String key = aKey();
        for (int i = 0; i < 3; i++) {
            assertThat(ports.rateLimiter().hit(key, 3, MINUTE, T0.plusSeconds(i)).allowed()).isTrue();
        }

        Decision refused = ports.rateLimiter().hit(key, 3, MINUTE, T0.plusSeconds(20));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void an_allowed_hit_has_no_retry_after() {
        assertThat(ports.rateLimiter().hit(aKey(), 1, MINUTE, T0)).isEqualTo(Decision.allow());
    }

    @Test
    void the_window_resets_when_it_ends() {
        String key = aKey();
        ports.rateLimiter().hit(key, 1, MINUTE, T0);
        assertThat(ports.rateLimiter().hit(key, 1, MINUTE, T0.plusSeconds(59)).allowed()).isFalse();

        assertThat(ports.rateLimiter().hit(key, 1, MINUTE, T0.plusSeconds(60)).allowed()).isTrue();
        assertThat(ports.rateLimiter().count(key, MINUTE, T0.plusSeconds(61))).isEqualTo(1);
        Decision again = ports.rateLimiter().hit(key, 1, MINUTE, T0.plusSeconds(70));
        assertThat(again.allowed()).isFalse();
        assertThat(again.retryAfter()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void keys_count_apart() {
        String a = aKey();
        String b = aKey();
        ports.rateLimiter().hit(a, 1, MINUTE, T0);

        assertThat(ports.rateLimiter().hit(b, 1, MINUTE, T0).allowed()).isTrue();
        assertThat(ports.rateLimiter().hit(a, 1, MINUTE, T0).allowed()).isFalse();
    }

    @Test
    void count_reads_without_adding_and_is_zero_for_unknown_keys_and_ended_windows() {
        String key = aKey();
        assertThat(ports.rateLimiter().count(key, MINUTE, T0)).isZero();
        ports.rateLimiter().hit(key, 10, MINUTE, T0);
        ports.rateLimiter().hit(key, 10, MINUTE, T0.plusSeconds(1));

        assertThat(ports.rateLimiter().count(key, MINUTE, T0.plusSeconds(2))).isEqualTo(2);
        assertThat(ports.rateLimiter().count(key, MINUTE, T0.plusSeconds(2))).isEqualTo(2);
        assertThat(ports.rateLimiter().count(key, MINUTE, T0.plusSeconds(60))).isZero();
    }

    @Test
    void refused_hits_keep_being_refused_within_the_window() {
        String key = aKey();
        ports.rateLimiter().hit(key, 2, MINUTE, T0);
        ports.rateLimiter().hit(key, 2, MINUTE, T0);
        List<Boolean> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(ports.rateLimiter().hit(key, 2, MINUTE, T0.plusSeconds(i)).allowed());
        }

        assertThat(later).containsOnly(false);
    }

    @Test
    void concurrent_hits_allow_exactly_the_limit() throws Exception {
        String key = aKey();

        List<Boolean> allowed = concurrently(20, () -> ports.rateLimiter().hit(key, 7, MINUTE, T0).allowed());

        assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(7);
        assertThat(ports.rateLimiter().count(key, MINUTE, T0)).isEqualTo(20);
    }
}
