package io.dashshare.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.port.ResultCache.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryResultCacheTest {

    private static final QueryResult RESULT =
            new QueryResult(List.of(new Column("n", "number")), List.of(List.of(1L)), false, 3);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static Key key(String widget) {
        return new Key("company-a", "dash", 1, widget, "{}");
    }

    @Test
    void a_result_is_served_until_its_ttl_ends() {
        InMemoryResultCache cache = new InMemoryResultCache(clock, Duration.ofSeconds(30), 10);
        cache.put(key("w"), RESULT);

        now = now.plusSeconds(29);
        assertThat(cache.get(key("w"))).contains(RESULT);
        now = now.plusSeconds(1);
        assertThat(cache.get(key("w"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keys_differing_in_company_version_or_parameters_never_share_a_result() {
        InMemoryResultCache cache = new InMemoryResultCache(clock, Duration.ofSeconds(30), 10);
        cache.put(new Key("company-a", "dash", 1, "w", "{\"region\":\"north\"}"), RESULT);

        assertThat(cache.get(new Key("company-b", "dash", 1, "w", "{\"region\":\"north\"}"))).isEmpty();
        assertThat(cache.get(new Key("company-a", "dash", 2, "w", "{\"region\":\"north\"}"))).isEmpty();
        assertThat(cache.get(new Key("company-a", "dash", 1, "w", "{}"))).isEmpty();
        assertThat(cache.get(new Key("company-a", "dash", 1, "w", "{\"region\":\"north\"}"))).contains(RESULT);
    }

    @Test
    void a_zero_ttl_caches_nothing() {
        InMemoryResultCache cache = new InMemoryResultCache(clock, Duration.ZERO, 10);
        cache.put(key("w"), RESULT);

        assertThat(cache.get(key("w"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_least_recently_used_entry_goes_first_when_full() {
        InMemoryResultCache cache = new InMemoryResultCache(clock, Duration.ofSeconds(30), 2);
        cache.put(key("a"), RESULT);
        cache.put(key("b"), RESULT);
        cache.get(key("a"));

        cache.put(key("c"), RESULT);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(key("b"))).isEmpty();
        assertThat(cache.get(key("a"))).contains(RESULT);
        assertThat(cache.get(key("c"))).contains(RESULT);
    }
}
